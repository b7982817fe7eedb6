package io.contactinfo.domain.rule;

import java.util.regex.Pattern;

/**
 * The checks value objects share, each naming the rule it enforces.
 *
 * <p>Lengths count Unicode code points, as a person counts characters; a missing value has length 0.
 */
public final class Require {

    private Require() {
    }

    /** The number of characters of {@code value}, 0 when it is missing. */
    public static int length(String value) {
        return value == null ? 0 : value.codePointCount(0, value.length());
    }

    /** @throws RuleViolation {@code rule} on {@code field} unless {@code value} has {@code min} to {@code max} characters */
    public static void length(String value, int min, int max, Rule rule, String field) {
        int length = length(value);
        that(length >= min && length <= max, rule, field);
    }

    /**
     * @throws RuleViolation {@code rule} on {@code field} unless the whole of {@code value} matches {@code pattern}
     *                       (a missing value never matches)
     */
    public static void matches(String value, Pattern pattern, Rule rule, String field) {
        that(value != null && pattern.matcher(value).matches(), rule, field);
    }

    /** @throws RuleViolation {@code rule} on {@code field} unless {@code condition} holds */
    public static void that(boolean condition, Rule rule, String field) {
        if (!condition) {
            throw new RuleViolation(rule, field);
        }
    }
}
