package io.contactinfo.adapter.persistence.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under a secret key: equal values give equal hashes, so a column can be searched for a value (an SSN)
 * that is never stored, while without the key the hash cannot be reversed by trying the billion SSNs.
 *
 * <p>Each use has its own purpose label, which keys a sub-key: a hash made for one purpose never matches
 * a hash made for another.
 */
public final class KeyedHash {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    /** A keyed hash for one purpose, under a sub-key of the configured HMAC key. */
    public KeyedHash(DataProtection protection, String purpose) {
        Objects.requireNonNull(protection, "protection");
        Objects.requireNonNull(purpose, "purpose");
        this.key = new SecretKeySpec(mac(new SecretKeySpec(protection.hmacKey(), ALGORITHM),
                purpose.getBytes(StandardCharsets.UTF_8)), ALGORITHM);
    }

    /** The hash of {@code value}: 32 bytes. */
    public byte[] hash(String value) {
        return mac(key, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The hash of {@code value} as 64 lower-case hex digits, for a column. */
    public String hex(String value) {
        return HexFormat.of().formatHex(hash(value));
    }

    private static byte[] mac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM); // a Mac is not thread-safe; a new one is cheap
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
