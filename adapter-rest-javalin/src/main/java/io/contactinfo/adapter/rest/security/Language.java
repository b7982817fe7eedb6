package io.contactinfo.adapter.rest.security;

import java.util.List;
import java.util.Locale;

/** The languages the Security API writes error {@code details} in, chosen by {@code Accept-Language}. */
enum Language {
    EN("en"),
    ES("es");

    private static final List<String> TAGS = List.of(EN.tag, ES.tag);

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    /** The BCP 47 tag, for {@code Content-Language}. */
    String tag() {
        return tag;
    }

    /**
     * The caller's most preferred language this API speaks ({@code es-MX} picks {@code es}); English when the
     * header is absent, malformed or names none of them. Never refuses a request: it only picks the language.
     */
    static Language of(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return EN;
        }
        try {
            String best = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), TAGS);
            return ES.tag.equals(best) ? ES : EN;
        } catch (IllegalArgumentException malformed) {
            return EN;
        }
    }
}
