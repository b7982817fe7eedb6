package io.contactinfo.domain.limits;

import io.contactinfo.domain.rule.Rule;

/** The account limits of seed 002, "Active Consumer Account Limits" (SPEC §4.3). */
public enum LimitRule implements Rule {
    SSN_ACTIVE("limits.ssn.active", "Number of active accounts with the same SSN exceeded (default 1)"),
    SSN_LIFETIME("limits.ssn.lifetime", "Number of accounts over lifetime with the same SSN exceeded (default 3)"),
    PHONE_ACTIVE("limits.phone.active",
            "Number of active accounts with the same phone number exceeded (default 2)"),
    PHONE_LIFETIME("limits.phone.lifetime",
            "Number of accounts over lifetime with the same phone number exceeded (default 10)");

    private final String id;
    private final String description;

    LimitRule(String id, String description) {
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
