package io.contactinfo.domain.user;

import java.util.regex.Pattern;

/** The valid characters of seed 002's "Valid Characters for Names, Cities, and Addresses". */
final class Characters {

    private static final String LATIN_LETTER = "[\\p{IsLatin}&&\\p{L}]";

    /** Letters (accented Latin included), space, apostrophe, hyphen, period; at least one letter. */
    static final Pattern NAME = Pattern.compile(
            "[" + LATIN_LETTER + " '.\\-]*" + LATIN_LETTER + "[" + LATIN_LETTER + " '.\\-]*");

    /** Letters, digits, space and {@code # & ' , - . /}; at least one letter or digit. */
    static final Pattern ADDRESS = Pattern.compile(
            "[" + LATIN_LETTER + "0-9 #&',\\-./]*[" + LATIN_LETTER + "0-9][" + LATIN_LETTER + "0-9 #&',\\-./]*");

    private Characters() {
    }
}
