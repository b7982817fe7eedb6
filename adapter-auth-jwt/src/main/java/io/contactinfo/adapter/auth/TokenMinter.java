package io.contactinfo.adapter.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Mints signed access tokens for development and tests: ES256 with an EC P-256 key, RS256 with an
 * RSA key. Tokens carry {@code exp}, {@code iat}, {@code nbf}, {@code jti}, the subject, the
 * institution and customer ids, the client id {@value #CLIENT_ID} and the scopes.
 */
public final class TokenMinter {

    /** The client id of every minted token. */
    public static final String CLIENT_ID = "contact-info-dev";
    private static final String DEFAULT_SUBJECT = "dev-user";

    private final JWSSigner signer;
    private final JWSHeader header;
    private final JwtSettings.ClaimNames claimNames;
    private final Optional<String> issuer;
    private final Optional<String> audience;
    private final Clock clock;

    /**
     * @param signingKey a private EC P-256 or RSA key; its {@code kid}, if any, goes in the header
     * @param claimNames where the claims are written
     * @param issuer     the {@code iss} to write, if any
     * @param audience   the {@code aud} to write, if any
     * @param clock      the time tokens are issued at
     * @throws IllegalArgumentException when the key is neither, or has no private part
     */
    public TokenMinter(JWK signingKey, JwtSettings.ClaimNames claimNames, Optional<String> issuer,
                       Optional<String> audience, Clock clock) {
        if (!signingKey.isPrivate()) {
            throw new IllegalArgumentException("signingKey has no private part");
        }
        JWSAlgorithm algorithm;
        try {
            if (signingKey instanceof ECKey ec && Curve.P_256.equals(ec.getCurve())) {
                algorithm = JWSAlgorithm.ES256;
                signer = new ECDSASigner(ec);
            } else if (signingKey instanceof RSAKey rsa) {
                algorithm = JWSAlgorithm.RS256;
                signer = new RSASSASigner(rsa);
            } else {
                throw new IllegalArgumentException("signingKey must be an EC P-256 or an RSA key");
            }
        } catch (JOSEException e) {
            throw new IllegalArgumentException("signingKey cannot sign", e);
        }
        this.header = new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).keyID(signingKey.getKeyID()).build();
        this.claimNames = Objects.requireNonNull(claimNames, "claimNames");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.audience = Objects.requireNonNull(audience, "audience");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param institutionId the institution id claim
     * @param customerId    the institution customer id claim and subject, or {@code null} for a
     *                      token without a customer (subject {@code dev-user})
     * @param scopes        the scopes granted, written space-separated
     * @param ttl           how long the token is valid from now
     * @return the compact serialization
     */
    public String mint(String institutionId, String customerId, Set<String> scopes, Duration ttl) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .claim(claimNames.subject(), customerId == null ? DEFAULT_SUBJECT : customerId)
                .claim(claimNames.institution(), Objects.requireNonNull(institutionId, "institutionId"))
                .claim(claimNames.customer(), customerId)
                .claim(claimNames.clientId(), CLIENT_ID)
                .claim(claimNames.scope(), String.join(" ", new TreeSet<>(scopes)));
        issuer.ifPresent(claims::issuer);
        audience.ifPresent(claims::audience);
        SignedJWT jwt = new SignedJWT(header, claims.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a dev token", e);
        }
        return jwt.serialize();
    }
}
