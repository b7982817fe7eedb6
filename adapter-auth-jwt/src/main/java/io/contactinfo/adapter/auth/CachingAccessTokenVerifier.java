package io.contactinfo.adapter.auth;

import io.contactinfo.application.port.out.AccessToken;
import io.contactinfo.application.port.out.AccessTokenVerifier;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the tokens another verifier accepted, so that a client sending the same bearer token on
 * every call pays for its signature once (an ES256 verification is most of a request's CPU).
 *
 * <p>Only accepted tokens are kept, under the SHA-256 of the token (never the token itself), each
 * until the earliest of its {@code exp} (plus the allowed clock skew) and {@code maxAge}; a refusal
 * is never remembered. An entry past its time is dropped and the token verified again from scratch,
 * so an expired token gets the same refusal as without a cache. {@code maxAge} bounds how long a
 * token stays accepted after its signing key leaves the trusted set: given the JWKS cache's time to
 * live, a removed key is honoured at most twice that long (a token verified just before the JWKS
 * was fetched again stays accepted for {@code maxAge} from then). At most {@code maxEntries} tokens
 * are kept.
 */
public final class CachingAccessTokenVerifier implements AccessTokenVerifier {

    private final AccessTokenVerifier delegate;
    private final Clock clock;
    private final Duration maxClockSkew;
    private final Duration maxAge;
    private final int maxEntries;
    private final Map<String, Entry> accepted = new ConcurrentHashMap<>();

    private record Entry(AccessToken token, Instant until) {
    }

    /**
     * @param delegate     the verifier that decides
     * @param clock        the same clock the delegate compares {@code exp} with
     * @param maxClockSkew the same skew the delegate allows past {@code exp}
     * @param maxAge       the longest a token is accepted without being verified again
     * @param maxEntries   the most tokens remembered at once
     */
    public CachingAccessTokenVerifier(AccessTokenVerifier delegate, Clock clock, Duration maxClockSkew,
                                      Duration maxAge, int maxEntries) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxClockSkew = Objects.requireNonNull(maxClockSkew, "maxClockSkew");
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.maxEntries = maxEntries;
    }

    @Override
    public AccessToken verify(String token) {
        String key = sha256(token);
        Instant now = clock.instant();
        Entry entry = accepted.get(key);
        if (entry != null) {
            if (now.isBefore(entry.until())) {
                return entry.token();
            }
            accepted.remove(key, entry);
        }
        AccessToken verified = delegate.verify(token);
        Instant expiry = verified.expiresAt().plus(maxClockSkew);
        Instant until = now.plus(maxAge).isBefore(expiry) ? now.plus(maxAge) : expiry;
        if (now.isBefore(until)) {
            if (accepted.size() >= maxEntries) {
                evict(now);
            }
            accepted.put(key, new Entry(verified, until));
        }
        return verified;
    }

    /** Drops the entries past their time; when none is, forgets everything rather than grow. */
    private void evict(Instant now) {
        accepted.values().removeIf(entry -> !now.isBefore(entry.until()));
        if (accepted.size() >= maxEntries) {
            accepted.clear();
        }
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
