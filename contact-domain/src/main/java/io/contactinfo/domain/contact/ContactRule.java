package io.contactinfo.domain.contact;

import io.contactinfo.domain.rule.Rule;

/** Rules for phones, email addresses and the contact methods derived from them (seed 002). */
public enum ContactRule implements Rule {
    PHONE_NUMBER_FORMAT("contact.phone-number.format",
            "A phone number is 10 digits (NANP); international numbers are not supported"),
    PHONE_DEFAULT_UNIQUE("contact.phone.default-unique", "There can only be one default phone"),
    EMAIL_FORMAT("contact.email.format",
            "An email address is at most 255 characters: a local part, '@' and a domain, without spaces"),
    EMAIL_PLUS_SIGN("contact.email.plus-sign",
            "A '+' in the local part of an email address is not allowed in production (allowed in sandbox)"),
    PHONE_TYPE_UNKNOWN("contact.phone-type.unknown", "A phone type is mobile, home or work"),
    PHONE_TYPE_DUPLICATED("contact.phone.type-duplicated", "An update names each phone type at most once"),
    PHONE_NOT_FOUND("contact.phone.not-found", "The customer has no phone with this number"),
    CERTIFIED_PHONE_MOBILE("contact.certified-phone.mobile", "Only a mobile phone of the customer can be certified");

    private final String id;
    private final String description;

    ContactRule(String id, String description) {
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
