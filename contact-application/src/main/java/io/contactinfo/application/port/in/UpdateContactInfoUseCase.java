package io.contactinfo.application.port.in;

import io.contactinfo.domain.rule.LimitExceeded;
import io.contactinfo.domain.rule.RuleViolation;

/**
 * Changes a customer's email, or phone number and postal address, in one call, and tells the customer which
 * contact info changed at the old destination and the new one (seed 001; SPEC §4.4). A new phone number
 * counts against the institution's phone limits (SPEC §4.3). Requires {@code institution-users:write}.
 */
public interface UpdateContactInfoUseCase {

    /**
     * Nothing is stored, audited or sent unless all of it is.
     *
     * @throws MissingScopeException without {@link Scope#INSTITUTION_USERS_WRITE}
     * @throws NotFoundException     {@code CUSTOMER} when no customer of the caller's institution (or not the
     *                               token's own customer) has that id, or a login id names none or several
     * @throws LimitExceeded         when the new phone number has reached the phone limits
     * @throws RuleViolation         when the customer id is malformed, the account is locked or closed, the
     *                               customer has no phone with the old number, or the email or address breaks a rule
     */
    void update(UpdateContactInfoCommand command);
}
