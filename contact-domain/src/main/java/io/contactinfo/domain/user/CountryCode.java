package io.contactinfo.domain.user;

import io.contactinfo.domain.rule.Require;
import java.util.Locale;
import java.util.regex.Pattern;

/** A country as three letters (ISO 3166 alpha-3); {@code USA} when none is given (seed 002). */
public record CountryCode(String value) {

    private static final Pattern ALPHA_3 = Pattern.compile("[A-Z]{3}");

    public static final CountryCode USA = new CountryCode("USA");

    /** Accepts either case; keeps the upper-case code. */
    public CountryCode {
        value = value == null ? null : value.toUpperCase(Locale.ROOT);
        Require.matches(value, ALPHA_3, AddressRule.COUNTRY_CODE_FORMAT, "countryCode");
    }

    /** The code sent, or {@link #USA} when none was. */
    public static CountryCode orUsa(String value) {
        return value == null ? USA : new CountryCode(value);
    }
}
