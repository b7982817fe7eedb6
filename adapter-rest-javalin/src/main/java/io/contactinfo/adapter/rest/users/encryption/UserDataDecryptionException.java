package io.contactinfo.adapter.rest.users.encryption;

import java.util.Objects;

/**
 * {@code encryptedUserData} that {@link UserDataDecryptor} does not decrypt, and why. Its message is the reason and
 * the field alone: never key material, ciphertext or plaintext, so it can be logged.
 */
public final class UserDataDecryptionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the payload is refused; the checks run in this order. */
    public enum Reason {
        /** {@code version} is missing, or neither {@value EncryptedPayload#EC_V1} nor {@value EncryptedPayload#EC_V2}. */
        UNSUPPORTED_VERSION,
        /** Another field is missing, not base64, or of a length its version cannot have. */
        MALFORMED,
        /** {@code publicKeyHash} is the hash of none of the server's active keys. */
        UNKNOWN_PUBLIC_KEY_HASH,
        /** {@code ephemeralPublicKey} is not a P-256 SubjectPublicKeyInfo, or its point is not on the curve. */
        INVALID_EPHEMERAL_KEY,
        /**
         * The authentication tag does not match: the data was altered, or (EC_v1) encrypted for another program or
         * request id, or (EC_v2) with another {@code publicKeyHash}.
         */
        DECRYPTION_FAILED
    }

    private final Reason reason;
    private final String field;

    /** @param field the payload's field at fault: {@code version}, {@code publicKeyHash}, … */
    public UserDataDecryptionException(Reason reason, String field) {
        super(Objects.requireNonNull(reason, "reason") + " " + Objects.requireNonNull(field, "field"), null, false,
                false);
        this.reason = reason;
        this.field = field;
    }

    public Reason reason() {
        return reason;
    }

    /** The payload's field at fault: {@code version}, {@code ephemeralPublicKey}, {@code publicKeyHash}, {@code data}. */
    public String field() {
        return field;
    }
}
