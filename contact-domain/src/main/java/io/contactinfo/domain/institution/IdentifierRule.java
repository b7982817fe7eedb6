package io.contactinfo.domain.institution;

import io.contactinfo.domain.rule.Rule;
import java.util.regex.Pattern;

/** Rules for the identifiers an institution assigns and callers send: institution ids, customer ids. */
public enum IdentifierRule implements Rule {
    INSTITUTION_ID_FORMAT("identifier.institution-id.format",
            "An institution id is 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit"),
    CUSTOMER_ID_FORMAT("identifier.customer-id.format",
            "An institution customer id is 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

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

    /** True when {@code value} is an identifier this service accepts (safe to log and to use as a key). */
    public static boolean isWellFormed(String value) {
        return value != null && IDENTIFIER.matcher(value).matches();
    }
}
