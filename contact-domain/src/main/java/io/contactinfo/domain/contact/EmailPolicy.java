package io.contactinfo.domain.contact;

import io.contactinfo.domain.rule.RuleViolation;

/**
 * Which email addresses the server accepts, by the mode it runs in (seed 002, "email"): a {@code +} in
 * the local part is refused in production and allowed in sandbox mode, to ease partners' testing.
 */
public enum EmailPolicy {
    PRODUCTION(false), SANDBOX(true);

    private final boolean plusSignAllowed;

    EmailPolicy(boolean plusSignAllowed) {
        this.plusSignAllowed = plusSignAllowed;
    }

    /**
     * @return {@code address}, when this mode accepts it
     * @throws RuleViolation {@link ContactRule#EMAIL_PLUS_SIGN} otherwise
     */
    public EmailAddress require(EmailAddress address) {
        if (!plusSignAllowed && address.localPart().indexOf('+') >= 0) {
            throw new RuleViolation(ContactRule.EMAIL_PLUS_SIGN, "emailAddress");
        }
        return address;
    }
}
