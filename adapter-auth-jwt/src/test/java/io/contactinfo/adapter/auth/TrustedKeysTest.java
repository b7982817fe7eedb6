package io.contactinfo.adapter.auth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static io.contactinfo.adapter.auth.TestKeys.EC;
import static io.contactinfo.adapter.auth.TestKeys.RSA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrustedKeysTest {

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

    private static JWKSelector byKid(String kid) {
        return new JWKSelector(new JWKMatcher.Builder().keyID(kid).build());
    }
}
