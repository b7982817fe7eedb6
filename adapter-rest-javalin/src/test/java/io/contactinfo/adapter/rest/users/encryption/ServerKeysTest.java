package io.contactinfo.adapter.rest.users.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The server's keys: PEM in and out, the hash clients name a key by, and what is not a usable key. */
class ServerKeysTest {

    private static final String OPENSSL_HASH = "c8kSXmvLn6LXSrNZfkJ8HFuX1iWoIT8jEaF86V6hALk=";

    private static String resource(String name) throws Exception {
        try (InputStream in = ServerKeysTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    @Test
    void aPrivateKeyWrittenAsPem_readsBackWithItsPublicKey() {
        KeyPair pair = ServerKeys.generate();

        KeyPair read = PemKeys.readPrivateKey(PemKeys.write(pair.getPrivate()));

        assertThat(read.getPrivate()).isEqualTo(pair.getPrivate());
        assertThat(read.getPublic().getEncoded()).isEqualTo(pair.getPublic().getEncoded());
        assertThat(PemKeys.write(pair.getPrivate())).startsWith("-----BEGIN PRIVATE KEY-----\n")
                .endsWith("-----END PRIVATE KEY-----\n");
    }

    @Test
    void aPublicKeyWrittenAsPem_readsBack() {
        KeyPair pair = ServerKeys.generate();

        assertThat(PemKeys.readPublicKey(PemKeys.write(pair.getPublic())).getEncoded())
                .isEqualTo(pair.getPublic().getEncoded());
    }

    /**
     * Keys made by OpenSSL 3 ({@code openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256}, then
     * {@code openssl pkey -pubout}); the expected hash is
     * {@code openssl pkey -pubin -outform DER | openssl dgst -sha256 -binary | base64}.
     */
    @Test
    void keysAsOpenSslWritesThem_areRead_andHashedAsOpenSslHashesThem() throws Exception {
        KeyPair pair = PemKeys.readPrivateKey(resource("openssl-p256-private.pem"));
        PublicKey published = PemKeys.readPublicKey(resource("openssl-p256-public.pem"));

        assertThat(pair.getPublic().getEncoded()).isEqualTo(published.getEncoded());
        assertThat(ServerKeys.publicKeyHash(published)).isEqualTo(OPENSSL_HASH);
    }

    @Test
    void thePublicKeyHash_isTheBase64Sha256OfTheSubjectPublicKeyInfo() throws Exception {
        KeyPair pair = ServerKeys.generate();
        byte[] spki = TestKeys.spki(TestKeys.uncompressedHex((ECPublicKey) pair.getPublic()));

        assertThat(ServerKeys.publicKeyHash(pair.getPublic()))
                .isEqualTo(Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(spki)));
    }

    @Test
    void keysOtherThanP256_areRefusedWithoutShowingThem() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp384r1"));
        KeyPair p384 = generator.generateKeyPair();
        String pem = PemKeys.write(p384.getPrivate());

        assertThatThrownBy(() -> PemKeys.readPrivateKey(pem)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a P-256 private key");
        assertThatThrownBy(() -> ServerKeys.of(List.of(p384))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UserDataEncryptor.ecV2(p384.getPublic(), new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PemKeys.readPrivateKey("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("not a PKCS#8 EC private key");
        assertThatThrownBy(() -> PemKeys.readPrivateKey("nothing")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no -----BEGIN PRIVATE KEY----- block");
    }

    @Test
    void aPairWhoseHalvesDoNotMatch_orAKeyListedTwice_isRefused() {
        KeyPair one = ServerKeys.generate();
        KeyPair other = ServerKeys.generate();

        assertThatThrownBy(() -> ServerKeys.of(List.of(new KeyPair(other.getPublic(), one.getPrivate()))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServerKeys.of(List.of(one, one))).isInstanceOf(IllegalArgumentException.class);
        assertThat(ServerKeys.of(List.of(one, other)).publicKeys()).hasSize(2);
        assertThat(ServerKeys.none().isEmpty()).isTrue();
    }

    @Test
    void theProgramCodeOfEcV1_mustBeAscii() {
        KeyPair server = ServerKeys.generate();

        assertThatThrownBy(() -> UserDataEncryptor.ecV1(server.getPublic(), "bänk", UUID.randomUUID(),
                new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
