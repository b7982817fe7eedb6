package io.contactinfo.adapter.rest.users;

import java.util.Optional;

/**
 * Whether the Users API accepts the sensitive user data in plain text ({@code userData}) besides
 * {@code encryptedUserData} (SPEC §5.2): in sandbox and dev mode only.
 */
public enum UserDataPolicy {
    /** Sandbox / dev: {@code userData} is accepted as sent. */
    PLAIN_ACCEPTED,
    /** Production: {@code userData} is refused (400, code 400, subCode 103). */
    ENCRYPTED_ONLY;

    /**
     * The user data of a request, in plain text; empty when it carries none.
     *
     * @throws UsersApiException {@link UsersError#ENCRYPTED_USER_DATA_NOT_SUPPORTED} for {@code encryptedUserData}
     *                           (also when sent with {@code userData}: which one would count is not guessed), or
     *                           {@link UsersError#PLAIN_USER_DATA_NOT_ALLOWED} for {@code userData} under
     *                           {@link #ENCRYPTED_ONLY}
     */
    Optional<UserDataBody> plain(UserDataBody userData, EncryptedUserData encryptedUserData) {
        if (encryptedUserData != null) {
            throw new UsersApiException(UsersError.ENCRYPTED_USER_DATA_NOT_SUPPORTED);
        }
        if (userData != null && this == ENCRYPTED_ONLY) {
            throw new UsersApiException(UsersError.PLAIN_USER_DATA_NOT_ALLOWED);
        }
        return Optional.ofNullable(userData);
    }
}
