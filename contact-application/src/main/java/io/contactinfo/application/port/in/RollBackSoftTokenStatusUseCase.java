package io.contactinfo.application.port.in;

import io.contactinfo.domain.rule.RuleViolation;
import io.contactinfo.domain.softtoken.SoftToken;

/**
 * Returns the caller's customer's soft token to {@code 64 PRE_ASSIGNED}, on no device (seed 003), recording the
 * status left; the customer is notified. Requires {@code institution-users:write}.
 */
public interface RollBackSoftTokenStatusUseCase {

    /**
     * @return the token, now PRE_ASSIGNED
     * @throws MissingScopeException without {@link Scope#INSTITUTION_USERS_WRITE}
     * @throws NotFoundException     CUSTOMER when the token names no customer of the caller's institution,
     *                               SOFT_TOKEN when the customer has no soft token
     * @throws RuleViolation         {@code SoftTokenRule.ROLLBACK_FORBIDDEN} when the token is already PRE_ASSIGNED
     */
    SoftToken rollBack(RollBackSoftTokenStatusCommand command);
}
