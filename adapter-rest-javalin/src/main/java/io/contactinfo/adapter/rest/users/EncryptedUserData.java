package io.contactinfo.adapter.rest.users;

/**
 * {@code encryptedUserData} (seed 002; SPEC §5.2): a {@link UserDataBody} encrypted with EC_v1 or EC_v2. Not
 * decrypted yet: a request carrying it is refused (400, code 400, subCode 102) until the server holds keys.
 */
record EncryptedUserData(String version, String ephemeralPublicKey, String publicKeyHash, String data) {
}
