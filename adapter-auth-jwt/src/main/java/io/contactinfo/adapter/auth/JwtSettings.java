package io.contactinfo.adapter.auth;

import com.nimbusds.jose.JWSAlgorithm;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How bearer tokens are checked: the expected issuer and audience (checked only when present),
 * the claim names to read, the signature algorithms allowed and the clock skew tolerated.
 *
 * @param issuer            the required {@code iss}, if any
 * @param audience          a value {@code aud} must contain, if any
 * @param claimNames        where the claims are read from
 * @param allowedAlgorithms the only JWS algorithms accepted; RSA and EC signatures only
 * @param maxClockSkew      how far {@code exp} and {@code nbf} may be off from this server's clock
 */
public record JwtSettings(Optional<String> issuer, Optional<String> audience, ClaimNames claimNames,
                          Set<JWSAlgorithm> allowedAlgorithms, Duration maxClockSkew) {

    // An asymmetric-only allow-list rules out "none" and HMAC keyed with a public key.
    private static final Set<JWSAlgorithm> ASYMMETRIC = Stream
            .concat(JWSAlgorithm.Family.RSA.stream(), JWSAlgorithm.Family.EC.stream())
            .collect(Collectors.toUnmodifiableSet());

    public JwtSettings {
        Objects.requireNonNull(issuer, "issuer").ifPresent(value -> requireNonBlank(value, "issuer"));
        Objects.requireNonNull(audience, "audience").ifPresent(value -> requireNonBlank(value, "audience"));
        Objects.requireNonNull(claimNames, "claimNames");
        allowedAlgorithms = Set.copyOf(allowedAlgorithms);
        if (allowedAlgorithms.isEmpty()) {
            throw new IllegalArgumentException("allowedAlgorithms must not be empty");
        }
        for (JWSAlgorithm algorithm : allowedAlgorithms) {
            if (!ASYMMETRIC.contains(algorithm)) {
                throw new IllegalArgumentException("allowedAlgorithms: " + algorithm + " is not an RSA or EC signature");
            }
        }
        if (maxClockSkew.isNegative()) {
            throw new IllegalArgumentException("maxClockSkew must not be negative");
        }
    }

    /** No issuer or audience check, the default claim names, RS256, PS256 and ES256, 60 s of skew. */
    public static JwtSettings defaults() {
        return new JwtSettings(Optional.empty(), Optional.empty(), ClaimNames.defaults(),
                Set.of(JWSAlgorithm.RS256, JWSAlgorithm.PS256, JWSAlgorithm.ES256), Duration.ofSeconds(60));
    }

    /**
     * The names of the claims an access token carries.
     *
     * @param institution the institution id claim
     * @param customer    the institution customer id claim
     * @param scope       the space-separated scope claim ({@code scp} is read as well)
     * @param clientId    the client id claim
     * @param subject     the subject claim
     */
    public record ClaimNames(String institution, String customer, String scope, String clientId, String subject) {

        public ClaimNames {
            requireNonBlank(institution, "institution");
            requireNonBlank(customer, "customer");
            requireNonBlank(scope, "scope");
            requireNonBlank(clientId, "clientId");
            requireNonBlank(subject, "subject");
        }

        /** {@code institution_id}, {@code institution_customer_id}, {@code scope}, {@code client_id}, {@code sub}. */
        public static ClaimNames defaults() {
            return new ClaimNames("institution_id", "institution_customer_id", "scope", "client_id", "sub");
        }
    }

    private static void requireNonBlank(String value, String name) {
        if (Objects.requireNonNull(value, name).isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
