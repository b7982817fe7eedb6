package io.contactinfo.domain.user;

import io.contactinfo.domain.rule.Require;
import java.util.regex.Pattern;

/** The last four digits of a Social Security number, for products that ask for no more (seed 002). */
public record SsnSuffix(String digits) {

    private static final Pattern FOUR_DIGITS = Pattern.compile("[0-9]{4}");

    public SsnSuffix {
        Require.matches(digits, FOUR_DIGITS, IdentityRule.SSN_SUFFIX_FORMAT, "ssnSuffix");
    }
}
