package io.contactinfo.adapter.persistence.crypto;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The keys that protect personal data at rest (SPEC §7, §8): AES-256 keys by key id, of which the active one
 * encrypts new values while the others still decrypt old ones (rotation), and the HMAC key that turns an SSN into
 * a look-up value. Every key is 32 bytes.
 *
 * <p>The HMAC key cannot be rotated like the encryption keys: the limit registry finds an SSN by its keyed hash,
 * so a new HMAC key would make every stored SSN hash unreachable.
 *
 * @param encryptionKeys key id to AES-256 key; key ids are 1–32 letters, digits, {@code _} or {@code -}
 * @param activeKeyId    the id of the key that encrypts new values, one of {@code encryptionKeys}
 * @param hmacKey        the key of the keyed hashes
 */
public record DataProtection(Map<String, byte[]> encryptionKeys, String activeKeyId, byte[] hmacKey) {

    /** AES-256 and HMAC-SHA256 keys alike. */
    public static final int KEY_LENGTH = 32;

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    public DataProtection {
        Objects.requireNonNull(activeKeyId, "activeKeyId");
        Map<String, byte[]> keys = new LinkedHashMap<>();
        encryptionKeys.forEach((id, key) -> {
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("a key id is 1-32 letters, digits, _ or -");
            }
            keys.put(id, requireKey(key, "encryption key " + id));
        });
        if (!keys.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("no encryption key with the active key id " + activeKeyId);
        }
        encryptionKeys = Map.copyOf(keys);
        hmacKey = requireKey(hmacKey, "hmac key");
    }

    /** Fresh random keys under the key id {@code k1}: for tests, and for data that need not outlive the process. */
    public static DataProtection generate() {
        SecureRandom random = new SecureRandom();
        byte[] key = new byte[KEY_LENGTH];
        byte[] hmac = new byte[KEY_LENGTH];
        random.nextBytes(key);
        random.nextBytes(hmac);
        return new DataProtection(Map.of("k1", key), "k1", hmac);
    }

    private static byte[] requireKey(byte[] key, String name) {
        Objects.requireNonNull(key, name);
        if (key.length != KEY_LENGTH) {
            throw new IllegalArgumentException(name + " must be " + KEY_LENGTH + " bytes, was " + key.length);
        }
        return key.clone();
    }

    /** Copies: the keys stay as configured whatever the caller does with them. */
    @Override
    public Map<String, byte[]> encryptionKeys() {
        Map<String, byte[]> copy = new LinkedHashMap<>();
        encryptionKeys.forEach((id, key) -> copy.put(id, key.clone()));
        return copy;
    }

    @Override
    public byte[] hmacKey() {
        return hmacKey.clone();
    }

    /** The key with that id, if any. */
    byte[] encryptionKey(String keyId) {
        byte[] key = encryptionKeys.get(keyId);
        return key == null ? null : key.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DataProtection that && activeKeyId.equals(that.activeKeyId)
                && Arrays.equals(hmacKey, that.hmacKey) && encryptionKeys.keySet().equals(that.encryptionKeys.keySet())
                && encryptionKeys.entrySet().stream()
                .allMatch(e -> Arrays.equals(e.getValue(), that.encryptionKeys.get(e.getKey())));
    }

    @Override
    public int hashCode() {
        return Objects.hash(activeKeyId, encryptionKeys.keySet());
    }

    /** Key ids only, never a key: settings end up in logs. */
    @Override
    public String toString() {
        return "DataProtection[keyIds=" + encryptionKeys.keySet() + ", activeKeyId=" + activeKeyId + "]";
    }
}
