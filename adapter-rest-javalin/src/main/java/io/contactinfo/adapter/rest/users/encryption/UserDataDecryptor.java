package io.contactinfo.adapter.rest.users.encryption;

import io.contactinfo.adapter.rest.users.encryption.UserDataDecryptionException.Reason;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import org.bouncycastle.crypto.InvalidCipherTextException;

/**
 * The server side of {@code encryptedUserData} (SPEC §5.2): decrypts EC_v1 and EC_v2 with whichever of the
 * {@link ServerKeys} the payload names. Checks, in this order, and refuses with a
 * {@link UserDataDecryptionException} saying why: the version; that every other field is base64; the
 * {@code publicKeyHash} (before any decryption); the ephemeral key (a P-256 point on the curve, checked here, not
 * left to a provider); the authentication tag. Thread-safe.
 */
public final class UserDataDecryptor {

    private static final String VERSION = "version";
    private static final String EPHEMERAL_PUBLIC_KEY = "ephemeralPublicKey";
    private static final String PUBLIC_KEY_HASH = "publicKeyHash";
    private static final String DATA = "data";

    private final ServerKeys keys;

    public UserDataDecryptor(ServerKeys keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /**
     * The plaintext (the UTF-8 JSON of the user data) of {@code payload}.
     *
     * @param programCode the {@code programCode} of the request's path (EC_v1 binds it)
     * @param requestId   the request's {@code X-GD-RequestID} as sent (EC_v1 binds its UTF-8 bytes)
     * @throws UserDataDecryptionException when the payload cannot be decrypted, with the reason
     */
    public byte[] decrypt(EncryptedPayload payload, String programCode, String requestId) {
        String version = payload.version();
        if (!EncryptedPayload.EC_V1.equals(version) && !EncryptedPayload.EC_V2.equals(version)) {
            throw new UserDataDecryptionException(Reason.UNSUPPORTED_VERSION, VERSION);
        }
        byte[] hash = base64(payload.publicKeyHash(), PUBLIC_KEY_HASH);
        byte[] ephemeralSpki = base64(payload.ephemeralPublicKey(), EPHEMERAL_PUBLIC_KEY);
        byte[] data = base64(payload.data(), DATA);
        if (data.length < EcV1.minimumDataBytes()) {
            // Shorter than a GCM tag, in either version.
            throw new UserDataDecryptionException(Reason.MALFORMED, DATA);
        }
        KeyPair server = keys.byHash(hash)
                .orElseThrow(() -> new UserDataDecryptionException(Reason.UNKNOWN_PUBLIC_KEY_HASH, PUBLIC_KEY_HASH));
        ECPublicKey ephemeral = P256.fromSpki(ephemeralSpki)
                .orElseThrow(() -> new UserDataDecryptionException(Reason.INVALID_EPHEMERAL_KEY, EPHEMERAL_PUBLIC_KEY));
        return EncryptedPayload.EC_V1.equals(version)
                ? ecV1(server, ephemeral, data, programCode, requestId)
                : ecV2(server, ephemeral, data, payload.publicKeyHash());
    }

    private static byte[] ecV1(KeyPair server, ECPublicKey ephemeral, byte[] data, String programCode,
                               String requestId) {
        try {
            byte[] key = EcV1.key(EcV1.sharedSecret(server.getPrivate(), ephemeral), programCode, requestId);
            return EcV1.open(key, data);
        } catch (AEADBadTagException tampered) {
            throw new UserDataDecryptionException(Reason.DECRYPTION_FAILED, DATA);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot do EC_v1", e);
        }
    }

    private static byte[] ecV2(KeyPair server, ECPublicKey ephemeral, byte[] data, String publicKeyHash) {
        try {
            return Hpke.AES_256_GCM.open(server, P256.uncompressed(ephemeral), UserDataEncryptor.ecV2Info(),
                    UserDataEncryptor.ecV2Aad(publicKeyHash), data);
        } catch (InvalidCipherTextException tampered) {
            throw new UserDataDecryptionException(Reason.DECRYPTION_FAILED, DATA);
        }
    }

    private static byte[] base64(String value, String field) {
        if (value == null) {
            throw new UserDataDecryptionException(Reason.MALFORMED, field);
        }
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException notBase64) {
            throw new UserDataDecryptionException(Reason.MALFORMED, field);
        }
    }
}
