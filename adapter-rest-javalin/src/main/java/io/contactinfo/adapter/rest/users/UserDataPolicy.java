package io.contactinfo.adapter.rest.users;

/**
 * Whether the Users API accepts the sensitive user data in plain text ({@code userData}) besides
 * {@code encryptedUserData} (SPEC §5.2): in sandbox and dev mode only. {@code encryptedUserData} is accepted in both.
 */
public enum UserDataPolicy {
    /** Sandbox / dev: {@code userData} is accepted as sent. */
    PLAIN_ACCEPTED,
    /** Production: {@code userData} is refused (400, code 400, subCode 103). */
    ENCRYPTED_ONLY
}
