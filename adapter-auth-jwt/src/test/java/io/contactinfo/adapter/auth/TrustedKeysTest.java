package io.contactinfo.adapter.auth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import io.contactinfo.application.port.out.AccessTokenRejectedException;
import io.contactinfo.application.port.out.AccessTokenVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import static io.contactinfo.adapter.auth.TestKeys.EC;
import static io.contactinfo.adapter.auth.TestKeys.RSA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrustedKeysTest {

    private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
    private static final JWKSelector ALL = new JWKSelector(new JWKMatcher.Builder().build());

    @Test
    void givenJwksFileUri_load_keepsThePublicHalvesOfItsKeysAndTheExtraKeys(@TempDir Path directory) throws IOException {
        Path file = Files.writeString(directory.resolve("jwks.json"), new JWKSet(RSA).toString(false));
        JWK extra = TestKeys.ec("extra");

        JWKSet trusted = TrustedKeys.load(Optional.of(file.toUri()), List.of(extra));

        assertThat(trusted.getKeys()).extracting(JWK::getKeyID).containsExactly(RSA.getKeyID(), "extra");
        assertThat(trusted.getKeys()).noneMatch(JWK::isPrivate);
    }

    @Test
    void givenHttpsUri_load_isRefusedNamingTheSetting() {
        assertThatThrownBy(() -> TrustedKeys.load(Optional.of(URI.create("https://idp.example/jwks")), List.of(EC)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CONTACTINFO_JWKS_URI")
                .hasMessageContaining("file:");
    }

    @Test
    void givenFileThatIsNotAJwks_load_isRefusedNamingTheSetting(@TempDir Path directory) throws IOException {
        Path file = Files.writeString(directory.resolve("jwks.json"), "{\"not\":\"a jwks\"}");

        assertThatThrownBy(() -> TrustedKeys.load(Optional.of(file.toUri()), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CONTACTINFO_JWKS_URI");
    }

    @Test
    void givenJwksFileUri_source_servesItsKeysAndTheExtraKeys(@TempDir Path directory) throws Exception {
        Path file = Files.writeString(directory.resolve("jwks.json"), new JWKSet(RSA).toString(false));

        JWKSource<SecurityContext> source = TrustedKeys.source(Optional.of(file.toUri()), List.of(EC),
                JwksSettings.defaults());

        assertThat(source.get(ALL, null)).extracting(JWK::getKeyID).containsExactly(RSA.getKeyID(), EC.getKeyID());
        assertThat(source.get(ALL, null)).noneMatch(JWK::isPrivate);
    }

    @Test
    void givenJwksUrl_source_usesAMatchingExtraKeyWithoutFetchingAndFetchesForAnyOther() throws Exception {
        try (JwksServer issuer = new JwksServer(RSA)) {
            JWKSource<SecurityContext> source = TrustedKeys.source(Optional.of(issuer.uri()), List.of(EC),
                    JwksSettings.defaults());

            assertThat(source.get(byKid(EC.getKeyID()), null)).containsExactly(EC.toPublicJWK());
            assertThat(issuer.fetches()).isZero();
            assertThat(source.get(byKid(RSA.getKeyID()), null)).containsExactly(RSA.toPublicJWK());
            assertThat(issuer.fetches()).isEqualTo(1);
        }
    }

    @Test
    void givenPlainHttpUrlOfAnotherHost_source_isRefusedNamingTheSetting() {
        assertThatThrownBy(() -> TrustedKeys.source(Optional.of(URI.create("http://idp.example/jwks")), List.of(EC),
                JwksSettings.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CONTACTINFO_JWKS_URI")
                .hasMessageContaining("https:");
    }

    @Test
    void givenNoKeyAtAll_load_isRefused() {
        assertThatThrownBy(() -> TrustedKeys.load(Optional.empty(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CONTACTINFO_JWKS_URI");
    }

    @Test
    void givenPemKeys_aTokenTheyCanVerifyIsAcceptedWhateverKidItNames() throws Exception {
        RSAKey issuer = TestKeys.rsa("issuer-key-7");
        JWKSource<SecurityContext> source = TrustedKeys.source(Optional.empty(),
                PemPublicKeys.read(PemPublicKeysTest.pem(issuer.toRSAPublicKey())), JwksSettings.defaults());

        assertThat(verifier(source).verify(token(issuer, JWSAlgorithm.RS256)).institutionId()).contains("inst-1");
        assertThat(verifier(source).verify(token(issuer, JWSAlgorithm.PS256)).institutionId()).contains("inst-1");
        assertThatThrownBy(() -> verifier(source).verify(token(TestKeys.rsa("issuer-key-7"), JWSAlgorithm.RS256)))
                .isInstanceOf(AccessTokenRejectedException.class);
        assertThatThrownBy(() -> verifier(source).verify(token(TestKeys.ec("issuer-key-7"), JWSAlgorithm.ES256)))
                .isInstanceOf(AccessTokenRejectedException.class);
    }

    @Test
    void givenAJwksUrlAndPemKeys_tokensOfEitherAreAccepted() throws Exception {
        ECKey pemKey = TestKeys.ec("not-in-the-jwks");
        // An RSA key in the PEM file too: a token of the URL's RSA key is still checked against the URL's keys.
        String pem = PemPublicKeysTest.pem(pemKey.toECPublicKey())
                + PemPublicKeysTest.pem(TestKeys.rsa("another").toRSAPublicKey());
        try (JwksServer issuer = new JwksServer(RSA)) {
            JWKSource<SecurityContext> source = TrustedKeys.source(Optional.of(issuer.uri()), PemPublicKeys.read(pem),
                    JwksSettings.defaults());

            assertThat(verifier(source).verify(token(RSA, JWSAlgorithm.RS256)).institutionId()).contains("inst-1");
            assertThat(verifier(source).verify(token(new RSAKey.Builder(RSA).keyID(null).build(), JWSAlgorithm.RS256))
                    .institutionId()).as("a token naming no kid, signed by a key of the URL's").contains("inst-1");
            assertThat(verifier(source).verify(token(pemKey, JWSAlgorithm.ES256)).institutionId()).contains("inst-1");
            assertThatThrownBy(() -> verifier(source).verify(token(TestKeys.ec("not-in-the-jwks"),
                    JWSAlgorithm.ES256))).isInstanceOf(AccessTokenRejectedException.class);
        }
    }

    @Test
    void givenAJwksUrlAndANamedExtraKeyOfTheSameKind_aTokenNamingNoKidIsStillCheckedAgainstTheUrlsKeys()
            throws Exception {
        ECKey issuerKey = TestKeys.ec("issuer-ec");
        try (JwksServer issuer = new JwksServer(issuerKey)) {
            JWKSource<SecurityContext> source = TrustedKeys.source(Optional.of(issuer.uri()),
                    List.of(TestKeys.ec("dev-key").toPublicJWK()), JwksSettings.defaults());

            assertThat(verifier(source).verify(token(new ECKey.Builder(issuerKey).keyID(null).build(),
                    JWSAlgorithm.ES256)).institutionId()).contains("inst-1");
        }
    }

    private static AccessTokenVerifier verifier(JWKSource<SecurityContext> source) {
        return new JwtAccessTokenVerifier(source, JwtSettings.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static String token(JWK key, JWSAlgorithm algorithm) {
        return TestKeys.sign(key, algorithm, JOSEObjectType.JWT, new JWTClaimsSet.Builder()
                .claim("institution_id", "inst-1").expirationTime(Date.from(NOW.plusSeconds(300))).build());
    }

    private static JWKSelector byKid(String kid) {
        return new JWKSelector(new JWKMatcher.Builder().keyID(kid).build());
    }
}
