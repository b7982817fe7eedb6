package io.contactinfo.domain.contact;

import io.contactinfo.domain.rule.RuleViolation;
import java.util.Locale;

/** An email address: at most 255 characters, a local part, one '@' and a domain (seed 002). */
public record EmailAddress(String value) implements Destination {

    private static final int MAX_LENGTH = 255;

    public EmailAddress {
        if (!isWellFormed(value)) {
            throw new RuleViolation(ContactRule.EMAIL_FORMAT, "emailAddress");
        }
    }

    private static boolean isWellFormed(String value) {
        if (value == null || value.length() > MAX_LENGTH) {
            return false;
        }
        int at = value.indexOf('@');
        if (at < 1 || at != value.lastIndexOf('@') || at == value.length() - 1) {
            return false;
        }
        return value.codePoints().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c));
    }

    public String localPart() {
        return value.substring(0, value.indexOf('@'));
    }

    public String domain() {
        return value.substring(value.indexOf('@') + 1);
    }

    /** Email addresses are compared without regard to case, as the login-id look-up does. */
    @Override
    public String normalized() {
        return value.toLowerCase(Locale.ROOT);
    }

    /** The masked form: the first character of the local part, then {@code ***@domain}. */
    @Override
    public String masked() {
        return localPart().substring(0, localPart().offsetByCodePoints(0, 1)) + "***@" + domain();
    }

    /** Never the address: it is personal data and {@code toString} ends up in logs. */
    @Override
    public String toString() {
        return masked();
    }
}
