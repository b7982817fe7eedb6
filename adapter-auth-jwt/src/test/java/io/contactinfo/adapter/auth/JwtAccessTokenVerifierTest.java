package io.contactinfo.adapter.auth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.contactinfo.application.port.out.AccessToken;
import io.contactinfo.application.port.out.AccessTokenRejectedException;
import io.contactinfo.application.port.out.AccessTokenRejectedException.Reason;
import io.contactinfo.application.port.out.AccessTokenVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.contactinfo.adapter.auth.TestKeys.EC;
import static io.contactinfo.adapter.auth.TestKeys.RSA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwtAccessTokenVerifierTest {

    private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
    private static final Set<String> SCOPES = Set.of("institution-users:read", "institution-users:write");
    private static final JwtSettings DEFAULTS = JwtSettings.defaults();

    @Test
    void givenEs256TokenFromMinter_verify_readsEveryClaim() {
        String token = minter(EC).mint("inst-1", "cust-9", SCOPES, Duration.ofMinutes(5));

        assertThat(verifier(DEFAULTS).verify(token)).isEqualTo(new AccessToken(Optional.of("inst-1"),
                Optional.of("cust-9"), Optional.of(TokenMinter.CLIENT_ID), Optional.of("cust-9"), SCOPES,
                NOW.plus(Duration.ofMinutes(5))));
    }

    @Test
    void givenTokenWithoutCustomer_verify_readsNoCustomerAndTheDevSubject() {
        AccessToken token = verifier(DEFAULTS).verify(minter(EC).mint("inst-1", null, Set.of(), Duration.ofMinutes(5)));

        assertThat(token.customerId()).isEmpty();
        assertThat(token.subject()).contains("dev-user");
        assertThat(token.scopes()).isEmpty();
    }

    @Test
    void givenRs256Token_verify_accepts() {
        String token = minter(RSA).mint("inst-1", "cust-9", SCOPES, Duration.ofMinutes(5));

        assertThat(verifier(DEFAULTS).verify(token).institutionId()).contains("inst-1");
    }

    @Test
    void givenPs256Token_verify_accepts() {
        String token = TestKeys.sign(RSA, JWSAlgorithm.PS256, JOSEObjectType.JWT, claims().build());

        assertThat(verifier(DEFAULTS).verify(token).institutionId()).contains("inst-1");
    }

    @Test
    void givenScpArray_verify_readsTheScopes() {
        String token = signed(claims().claim("scp", List.of("institution-users:read", "institution-users:write")));

        assertThat(verifier(DEFAULTS).verify(token).scopes()).isEqualTo(SCOPES);
    }

    @Test
    void givenAtJwtOrNoType_verify_accepts() {
        for (JOSEObjectType type : new JOSEObjectType[] {new JOSEObjectType("at+jwt"), null}) {
            String token = TestKeys.sign(EC, JWSAlgorithm.ES256, type, claims().build());

            assertThat(verifier(DEFAULTS).verify(token).institutionId()).contains("inst-1");
        }
    }

    @Test
    void givenAnotherType_verify_isRejectedAsUntrusted() {
        String token = TestKeys.sign(EC, JWSAlgorithm.ES256, new JOSEObjectType("id_token+jwt"), claims().build());

        assertRejected(verifier(DEFAULTS), token, Reason.UNTRUSTED);
    }

    @Test
    void givenExpiryWithinSkew_verify_accepts() {
        String token = signed(claims().expirationTime(Date.from(NOW.minusSeconds(60))));

        assertThat(verifier(DEFAULTS).verify(token).expiresAt()).isEqualTo(NOW.minusSeconds(60));
    }

    @Test
    void givenExpiryBeyondSkew_verify_isRejectedAsExpired() {
        assertRejected(verifier(DEFAULTS), signed(claims().expirationTime(Date.from(NOW.minusSeconds(61)))),
                Reason.EXPIRED);
    }

    @Test
    void givenNotBeforeWithinSkew_verify_accepts() {
        String token = signed(claims().notBeforeTime(Date.from(NOW.plusSeconds(60))));

        assertThat(verifier(DEFAULTS).verify(token).institutionId()).contains("inst-1");
    }

    @Test
    void givenNotBeforeBeyondSkew_verify_isRejectedAsNotYetValid() {
        assertRejected(verifier(DEFAULTS), signed(claims().notBeforeTime(Date.from(NOW.plusSeconds(61)))),
                Reason.NOT_YET_VALID);
    }

    @Test
    void givenNoExpiry_verify_isRejectedAsNoExpiry() {
        assertRejected(verifier(DEFAULTS), signed(claims().expirationTime(null)), Reason.NO_EXPIRY);
    }

    @Test
    void givenConfiguredIssuer_verify_acceptsItAndRejectsAnotherOrNone() {
        AccessTokenVerifier verifier = verifier(new JwtSettings(Optional.of("https://idp.example"), Optional.empty(),
                JwtSettings.ClaimNames.defaults(), DEFAULTS.allowedAlgorithms(), DEFAULTS.maxClockSkew()));

        assertThat(verifier.verify(signed(claims().issuer("https://idp.example"))).institutionId()).contains("inst-1");
        assertRejected(verifier, signed(claims().issuer("https://evil.example")), Reason.WRONG_ISSUER);
        assertRejected(verifier, signed(claims()), Reason.WRONG_ISSUER);
    }

    @Test
    void givenConfiguredAudience_verify_acceptsAnAudienceListContainingItAndRejectsOthers() {
        AccessTokenVerifier verifier = verifier(new JwtSettings(Optional.empty(), Optional.of("contact-info"),
                JwtSettings.ClaimNames.defaults(), DEFAULTS.allowedAlgorithms(), DEFAULTS.maxClockSkew()));

        assertThat(verifier.verify(signed(claims().audience(List.of("other", "contact-info")))).institutionId())
                .contains("inst-1");
        assertRejected(verifier, signed(claims().audience("other")), Reason.WRONG_AUDIENCE);
        assertRejected(verifier, signed(claims()), Reason.WRONG_AUDIENCE);
    }

    @Test
    void givenNoIssuerOrAudienceConfigured_verify_acceptsAny() {
        String token = signed(claims().issuer("https://anyone.example").audience("anything"));

        assertThat(verifier(DEFAULTS).verify(token).institutionId()).contains("inst-1");
    }

    @Test
    void givenKeyOutsideTheSet_verify_isRejectedAsUntrusted() {
        // Same kid as a trusted key, so only the signature gives it away.
        String token = TestKeys.sign(TestKeys.ec(EC.getKeyID()), JWSAlgorithm.ES256, JOSEObjectType.JWT,
                claims().build());

        assertRejected(verifier(DEFAULTS), token, Reason.UNTRUSTED);
    }

    @Test
    void givenAlgorithmOutsideTheAllowList_verify_isRejectedAsUntrusted() {
        AccessTokenVerifier verifier = verifier(new JwtSettings(Optional.empty(), Optional.empty(),
                JwtSettings.ClaimNames.defaults(), Set.of(JWSAlgorithm.ES256), DEFAULTS.maxClockSkew()));

        assertRejected(verifier, minter(RSA).mint("inst-1", null, SCOPES, Duration.ofMinutes(5)), Reason.UNTRUSTED);
    }

    @Test
    void givenUnsecuredToken_verify_isRejectedAsUntrusted() {
        assertRejected(verifier(DEFAULTS), new PlainJWT(claims().build()).serialize(), Reason.UNTRUSTED);
    }

    @Test
    void givenHs256KeyedWithTheTrustedPublicKey_verify_isRejectedAsUntrusted() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(RSA.getKeyID()).build(),
                claims().build());
        jwt.sign(new MACSigner(RSA.toPublicKey().getEncoded()));

        assertRejected(verifier(DEFAULTS), jwt.serialize(), Reason.UNTRUSTED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "", "a.b.c", "eyJhbGciOiJFUzI1NiJ9.bm90IGpzb24.c2ln"})
    void givenSomethingThatIsNotAJws_verify_isRejectedAsMalformed(String token) {
        assertRejected(verifier(DEFAULTS), token, Reason.MALFORMED);
    }

    @Test
    void givenClaimOfTheWrongType_verify_isRejectedAsMalformed() {
        assertRejected(verifier(DEFAULTS), signed(claims().claim("institution_id", 42)), Reason.MALFORMED);
    }

    @Test
    void givenRejection_message_carriesNoClaimValue() {
        String token = signed(claims().issuer("https://secret-issuer.example"));
        AccessTokenVerifier verifier = verifier(new JwtSettings(Optional.of("https://idp.example"), Optional.empty(),
                JwtSettings.ClaimNames.defaults(), DEFAULTS.allowedAlgorithms(), DEFAULTS.maxClockSkew()));

        assertThatThrownBy(() -> verifier.verify(token))
                .hasMessageNotContaining("secret-issuer")
                .hasMessageNotContaining(token);
    }

    private static AccessTokenVerifier verifier(JwtSettings settings) {
        return new JwtAccessTokenVerifier(new ImmutableJWKSet<>(TrustedKeys.load(Optional.empty(), List.of(EC, RSA))),
                settings, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static TokenMinter minter(JWK key) {
        return new TokenMinter(key, JwtSettings.ClaimNames.defaults(), Optional.empty(), Optional.empty(),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** Valid claims for {@link #NOW}, to be spoiled one at a time. */
    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder()
                .claim("institution_id", "inst-1")
                .expirationTime(Date.from(NOW.plus(Duration.ofMinutes(5))));
    }

    private static String signed(JWTClaimsSet.Builder claims) {
        return TestKeys.sign(EC, JWSAlgorithm.ES256, JOSEObjectType.JWT, claims.build());
    }

    private static void assertRejected(AccessTokenVerifier verifier, String token, Reason reason) {
        assertThatThrownBy(() -> verifier.verify(token))
                .isInstanceOfSatisfying(AccessTokenRejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
