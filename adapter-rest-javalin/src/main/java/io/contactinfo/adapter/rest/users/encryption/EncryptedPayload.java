package io.contactinfo.adapter.rest.users.encryption;

/**
 * The four fields of {@code encryptedUserData} (SPEC §5.2), each a string as sent in JSON.
 *
 * @param version            {@value #EC_V1} or {@value #EC_V2}
 * @param ephemeralPublicKey base64 of an X.509 SubjectPublicKeyInfo holding an uncompressed P-256 point: the
 *                           sender's ephemeral key (EC_v1) or HPKE's {@code enc} (EC_v2)
 * @param publicKeyHash      base64 of the SHA-256 of the server key's SubjectPublicKeyInfo (DER): which of the
 *                           server's keys it was encrypted for ({@link ServerKeys#publicKeyHash})
 * @param data               base64 of the ciphertext followed by its 128-bit AES-GCM tag
 */
public record EncryptedPayload(String version, String ephemeralPublicKey, String publicKeyHash, String data) {

    /** ECDH, the SP 800-56A single-step KDF, AES-256-GCM with a fixed IV; bound to the program and request id. */
    public static final String EC_V1 = "EC_v1";
    /** RFC 9180 HPKE base mode, DHKEM(P-256, HKDF-SHA256), HKDF-SHA256, AES-256-GCM. */
    public static final String EC_V2 = "EC_v2";
}
