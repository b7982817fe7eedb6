package io.contactinfo.domain.user;

import io.contactinfo.domain.rule.Rule;

/** Rules for a user's profile: names, terms acceptances, peer-transfer preference, login id (seed 002, "Users"). */
public enum ProfileRule implements Rule {
    FIRST_NAME_LENGTH("profile.first-name.length", "A first name is 1-35 characters"),
    FIRST_NAME_CHARACTERS("profile.first-name.characters",
            "A first name has letters (accented Latin included), spaces, apostrophes, hyphens and periods"),
    MIDDLE_NAME_LENGTH("profile.middle-name.length", "A middle name is at most 100 characters"),
    MIDDLE_NAME_CHARACTERS("profile.middle-name.characters",
            "A middle name has letters (accented Latin included), spaces, apostrophes, hyphens and periods"),
    LAST_NAME_LENGTH("profile.last-name.length", "A last name is 2-35 characters"),
    LAST_NAME_CHARACTERS("profile.last-name.characters",
            "A last name has letters (accented Latin included), spaces, apostrophes, hyphens and periods"),
    PEER_TRANSFER_PREFERENCE_VALUE("profile.peer-transfer-preference.value",
            "The peer-transfer accept preference is manual or automatic"),
    TERMS_IDENTIFIER_FORMAT("profile.terms-identifier.format",
            "A terms identifier is 1-64 letters, digits, '.', '_' or '-'"),
    LOGIN_ID_FORMAT("profile.login-id.format",
            "A login id is 1-255 characters without spaces or control characters");

    private final String id;
    private final String description;

    ProfileRule(String id, String description) {
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
