package io.contactinfo.application.port.in;

import io.contactinfo.domain.account.Account;
import io.contactinfo.domain.rule.RuleViolation;

/**
 * Activates, locks, unlocks or closes an account (SPEC §5.2). Requires {@code institution-users:write}.
 * A closed account no longer counts as active for the account limits; it still counts for lifetime.
 * Asking for the status the account already has changes nothing.
 */
public interface ChangeAccountStatusUseCase {

    /**
     * @return the account with its new status
     * @throws MissingScopeException without {@link Scope#INSTITUTION_USERS_WRITE}
     * @throws NotFoundException     when the account is not one of the caller's institution
     * @throws RuleViolation         {@code AccountRule.STATUS_TRANSITION} when the current status does not allow it
     */
    Account change(ChangeAccountStatusCommand command);
}
