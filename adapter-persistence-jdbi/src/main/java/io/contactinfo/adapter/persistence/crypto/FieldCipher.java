package io.contactinfo.adapter.persistence.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts a column's value with AES-256-GCM before it reaches the database. A stored value reads
 * {@code keyId:base64(iv || ciphertext || tag)}: the key id lets old values be read after the active key changed.
 *
 * <p>Each value is bound to a context (e.g. the table, column and row id) through GCM's associated data, so a
 * ciphertext copied to another row or column no longer decrypts.
 */
public final class FieldCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_LENGTH = 12;
    private static final int TAG_BITS = 128;

    private final DataProtection protection;
    private final SecureRandom random = new SecureRandom();

    public FieldCipher(DataProtection protection) {
        this.protection = Objects.requireNonNull(protection, "protection");
    }

    /** The stored form of {@code plaintext} under the active key. */
    public String encrypt(String plaintext, String context) {
        Objects.requireNonNull(plaintext, "plaintext");
        String keyId = protection.activeKeyId();
        byte[] iv = new byte[IV_LENGTH];
        random.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keyId, iv, context);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] stored = ByteBuffer.allocate(IV_LENGTH + sealed.length).put(iv).put(sealed).array();
            return keyId + ":" + Base64.getEncoder().withoutPadding().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt", e);
        }
    }

    /**
     * The plaintext of a value {@link #encrypt} stored in the same context.
     *
     * @throws IllegalStateException when the key id is unknown or the value was altered or moved
     */
    public String decrypt(String stored, String context) {
        int colon = stored.indexOf(':');
        if (colon < 1) {
            throw new IllegalStateException("not an encrypted value");
        }
        String keyId = stored.substring(0, colon);
        byte[] bytes = Base64.getDecoder().decode(stored.substring(colon + 1));
        if (bytes.length < IV_LENGTH + TAG_BITS / 8) {
            throw new IllegalStateException("encrypted value too short");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, keyId, java.util.Arrays.copyOf(bytes, IV_LENGTH), context);
            byte[] plain = cipher.doFinal(bytes, IV_LENGTH, bytes.length - IV_LENGTH);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt a value of key " + keyId, e);
        }
    }

    private Cipher cipher(int mode, String keyId, byte[] iv, String context) throws GeneralSecurityException {
        byte[] key = protection.encryptionKey(keyId);
        if (key == null) {
            throw new IllegalStateException("no encryption key " + keyId);
        }
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
