package io.contactinfo.domain.user;

import io.contactinfo.domain.rule.Require;

/** A last name: 2-35 characters, letters (accented Latin included), space, apostrophe, hyphen, period (seed 002). */
public record LastName(String value) {

    public static final int MIN_LENGTH = 2;
    public static final int MAX_LENGTH = 35;

    public LastName {
        Require.length(value, MIN_LENGTH, MAX_LENGTH, ProfileRule.LAST_NAME_LENGTH, "lastName");
        Require.matches(value, Characters.NAME, ProfileRule.LAST_NAME_CHARACTERS, "lastName");
    }

    @Override
    public String toString() {
        return value;
    }
}
