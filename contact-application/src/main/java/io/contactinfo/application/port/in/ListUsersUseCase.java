package io.contactinfo.application.port.in;

import io.contactinfo.domain.user.User;
import java.util.List;

/**
 * Lists the users of an account (seed 002, "Retrieve User Profile Information"). Requires
 * {@code institution-users:read}. The users are returned whole: masking is the HTTP dialect's.
 */
public interface ListUsersUseCase {

    /**
     * @return the account's users, in the order they were added
     * @throws MissingScopeException without {@link Scope#INSTITUTION_USERS_READ}
     * @throws NotFoundException     when the account is not one of the caller's institution
     */
    List<User> list(ListUsersQuery query);
}
