package io.contactinfo.application.port.in;

import io.contactinfo.domain.rule.LimitExceeded;
import io.contactinfo.domain.rule.RuleViolation;

/**
 * Enrolls a customer (seed 002; SPEC §5.2 {@code POST /enrollments}): opens an account and creates its user,
 * within the SSN and phone limits of the caller's institution (SPEC §4.3). Requires
 * {@code institution-users:write}. A refusal changes nothing.
 */
public interface EnrollUseCase {

    /**
     * @throws MissingScopeException   without {@link Scope#INSTITUTION_USERS_WRITE}
     * @throws InvalidCommandException when the initial status is neither active nor pending
     * @throws ConflictException       when the customer id or login id is taken in the institution
     * @throws LimitExceeded           when the SSN or a phone number has reached an account limit
     * @throws RuleViolation           when the user's data breaks a rule of seed 002
     */
    EnrollResult enroll(EnrollCommand command);

}
