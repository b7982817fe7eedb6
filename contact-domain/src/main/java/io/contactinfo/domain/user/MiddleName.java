package io.contactinfo.domain.user;

import io.contactinfo.domain.rule.Require;

/**
 * A middle name, when a user has one: 1-100 characters (an empty one is no middle name, see
 * {@link PersonName#of}); letters (accented Latin included), space, apostrophe, hyphen, period (seed 002).
 */
public record MiddleName(String value) {

    public static final int MIN_LENGTH = 1;
    public static final int MAX_LENGTH = 100;

    public MiddleName {
        Require.length(value, MIN_LENGTH, MAX_LENGTH, ProfileRule.MIDDLE_NAME_LENGTH, "middleName");
        Require.matches(value, Characters.NAME, ProfileRule.MIDDLE_NAME_CHARACTERS, "middleName");
    }

    @Override
    public String toString() {
        return value;
    }
}
