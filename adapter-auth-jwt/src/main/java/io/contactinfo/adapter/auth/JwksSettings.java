package io.contactinfo.adapter.auth;

import java.time.Duration;
import java.util.Objects;

/**
 * How a JWKS fetched over HTTP is cached and fetched.
 *
 * @param cacheTtl          how long a fetched key set is used before it is fetched again
 * @param minFetchInterval  the least time between two fetches, whatever asks for them: a token with
 *                          an unknown {@code kid}, an expired cache or a failed fetch. Forged
 *                          {@code kid}s therefore cannot make this server hammer the issuer.
 * @param connectTimeout    how long to wait for a connection to the issuer
 * @param readTimeout       how long to wait for the whole response once the request is sent
 */
public record JwksSettings(Duration cacheTtl, Duration minFetchInterval, Duration connectTimeout,
                           Duration readTimeout) {

    public JwksSettings {
        requirePositive(cacheTtl, "cacheTtl");
        requirePositive(minFetchInterval, "minFetchInterval");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
    }

    /** Keys cached for 5 minutes, at most one fetch every 30 seconds, 5 second timeouts. */
    public static JwksSettings defaults() {
        return new JwksSettings(Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofSeconds(5),
                Duration.ofSeconds(5));
    }

    private static void requirePositive(Duration value, String name) {
        if (Objects.requireNonNull(value, name).isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
