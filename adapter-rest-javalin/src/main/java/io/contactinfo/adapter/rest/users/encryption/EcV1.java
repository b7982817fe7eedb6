package io.contactinfo.adapter.rest.users.encryption;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * EC_v1 (SPEC §5.2) on the JDK alone: ECDH on P-256, the NIST SP 800-56A §5.8.1 single-step KDF with SHA-256, and
 * AES-256-GCM with an IV of 16 zero bytes, no AAD and the 128-bit tag appended. The fixed IV is safe only because
 * every message has a fresh ephemeral key, so no key is ever used twice; EC_v2 does without that assumption.
 */
final class EcV1 {

    static final String VERSION = "EC_v1";
    /** The KDF's AlgorithmID, written as its length (0x0D) then its 13 ASCII bytes. */
    private static final String ALGORITHM = "id-aes256-GCM";
    private static final int TAG_BITS = 128;
    private static final int IV_BYTES = 16;

    private EcV1() {
    }

    /** Z: the x-coordinate of the shared point, 32 bytes. */
    static byte[] sharedSecret(PrivateKey own, PublicKey other) throws GeneralSecurityException {
        KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
        ecdh.init(own);
        ecdh.doPhase(other, true);
        return ecdh.generateSecret();
    }

    /**
     * SP 800-56A §5.8.1 with SHA-256 and keydatalen 256: a single round, SHA-256(counter 00000001 ‖ Z ‖ OtherInfo).
     *
     * @param requestId the {@code X-GD-RequestID} as sent
     */
    static byte[] key(byte[] z, String programCode, String requestId) throws GeneralSecurityException {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update(new byte[] {0, 0, 0, 1});
        sha256.update(z);
        sha256.update(otherInfo(programCode, requestId));
        return sha256.digest();
    }

    /** AlgorithmID ‖ PartyUInfo (the program code, ASCII) ‖ PartyVInfo (SHA-256 of the request id, UTF-8). */
    static byte[] otherInfo(String programCode, String requestId) throws GeneralSecurityException {
        CharsetEncoder ascii = StandardCharsets.US_ASCII.newEncoder();
        if (!ascii.canEncode(programCode)) {
            throw new IllegalArgumentException("the program code must be ASCII");
        }
        ByteArrayOutputStream info = new ByteArrayOutputStream();
        info.write(ALGORITHM.length());
        info.writeBytes(ALGORITHM.getBytes(StandardCharsets.US_ASCII));
        info.writeBytes(programCode.getBytes(StandardCharsets.US_ASCII));
        info.writeBytes(MessageDigest.getInstance("SHA-256").digest(requestId.getBytes(StandardCharsets.UTF_8)));
        return info.toByteArray();
    }

    /** Ciphertext ‖ tag. */
    static byte[] seal(byte[] key, byte[] plaintext) throws GeneralSecurityException {
        return cipher(Cipher.ENCRYPT_MODE, key).doFinal(plaintext);
    }

    /** @throws AEADBadTagException when the tag does not match: altered data, another key, program or request */
    static byte[] open(byte[] key, byte[] ciphertextAndTag) throws GeneralSecurityException {
        return cipher(Cipher.DECRYPT_MODE, key).doFinal(ciphertextAndTag);
    }

    /** Bytes {@code data} must have at least: the tag. */
    static int minimumDataBytes() {
        return TAG_BITS / 8;
    }

    private static Cipher cipher(int mode, byte[] key) throws GeneralSecurityException {
        Cipher aesGcm = Cipher.getInstance("AES/GCM/NoPadding");
        aesGcm.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, new byte[IV_BYTES]));
        return aesGcm;
    }
}
