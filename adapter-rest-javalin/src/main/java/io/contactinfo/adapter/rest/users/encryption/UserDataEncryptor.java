package io.contactinfo.adapter.rest.users.encryption;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;
import org.bouncycastle.crypto.InvalidCipherTextException;

/**
 * The client side of {@code encryptedUserData} (SPEC §5.2): encrypts the JSON of {@code userData}
 * ({@code {profileData, identifyingData, email, phoneNumbers}}) for one of the server's public keys. Each call uses
 * a fresh ephemeral key. Needs no server, no HTTP library: the result's four strings are the JSON object's fields.
 *
 * <pre>{@code
 * PublicKey serverKey = PemKeys.readPublicKey(Files.readString(Path.of("userdata-key.pub.pem")));
 * UUID requestId = UUID.randomUUID();   // sent as X-GD-RequestID: requestId.toString()
 * EncryptedPayload encrypted = UserDataEncryptor.ecV1(serverKey, "demo-bank", requestId,
 *         "{\"profileData\":{\"firstName\":\"Ana\",…}}".getBytes(StandardCharsets.UTF_8));
 * }</pre>
 */
public final class UserDataEncryptor {

    private UserDataEncryptor() {
    }

    /**
     * EC_v1: bound to the program and the request. The request must then be sent with
     * {@code X-GD-RequestID: requestId.toString()} to the program's path.
     *
     * @param serverKey     the server's P-256 public key
     * @param programCode   the {@code programCode} of the request's path (ASCII)
     * @param requestId     the request's {@code X-GD-RequestID}
     * @param plaintextJson the UTF-8 JSON of the user data
     * @throws IllegalArgumentException when the key is not a P-256 public key or the program code is not ASCII
     */
    public static EncryptedPayload ecV1(PublicKey serverKey, String programCode, UUID requestId,
                                        byte[] plaintextJson) {
        return ecV1(serverKey, programCode, requestId.toString(), plaintextJson, P256.generate());
    }

    /** EC_v1 with a given ephemeral key pair (known-answer tests). */
    static EncryptedPayload ecV1(PublicKey serverKey, String programCode, String requestId, byte[] plaintextJson,
                                 KeyPair ephemeral) {
        ECPublicKey server = ServerKeys.p256(serverKey);
        Objects.requireNonNull(programCode, "programCode");
        try {
            byte[] key = EcV1.key(EcV1.sharedSecret(ephemeral.getPrivate(), server), programCode, requestId);
            return new EncryptedPayload(EncryptedPayload.EC_V1, base64(ephemeral.getPublic().getEncoded()),
                    ServerKeys.publicKeyHash(server), base64(EcV1.seal(key, plaintextJson)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot do EC_v1", e);
        }
    }

    /**
     * EC_v2: HPKE, the {@code publicKeyHash} authenticated as associated data. As SPEC §5.2 defines it, EC_v2 binds
     * neither the program nor the request id.
     *
     * @param serverKey     the server's P-256 public key
     * @param plaintextJson the UTF-8 JSON of the user data
     * @throws IllegalArgumentException when the key is not a P-256 public key
     */
    public static EncryptedPayload ecV2(PublicKey serverKey, byte[] plaintextJson) {
        return ecV2(serverKey, plaintextJson, P256.generate());
    }

    /** EC_v2 with a given ephemeral key pair (known-answer tests). */
    static EncryptedPayload ecV2(PublicKey serverKey, byte[] plaintextJson, KeyPair ephemeral) {
        ECPublicKey server = ServerKeys.p256(serverKey);
        String publicKeyHash = ServerKeys.publicKeyHash(server);
        try {
            Hpke.Sealed sealed = Hpke.AES_256_GCM.seal(server, ephemeral, ecV2Info(), ecV2Aad(publicKeyHash), plaintextJson);
            ECPublicKey enc = P256.fromUncompressed(sealed.enc())
                    .orElseThrow(() -> new IllegalStateException("HPKE gave an enc that is not a P-256 point"));
            return new EncryptedPayload(EncryptedPayload.EC_V2, base64(enc.getEncoded()), publicKeyHash,
                    base64(sealed.ciphertext()));
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("HPKE cannot seal", e);
        }
    }

    /** EC_v2's HPKE {@code info}: the ASCII bytes of "EC_v2". */
    static byte[] ecV2Info() {
        return EncryptedPayload.EC_V2.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * EC_v2's associated data: "EC_v2" followed by {@code publicKeyHash} as sent, i.e. the ASCII bytes of its base64
     * text (not the 32 bytes it decodes to), so that client and server need no canonical decoding to agree.
     */
    static byte[] ecV2Aad(String publicKeyHash) {
        return (EncryptedPayload.EC_V2 + publicKeyHash).getBytes(StandardCharsets.US_ASCII);
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
