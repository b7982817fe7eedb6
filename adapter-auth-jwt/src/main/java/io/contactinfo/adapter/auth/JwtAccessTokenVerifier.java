package io.contactinfo.adapter.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.contactinfo.application.port.out.AccessToken;
import io.contactinfo.application.port.out.AccessTokenRejectedException;
import io.contactinfo.application.port.out.AccessTokenRejectedException.Reason;
import io.contactinfo.application.port.out.AccessTokenVerifier;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies compact JWS access tokens with nimbus-jose-jwt: the signature against trusted keys and
 * an algorithm allow-list, then {@code exp}, {@code nbf}, {@code iss} and {@code aud} against the
 * injected clock and the settings. Each refusal names its {@link Reason}; the token and its claim
 * values never appear in a message.
 */
public final class JwtAccessTokenVerifier implements AccessTokenVerifier {

    private static final String SCP = "scp";

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final JwtSettings settings;
    private final Clock clock;

    /**
     * @param trustedKeys the public keys tokens may be signed with
     * @param settings    the checks to apply
     * @param clock       the time {@code exp} and {@code nbf} are compared with
     */
    public JwtAccessTokenVerifier(JWKSource<SecurityContext> trustedKeys, JwtSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(settings.allowedAlgorithms(),
                Objects.requireNonNull(trustedKeys, "trustedKeys")));
        // RFC 9068 access tokens say "at+jwt"; many issuers say "JWT" or nothing.
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(
                JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
        // Claims are checked below, so that each failure keeps its own reason.
        processor.setJWTClaimsSetVerifier((claims, context) -> { });
    }

    @Override
    public AccessToken verify(String token) {
        JWTClaimsSet claims = verifiedClaims(token);
        Instant expiresAt = checkValidityPeriod(claims);
        settings.issuer().ifPresent(issuer -> {
            if (!issuer.equals(claims.getIssuer())) {
                throw new AccessTokenRejectedException(Reason.WRONG_ISSUER);
            }
        });
        settings.audience().ifPresent(audience -> {
            if (!claims.getAudience().contains(audience)) {
                throw new AccessTokenRejectedException(Reason.WRONG_AUDIENCE);
            }
        });
        try {
            JwtSettings.ClaimNames names = settings.claimNames();
            return new AccessToken(
                    Optional.ofNullable(claims.getStringClaim(names.institution())),
                    Optional.ofNullable(claims.getStringClaim(names.customer())),
                    Optional.ofNullable(claims.getStringClaim(names.clientId())),
                    Optional.ofNullable(claims.getStringClaim(names.subject())),
                    scopes(claims),
                    expiresAt);
        } catch (ParseException e) {
            throw new AccessTokenRejectedException(Reason.MALFORMED);
        }
    }

    private JWTClaimsSet verifiedClaims(String token) {
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
            // Parsed up front so that unreadable claims are MALFORMED rather than UNTRUSTED.
            jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new AccessTokenRejectedException(Reason.MALFORMED);
        }
        if (jwt instanceof PlainJWT) {
            // alg "none" is an algorithm outside the allow-list.
            throw new AccessTokenRejectedException(Reason.UNTRUSTED);
        }
        if (!(jwt instanceof SignedJWT signed)) {
            throw new AccessTokenRejectedException(Reason.MALFORMED);
        }
        try {
            return processor.process(signed, null);
        } catch (BadJOSEException | JOSEException e) {
            throw new AccessTokenRejectedException(Reason.UNTRUSTED);
        }
    }

    /** @return the expiry, once {@code exp} and {@code nbf} admit the current time */
    private Instant checkValidityPeriod(JWTClaimsSet claims) {
        Date expiration = claims.getExpirationTime();
        if (expiration == null) {
            throw new AccessTokenRejectedException(Reason.NO_EXPIRY);
        }
        Instant now = clock.instant();
        Instant expiresAt = expiration.toInstant();
        if (expiresAt.plus(settings.maxClockSkew()).isBefore(now)) {
            throw new AccessTokenRejectedException(Reason.EXPIRED);
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && notBefore.toInstant().minus(settings.maxClockSkew()).isAfter(now)) {
            throw new AccessTokenRejectedException(Reason.NOT_YET_VALID);
        }
        return expiresAt;
    }

    /** The union of the space-separated scope claim and {@code scp}, a JSON array of strings or a string. */
    private Set<String> scopes(JWTClaimsSet claims) throws ParseException {
        Set<String> scopes = new HashSet<>(spaceSeparated(claims.getStringClaim(settings.claimNames().scope())));
        Object scp = claims.getClaim(SCP);
        if (scp instanceof String value) {
            scopes.addAll(spaceSeparated(value));
        } else if (scp != null) {
            claims.getStringListClaim(SCP).stream().filter(Objects::nonNull).forEach(scopes::add);
        }
        return scopes;
    }

    private static List<String> spaceSeparated(String value) {
        return value == null ? List.of() : Arrays.stream(value.split(" ")).filter(s -> !s.isEmpty()).toList();
    }
}
