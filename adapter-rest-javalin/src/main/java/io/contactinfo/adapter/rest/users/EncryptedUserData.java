package io.contactinfo.adapter.rest.users;

import io.contactinfo.adapter.rest.users.encryption.EncryptedPayload;

/**
 * {@code encryptedUserData} (seed 002; SPEC §5.2): a {@link UserDataBody} encrypted with EC_v1 or EC_v2, as the JSON
 * body carries it; {@link UserDataReader} decrypts it.
 */
record EncryptedUserData(String version, String ephemeralPublicKey, String publicKeyHash, String data) {

    EncryptedPayload payload() {
        return new EncryptedPayload(version, ephemeralPublicKey, publicKeyHash, data);
    }
}
