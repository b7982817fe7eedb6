package io.contactinfo.adapter.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.factories.DefaultJWSSignerFactory;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.contactinfo.application.port.out.AccessTokenRejectedException;
import io.contactinfo.application.port.out.AccessTokenRejectedException.Reason;
import io.contactinfo.application.port.out.AccessTokenVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static io.contactinfo.adapter.auth.TestKeys.EC;
import static io.contactinfo.adapter.auth.TestKeys.RSA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The classic attacks on JWT verification, each against a verifier fed by an issuer's JWKS over HTTP. */
class TokenAttackTest {

    private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
    private static final String ISSUER = "https://idp.example";
    private static final String AUDIENCE = "contact-info";
    private static final ECKey ATTACKER = TestKeys.ec("attacker");

    private final JwksServer issuer = new JwksServer(EC.toPublicJWK(), RSA.toPublicJWK());
    private final JwksServer attackerServer = new JwksServer(ATTACKER.toPublicJWK());
    private final MutableClock jwksClock = new MutableClock(NOW);
    private AccessTokenVerifier verifier;

    @BeforeEach
    void verifierOfTheIssuersTokens() {
        JwtSettings defaults = JwtSettings.defaults();
        verifier = new JwtAccessTokenVerifier(new RemoteJwks(issuer.uri(), JwksSettings.defaults(), jwksClock),
                new JwtSettings(Optional.of(ISSUER), Optional.of(AUDIENCE), defaults.claimNames(),
                        defaults.allowedAlgorithms(), defaults.maxClockSkew()),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stopServers() {
        issuer.close();
        attackerServer.close();
    }

    @Test
    void givenGenuineToken_verify_accepts() {
        assertThat(verifier.verify(signed(EC, header(EC, EC.getKeyID()), claims())).institutionId()).contains("inst-1");
        assertThat(verifier.verify(signed(RSA, header(RSA, RSA.getKeyID()), claims())).institutionId()).contains("inst-1");
    }

    @Test
    void givenAlgNone_verify_isRejectedAsUntrusted() {
        assertRejected(new PlainJWT(claims()).serialize(), Reason.UNTRUSTED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"alg\":\"none\",\"kid\":\"ec-1\"}", "{\"alg\":\"None\"}", "{\"alg\":\"NONE\"}"})
    void givenAlgNoneSpelledAnyWayWithOrWithoutASignature_verify_isRejected(String header) {
        String genuine = signed(EC, header(EC, EC.getKeyID()), claims());
        String withSignature = Base64URL.encode(header) + genuine.substring(genuine.indexOf('.'));
        String withoutSignature = withSignature.substring(0, withSignature.lastIndexOf('.') + 1);

        // Not a well-formed unsecured JWT, or an algorithm outside the allow-list: refused either way.
        for (String token : new String[] {withSignature, withoutSignature}) {
            assertThatThrownBy(() -> verifier.verify(token)).isInstanceOfSatisfying(AccessTokenRejectedException.class,
                    e -> assertThat(e.reason()).isIn(Reason.MALFORMED, Reason.UNTRUSTED));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"DER", "PEM"})
    void givenHs256KeyedWithTheRsaPublicKeysBytes_verify_isRejectedAsUntrusted(String encoding) throws Exception {
        byte[] der = RSA.toPublicKey().getEncoded();
        byte[] secret = encoding.equals("DER") ? der : ("-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END PUBLIC KEY-----\n").getBytes(StandardCharsets.US_ASCII);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(RSA.getKeyID()).build(), claims());
        jwt.sign(new MACSigner(secret));

        assertRejected(jwt.serialize(), Reason.UNTRUSTED);
    }

    @Test
    void givenKeyNotInTheJwksWithAnUnknownKid_verify_isRejectedAfterAtMostOneRefetchPerInterval() {
        verifier.verify(signed(EC, header(EC, EC.getKeyID()), claims()));
        jwksClock.advance(JwksSettings.defaults().minFetchInterval());

        for (int i = 0; i < 20; i++) {
            assertRejected(signed(ATTACKER, header(ATTACKER, "forged-" + i), claims()), Reason.UNTRUSTED);
        }
        assertThat(issuer.fetches()).isEqualTo(2);
    }

    @Test
    void givenKeyNotInTheJwksWithATrustedKid_verify_isRejectedAsUntrustedWithoutRefetching() {
        assertRejected(signed(ATTACKER, header(ATTACKER, EC.getKeyID()), claims()), Reason.UNTRUSTED);
        jwksClock.advance(JwksSettings.defaults().minFetchInterval());
        assertRejected(signed(ATTACKER, header(ATTACKER, EC.getKeyID()), claims()), Reason.UNTRUSTED);

        assertThat(issuer.fetches()).isEqualTo(1);
    }

    @Test
    void givenKeyNotInTheJwksWithoutKid_verify_isRejectedAsUntrusted() {
        assertRejected(signed(ATTACKER, header(ATTACKER, null), claims()), Reason.UNTRUSTED);
    }

    @Test
    void givenExpiredToken_verify_isRejectedAsExpired() {
        assertRejected(signed(EC, header(EC, EC.getKeyID()), claims(builder -> builder
                .expirationTime(Date.from(NOW.minus(Duration.ofMinutes(2)))))), Reason.EXPIRED);
    }

    @Test
    void givenTokenNotYetValid_verify_isRejectedAsNotYetValid() {
        assertRejected(signed(EC, header(EC, EC.getKeyID()), claims(builder -> builder
                .notBeforeTime(Date.from(NOW.plus(Duration.ofMinutes(2)))))), Reason.NOT_YET_VALID);
    }

    @Test
    void givenAnotherIssuer_verify_isRejectedAsWrongIssuer() {
        assertRejected(signed(EC, header(EC, EC.getKeyID()), claims(builder -> builder.issuer("https://evil.example"))),
                Reason.WRONG_ISSUER);
    }

    @Test
    void givenAnotherAudience_verify_isRejectedAsWrongAudience() {
        assertRejected(signed(EC, header(EC, EC.getKeyID()), claims(builder -> builder.audience("another-api"))),
                Reason.WRONG_AUDIENCE);
    }

    @Test
    void givenAttackersKeyEmbeddedAsHeaderJwk_verify_isRejectedAsUntrusted() {
        JWSHeader header = new JWSHeader.Builder(header(ATTACKER, ATTACKER.getKeyID())).jwk(ATTACKER.toPublicJWK()).build();

        assertRejected(signed(ATTACKER, header, claims()), Reason.UNTRUSTED);
    }

    @Test
    void givenHeaderJkuOrX5uPointingToTheAttacker_verify_isRejectedWithoutFetchingFromThere() {
        JWSHeader jku = new JWSHeader.Builder(header(ATTACKER, ATTACKER.getKeyID())).jwkURL(attackerServer.uri()).build();
        JWSHeader x5u = new JWSHeader.Builder(header(ATTACKER, ATTACKER.getKeyID()))
                .x509CertURL(attackerServer.uri()).build();

        assertRejected(signed(ATTACKER, jku, claims()), Reason.UNTRUSTED);
        assertRejected(signed(ATTACKER, x5u, claims()), Reason.UNTRUSTED);
        assertThat(attackerServer.fetches()).isZero();
    }

    private static JWSHeader header(JWK key, String kid) {
        JWSAlgorithm algorithm = key instanceof ECKey ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256;
        return new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).keyID(kid).build();
    }

    private static String signed(JWK key, JWSHeader header, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(new DefaultJWSSignerFactory().createJWSSigner(key, header.getAlgorithm()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWTClaimsSet claims() {
        return claims(builder -> builder);
    }

    /** Valid claims for {@link #NOW}, spoiled by {@code spoil}. */
    private static JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> spoil) {
        return spoil.apply(new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .claim("institution_id", "inst-1")
                .expirationTime(Date.from(NOW.plus(Duration.ofMinutes(5))))).build();
    }

    private void assertRejected(String token, Reason reason) {
        assertThatThrownBy(() -> verifier.verify(token))
                .isInstanceOfSatisfying(AccessTokenRejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
