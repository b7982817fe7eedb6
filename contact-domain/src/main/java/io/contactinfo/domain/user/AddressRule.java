package io.contactinfo.domain.user;

import io.contactinfo.domain.rule.Rule;

/** Rules for postal addresses (seed 002, "addresses" and "User Data Response Codes & Sub-Codes"). */
public enum AddressRule implements Rule {
    LINE1_LENGTH("address.line1.length", "addressLine1 is 2-40 characters"),
    LINE1_CHARACTERS("address.line1.characters",
            "addressLine1 has letters, digits, spaces and # & ' , - . / only"),
    LINE2_LENGTH("address.line2.length", "addressLine2 is at most 40 characters"),
    LINE2_CHARACTERS("address.line2.characters",
            "addressLine2 has letters, digits, spaces and # & ' , - . / only"),
    CITY_LENGTH("address.city.length", "city is at most 25 characters"),
    CITY_CHARACTERS("address.city.characters", "city has letters, digits, spaces and # & ' , - . / only"),
    STATE_CODE("address.state.code", "state is a two-letter USPS state code"),
    ZIP_CODE_FORMAT("address.zip-code.format",
            "zipCode is 5 digits; a ZIP+4 is accepted and its extension stripped"),
    COUNTRY_CODE_FORMAT("address.country-code.format", "countryCode is three letters (ISO 3166 alpha-3)"),
    TYPE_UNKNOWN("address.type.unknown", "An address type is home, work or billing"),
    TYPE_DUPLICATED("address.type.duplicated", "Duplicated type is not allowed"),
    DEFAULT_EXACTLY_ONE("address.default.exactly-one", "There must be exactly one default address"),
    HOME_DEFAULT_REQUIRED("address.home.default-required",
            "A home address must be provided, and it must be the default address"),
    KYC_HOME_ADDRESS("address.kyc.home-address",
            "KYC requires a home address that contains addressLine1 and either (city and state) or zipCode");

    private final String id;
    private final String description;

    AddressRule(String id, String description) {
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
