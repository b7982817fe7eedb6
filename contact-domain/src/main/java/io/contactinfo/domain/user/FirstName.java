package io.contactinfo.domain.user;

import io.contactinfo.domain.rule.Require;

/** A first name: 1-35 characters, letters (accented Latin included), space, apostrophe, hyphen, period (seed 002). */
public record FirstName(String value) {

    public static final int MIN_LENGTH = 1;
    public static final int MAX_LENGTH = 35;

    public FirstName {
        Require.length(value, MIN_LENGTH, MAX_LENGTH, ProfileRule.FIRST_NAME_LENGTH, "firstName");
        Require.matches(value, Characters.NAME, ProfileRule.FIRST_NAME_CHARACTERS, "firstName");
    }

    @Override
    public String toString() {
        return value;
    }
}
