package io.contactinfo.domain.otp;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A passcode as it is stored: a keyed hash, computed outside the domain by a {@link OtpCodeHasher}.
 * The domain only compares two of them, in constant time.
 */
public final class OtpCodeHash {

    private final byte[] bytes;

    private OtpCodeHash(byte[] bytes) {
        this.bytes = bytes;
    }

    public static OtpCodeHash of(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length == 0) {
            throw new IllegalArgumentException("an empty hash");
        }
        return new OtpCodeHash(bytes.clone());
    }

    /** The stored form, base64. */
    public static OtpCodeHash ofBase64(String base64) {
        return of(Base64.getDecoder().decode(base64));
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public String base64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Compares in time that does not depend on where the hashes differ. */
    public boolean matches(OtpCodeHash other) {
        return MessageDigest.isEqual(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OtpCodeHash hash && matches(hash);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "OtpCodeHash[****]";
    }
}
