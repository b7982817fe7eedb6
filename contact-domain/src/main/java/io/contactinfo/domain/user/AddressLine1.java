package io.contactinfo.domain.user;

import io.contactinfo.domain.rule.Require;

/**
 * The first line of a postal address: 2-40 characters; letters, digits, space and {@code # & ' , - . /}
 * (seed 002: 400/505, 640/505).
 */
public record AddressLine1(String value) {

    public static final int MIN_LENGTH = 2;
    public static final int MAX_LENGTH = 40;

    public AddressLine1 {
        Require.length(value, MIN_LENGTH, MAX_LENGTH, AddressRule.LINE1_LENGTH, "addressLine1");
        Require.matches(value, Characters.ADDRESS, AddressRule.LINE1_CHARACTERS, "addressLine1");
    }
}
