package io.contactinfo.domain.user;

import io.contactinfo.domain.rule.Require;

/** A city: 1-25 characters; letters, digits, space and {@code # & ' , - . /} (seed 002: 400/504, 640/504). */
public record City(String value) {

    public static final int MIN_LENGTH = 1;
    public static final int MAX_LENGTH = 25;

    public City {
        Require.length(value, MIN_LENGTH, MAX_LENGTH, AddressRule.CITY_LENGTH, "city");
        Require.matches(value, Characters.ADDRESS, AddressRule.CITY_CHARACTERS, "city");
    }
}
