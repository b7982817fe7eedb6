package io.contactinfo.adapter.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class DevSigningKeyTest {

    @Test
    void givenNoFile_loadOrCreate_writesAnEs256KeyOnceAndLoadsTheSameKeyNextTime(@TempDir Path directory)
            throws IOException {
        Path file = directory.resolve("not/yet/there/dev-signing-key.json");

        DevSigningKey created = DevSigningKey.loadOrCreate(file);
        String written = Files.readString(file);
        DevSigningKey loaded = DevSigningKey.loadOrCreate(file);

        assertThat(created.signingKey().getCurve()).isEqualTo(Curve.P_256);
        assertThat(created.signingKey().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(created.signingKey().getKeyID()).isNotBlank();
        assertThat(loaded.signingKey()).isEqualTo(created.signingKey());
        assertThat(loaded.publicJwk().getKeyID()).isEqualTo(created.signingKey().getKeyID());
        assertThat(Files.readString(file)).isEqualTo(written);
        assertThat(directory.resolve("not/yet/there")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void givenPosixFileSystem_loadOrCreate_writesTheFileForTheOwnerOnly(@TempDir Path directory) throws IOException {
        assumeTrue(directory.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path file = directory.resolve("dev-signing-key.json");

        DevSigningKey.loadOrCreate(file);

        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void givenDevKey_tokensItSigns_verifyAgainstItsPublicHalf(@TempDir Path directory) {
        DevSigningKey key = DevSigningKey.loadOrCreate(directory.resolve("dev-signing-key.json"));
        Clock clock = Clock.systemUTC();
        String token = new TokenMinter(key.signingKey(), JwtSettings.ClaimNames.defaults(), Optional.empty(),
                Optional.empty(), clock).mint("inst-1", null, Set.of("institution-users:read"), Duration.ofMinutes(5));
        JwtAccessTokenVerifier verifier = new JwtAccessTokenVerifier(
                new ImmutableJWKSet<>(TrustedKeys.load(Optional.empty(), List.of(key.publicJwk()))),
                JwtSettings.defaults(), clock);

        assertThat(key.publicJwk().isPrivate()).isFalse();
        assertThat(verifier.verify(token).scopes()).containsExactly("institution-users:read");
    }

    @Test
    void givenFileWithAPublicKeyOnly_loadOrCreate_isRefused(@TempDir Path directory) throws IOException {
        Path file = Files.writeString(directory.resolve("dev-signing-key.json"),
                TestKeys.EC.toPublicJWK().toJSONString());

        assertThatThrownBy(() -> DevSigningKey.loadOrCreate(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("private EC P-256");
    }
}
