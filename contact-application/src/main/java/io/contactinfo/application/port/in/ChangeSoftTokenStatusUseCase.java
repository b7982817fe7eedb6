package io.contactinfo.application.port.in;

import io.contactinfo.domain.rule.RuleViolation;
import io.contactinfo.domain.softtoken.SoftToken;

/**
 * Changes the status of the caller's customer's soft token (seed 003; SPEC §4.6), recording the previous status
 * and removing the device binding where the new status requires it; the customer is notified. Requires
 * {@code institution-users:write}.
 */
public interface ChangeSoftTokenStatusUseCase {

    /**
     * @return the token with its new status
     * @throws MissingScopeException without {@link Scope#INSTITUTION_USERS_WRITE}
     * @throws NotFoundException     CUSTOMER when the token names no customer of the caller's institution,
     *                               SOFT_TOKEN when the customer has no soft token
     * @throws RuleViolation         {@code SoftTokenRule.TRANSITION_FORBIDDEN} for a transition the state machine forbids
     */
    SoftToken change(ChangeSoftTokenStatusCommand command);
}
