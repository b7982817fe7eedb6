package io.contactinfo.adapter.notification;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of the SMS and voice webhook, for the sender and for a receiver that checks it.
 *
 * <p>Each request carries {@code X-ContactInfo-Timestamp: <epoch seconds>} and
 * {@code X-ContactInfo-Signature: v1=<hex>}, where {@code <hex>} is the lower-case hex HMAC-SHA256, keyed with the
 * shared secret's UTF-8 bytes, of {@code <timestamp> + "." + <body>} (the body's bytes exactly as sent, UTF-8 JSON).
 * A receiver recomputes it with {@link #verify} and refuses a request whose signature differs or whose timestamp is
 * further from its own clock than a tolerance (five minutes is usual): a captured request cannot be replayed later.
 * Within the tolerance, the {@code Idempotency-Key} header (the message id) tells a repeated delivery apart.
 *
 * <p>The header may list several signatures, comma-separated ({@code v1=…,v1=…}); one valid one is enough. That
 * lets a secret be rotated without a moment when sender and receiver disagree.
 */
public final class WebhookSignature {

    /** The request header with the signature. */
    public static final String SIGNATURE_HEADER = "X-ContactInfo-Signature";
    /** The request header with the time of signing, in seconds since the epoch. */
    public static final String TIMESTAMP_HEADER = "X-ContactInfo-Timestamp";

    private static final String SCHEME = "v1=";
    private static final String HMAC = "HmacSHA256";

    /** What {@link #verify} found. */
    public enum Verification {
        /** The signature matches and the timestamp is within the tolerance. */
        VALID,
        /** The timestamp or the signature header cannot be read. */
        MALFORMED,
        /** The timestamp is further from now than the tolerance: possibly a replay. */
        STALE,
        /** No signature matches: another secret, or a changed body or timestamp. */
        MISMATCH;

        public boolean isValid() {
            return this == VALID;
        }
    }

    private WebhookSignature() {
    }

    /** The {@value #SIGNATURE_HEADER} header's value for this body, signed at {@code timestamp} (epoch seconds). */
    public static String sign(String secret, long timestamp, String body) {
        return SCHEME + HexFormat.of().formatHex(hmac(secret, timestamp + "." + body));
    }

    /**
     * Checks a request as its receiver.
     *
     * @param secret    the shared secret
     * @param timestamp the {@value #TIMESTAMP_HEADER} header's value
     * @param body      the request's body, exactly as received (decoded as UTF-8)
     * @param header    the {@value #SIGNATURE_HEADER} header's value
     * @param now       the receiver's clock
     * @param tolerance how far the timestamp may be from {@code now}, either way
     */
    public static Verification verify(String secret, String timestamp, String body, String header, Instant now,
                                      Duration tolerance) {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(tolerance, "tolerance");
        if (timestamp == null || body == null || header == null || !timestamp.matches("\\d{1,12}")) {
            return Verification.MALFORMED;
        }
        long signedAt = Long.parseLong(timestamp);
        if (Math.abs(now.getEpochSecond() - signedAt) > tolerance.getSeconds()) {
            return Verification.STALE;
        }
        byte[] expected = hmac(secret, timestamp + "." + body);
        boolean readable = false;
        for (String signature : header.split(",")) {
            String candidate = signature.strip();
            if (!candidate.startsWith(SCHEME)) {
                continue;
            }
            byte[] given;
            try {
                given = HexFormat.of().parseHex(candidate.substring(SCHEME.length()));
            } catch (IllegalArgumentException notHex) {
                continue;
            }
            readable = true;
            if (MessageDigest.isEqual(expected, given)) {
                return Verification.VALID;
            }
        }
        return readable ? Verification.MISMATCH : Verification.MALFORMED;
    }

    private static byte[] hmac(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC));
            return mac.doFinal(signed.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
