package io.contactinfo.adapter.auth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
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
    void givenNoKeyAtAll_load_isRefused() {
        assertThatThrownBy(() -> TrustedKeys.load(Optional.empty(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CONTACTINFO_JWKS_URI");
    }
}
