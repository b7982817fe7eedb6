package io.contactinfo.application.port.in;

import io.contactinfo.domain.rule.LimitExceeded;
import io.contactinfo.domain.rule.RuleViolation;
import io.contactinfo.domain.user.User;

/**
 * Updates a user of an account (seed 002, "Update User"; SPEC §4.1-4.3): profile, identifying data, email,
 * phones, terms and preference, within the account limits; the customer is notified at the old and the new
 * destinations of a changed phone or email. Requires {@code institution-users:write}. A refusal changes nothing.
 */
public interface UpdateUserUseCase {

    /**
     * @return the user as stored after the update
     * @throws MissingScopeException without {@link Scope#INSTITUTION_USERS_WRITE}
     * @throws NotFoundException     when the account, the user under it, or a contact verification of that
     *                               user is not one of the caller's institution
     * @throws LimitExceeded         when a new phone number or SSN has reached an account limit
     * @throws RuleViolation         when the account is locked (seed 002: 5/362) or closed, a contact
     *                               verification is used or expired, or the update breaks a rule of seed 002
     */
    User update(UpdateUserCommand command);
}
