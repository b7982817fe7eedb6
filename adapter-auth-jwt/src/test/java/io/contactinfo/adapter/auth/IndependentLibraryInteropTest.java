package io.contactinfo.adapter.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import io.contactinfo.application.port.out.AccessToken;
import io.contactinfo.application.port.out.AccessTokenVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens minted by auth0 java-jwt, which shares no code with nimbus-jose-jwt, from keys made by
 * the JDK and published as an issuer's JWKS over HTTP.
 */
class IndependentLibraryInteropTest {

    private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
    private static final String ISSUER = "https://idp.example";
    private static final String AUDIENCE = "contact-info";

    private static final KeyPair RSA_PAIR = generate("RSA");
    private static final KeyPair EC_PAIR = generate("EC");

    private final JwksServer issuer = new JwksServer(
            new RSAKey.Builder((RSAPublicKey) RSA_PAIR.getPublic()).keyID("rsa-interop").build(),
            new ECKey.Builder(Curve.P_256, (ECPublicKey) EC_PAIR.getPublic()).keyID("ec-interop").build());

    @AfterEach
    void stopIssuer() {
        issuer.close();
    }

    @Test
    void givenRs256TokenFromJavaJwt_verify_acceptsAndReadsEveryClaim() {
        Algorithm rs256 = Algorithm.RSA256((RSAPublicKey) RSA_PAIR.getPublic(), (RSAPrivateKey) RSA_PAIR.getPrivate());
        String token = JWT.create()
                .withKeyId("rsa-interop")
                .withIssuer(ISSUER)
                .withAudience(AUDIENCE)
                .withSubject("cust-9")
                .withIssuedAt(NOW)
                .withNotBefore(NOW)
                .withExpiresAt(NOW.plus(Duration.ofMinutes(5)))
                .withClaim("institution_id", "inst-1")
                .withClaim("institution_customer_id", "cust-9")
                .withClaim("client_id", "mobile-app")
                .withClaim("scope", "institution-users:read institution-users:write")
                .sign(rs256);

        assertThat(verifier().verify(token)).isEqualTo(new AccessToken(Optional.of("inst-1"), Optional.of("cust-9"),
                Optional.of("mobile-app"), Optional.of("cust-9"),
                Set.of("institution-users:read", "institution-users:write"), NOW.plus(Duration.ofMinutes(5))));
    }

    @Test
    void givenEs256TokenFromJavaJwtWithAnScpArray_verify_acceptsAndReadsEveryClaim() {
        Algorithm es256 = Algorithm.ECDSA256((ECPublicKey) EC_PAIR.getPublic(), (ECPrivateKey) EC_PAIR.getPrivate());
        String token = JWT.create()
                .withKeyId("ec-interop")
                .withIssuer(ISSUER)
                .withAudience("another-api", AUDIENCE)
                .withSubject("service-account")
                .withExpiresAt(NOW.plus(Duration.ofMinutes(1)))
                .withClaim("institution_id", "inst-2")
                .withClaim("client_id", "batch-job")
                .withArrayClaim("scp", new String[] {"institution-users:read"})
                .sign(es256);

        assertThat(verifier().verify(token)).isEqualTo(new AccessToken(Optional.of("inst-2"), Optional.empty(),
                Optional.of("batch-job"), Optional.of("service-account"), Set.of("institution-users:read"),
                NOW.plus(Duration.ofMinutes(1))));
    }

    private AccessTokenVerifier verifier() {
        JwtSettings defaults = JwtSettings.defaults();
        List<JWK> noExtraKeys = List.of();
        return new JwtAccessTokenVerifier(
                TrustedKeys.source(Optional.of(issuer.uri()), noExtraKeys, JwksSettings.defaults()),
                new JwtSettings(Optional.of(ISSUER), Optional.of(AUDIENCE), defaults.claimNames(),
                        defaults.allowedAlgorithms(), defaults.maxClockSkew()),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static KeyPair generate(String algorithm) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (algorithm.equals("EC")) {
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            } else {
                generator.initialize(2048);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
