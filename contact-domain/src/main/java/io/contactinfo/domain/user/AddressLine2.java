package io.contactinfo.domain.user;

import io.contactinfo.domain.rule.Require;

/**
 * The second line of a postal address, when there is one: 1-40 characters; letters, digits, space and
 * {@code # & ' , - . /} (seed 002: 400/506, 640/506).
 */
public record AddressLine2(String value) {

    public static final int MIN_LENGTH = 1;
    public static final int MAX_LENGTH = 40;

    public AddressLine2 {
        Require.length(value, MIN_LENGTH, MAX_LENGTH, AddressRule.LINE2_LENGTH, "addressLine2");
        Require.matches(value, Characters.ADDRESS, AddressRule.LINE2_CHARACTERS, "addressLine2");
    }
}
