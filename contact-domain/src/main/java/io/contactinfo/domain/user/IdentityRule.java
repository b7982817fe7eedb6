package io.contactinfo.domain.user;

import io.contactinfo.domain.rule.Rule;

/** Rules for identifying data: date of birth and SSN (seed 002, "identifyingData"). */
public enum IdentityRule implements Rule {
    DATE_OF_BIRTH_REQUIRED("identity.date-of-birth.required", "dateOfBirth is required with identifyingData"),
    DATE_OF_BIRTH_FORMAT("identity.date-of-birth.format", "dateOfBirth is a date written YYYY-MM-DD"),
    DATE_OF_BIRTH_RANGE("identity.date-of-birth.range", "dateOfBirth is between 1901-01-01 and today"),
    SSN_FORMAT("identity.ssn.format", "ssn is exactly 9 digits"),
    SSN_SUFFIX_FORMAT("identity.ssn-suffix.format", "ssnSuffix is exactly 4 digits, the last four of the SSN"),
    SSN_EXACTLY_ONE("identity.ssn.exactly-one",
            "Exactly one of ssn and ssnSuffix is given; they are mutually exclusive"),
    IMMUTABLE_AFTER_KYC("identity.kyc.immutable", "identifyingData cannot change once KYC is completed"),
    REQUIRED_FOR_KYC("identity.kyc.required", "KYC requires identifyingData");

    private final String id;
    private final String description;

    IdentityRule(String id, String description) {
        this.id = id;
        this.description = description;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return description;
    }
}
