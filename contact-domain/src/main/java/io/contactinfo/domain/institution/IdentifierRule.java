package io.contactinfo.domain.institution;

import io.contactinfo.domain.rule.Rule;

/** Rules for the identifiers an institution assigns and callers send: institution ids, customer ids. */
public enum IdentifierRule implements Rule {
    INSTITUTION_ID_FORMAT("identifier.institution-id.format",
            "An institution id is 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit"),
    CUSTOMER_ID_FORMAT("identifier.customer-id.format",
            "An institution customer id is 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");

    private static final int MAX_LENGTH = 64;

    private final String id;
    private final String description;

    IdentifierRule(String id, String description) {
        this.id = id;
        this.description = description;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return description;
    }

    /**
     * True when {@code value} is an identifier this service accepts (safe to log and to use as a key):
     * {@code [A-Za-z0-9][A-Za-z0-9._-]{0,63}}. Checked by hand, not by a regular expression: every request checks
     * two or three, and the matchers were 1.7 % of GET contact-methods' CPU.
     */
    public static boolean isWellFormed(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH || !isAsciiAlphanumeric(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!isAsciiAlphanumeric(c) && c != '.' && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** An ASCII letter or digit, as {@code [A-Za-z0-9]}: not {@link Character#isLetterOrDigit}, which takes 'ü'. */
    private static boolean isAsciiAlphanumeric(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }
}
