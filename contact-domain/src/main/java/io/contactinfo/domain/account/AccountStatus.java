package io.contactinfo.domain.account;

import io.contactinfo.domain.rule.RuleViolation;
import java.util.Locale;

/**
 * The life of an account. Pending until activated; an active account may be locked and unlocked;
 * any account but a closed one may be closed, and closing is final.
 */
public enum AccountStatus {
    PENDING, ACTIVE, LOCKED, CLOSED;

    /** Every account but a closed one counts as active for the account limits (SPEC §4.3). */
    public boolean countsAsActive() {
        return this != CLOSED;
    }

    /**
     * @throws RuleViolation {@link AccountRule#LOCKED_NOT_UPDATABLE} (seed 002: code 5, subCode 362) or
     *                       {@link AccountRule#CLOSED_NOT_UPDATABLE}; pending and active accounts can be updated
     */
    public void requireProfileUpdatable() {
        if (this == LOCKED) {
            throw new RuleViolation(AccountRule.LOCKED_NOT_UPDATABLE, "accountIdentifier");
        }
        if (this == CLOSED) {
            throw new RuleViolation(AccountRule.CLOSED_NOT_UPDATABLE, "accountIdentifier");
        }
    }

    /** The status named {@code text}, without regard to case. */
    public static AccountStatus parse(String text) {
        for (AccountStatus status : values()) {
            if (status.name().equals(text == null ? null : text.toUpperCase(Locale.ROOT))) {
                return status;
            }
        }
        throw new RuleViolation(AccountRule.STATUS_UNKNOWN, "status");
    }
}
