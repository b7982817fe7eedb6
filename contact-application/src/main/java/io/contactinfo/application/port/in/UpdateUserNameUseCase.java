package io.contactinfo.application.port.in;

import io.contactinfo.domain.rule.RuleViolation;
import io.contactinfo.domain.user.User;

/** Changes only a user's name (seed 002, "Update User Name"). Requires {@code institution-users:write}. */
public interface UpdateUserNameUseCase {

    /**
     * @return the user as stored after the change
     * @throws MissingScopeException without {@link Scope#INSTITUTION_USERS_WRITE}
     * @throws NotFoundException     when the account or the user under it is not one of the caller's institution
     * @throws RuleViolation         when the account is locked (seed 002: 5/362) or closed
     */
    User update(UpdateUserNameCommand command);
}
