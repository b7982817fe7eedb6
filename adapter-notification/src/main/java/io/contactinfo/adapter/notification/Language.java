package io.contactinfo.adapter.notification;

import java.util.Locale;
import java.util.Optional;

/** The languages the messages are written in. */
public enum Language {
    EN, ES;

    /** The ISO 639-1 code, as in a template's file name and the webhook's {@code language} field. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The language of a tag such as {@code es}, {@code es-MX} or {@code EN_us}: its primary subtag decides.
     *
     * @return empty for a language without messages
     */
    public static Optional<Language> ofTag(String tag) {
        String primary = tag.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        for (Language language : values()) {
            if (language.code().equals(primary)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
