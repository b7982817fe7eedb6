package io.contactinfo.domain.user;

import io.contactinfo.domain.rule.Require;
import java.util.regex.Pattern;

/**
 * A full Social Security number, exactly 9 digits (seed 002). Never stored in clear text nor returned:
 * only its last four digits leave the domain.
 */
public record Ssn(String digits) {

    private static final Pattern NINE_DIGITS = Pattern.compile("[0-9]{9}");

    public Ssn {
        Require.matches(digits, NINE_DIGITS, IdentityRule.SSN_FORMAT, "ssn");
    }

    public String lastFour() {
        return digits.substring(5);
    }

    /** Never the digits: an SSN is personal data and {@code toString} ends up in logs. */
    @Override
    public String toString() {
        return "*****" + lastFour();
    }
}
