package io.contactinfo.domain.user;

import io.contactinfo.domain.rule.Require;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.regex.Pattern;

/** A date of birth between 1901-01-01 and today, written {@code YYYY-MM-DD} (seed 002, "identifyingData"). */
public record DateOfBirth(LocalDate value) {

    public static final LocalDate EARLIEST = LocalDate.of(1901, 1, 1);

    private static final Pattern YYYY_MM_DD = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final String FIELD = "dateOfBirth";

    /** Checks the lower bound only: a stored date of birth was not in the future when it was given. */
    public DateOfBirth {
        Objects.requireNonNull(value, "value");
        Require.that(!value.isBefore(EARLIEST), IdentityRule.DATE_OF_BIRTH_RANGE, FIELD);
    }

    /**
     * A date of birth as sent: required (400/200), {@code YYYY-MM-DD} (400/700), 1901-01-01 to {@code today}.
     */
    public static DateOfBirth parse(String text, LocalDate today) {
        Require.that(text != null && !text.isEmpty(), IdentityRule.DATE_OF_BIRTH_REQUIRED, FIELD);
        Require.matches(text, YYYY_MM_DD, IdentityRule.DATE_OF_BIRTH_FORMAT, FIELD);
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException notADate) {
            date = null;
        }
        Require.that(date != null, IdentityRule.DATE_OF_BIRTH_FORMAT, FIELD);
        Require.that(!date.isAfter(today), IdentityRule.DATE_OF_BIRTH_RANGE, FIELD);
        return new DateOfBirth(date);
    }

    /** Never the date: it is personal data and {@code toString} ends up in logs. */
    @Override
    public String toString() {
        return "****-**-**";
    }
}
