package io.contactinfo.adapter.rest.users.encryption;

import static io.contactinfo.adapter.rest.users.encryption.TestKeys.HEX;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * EC_v2 (SPEC §5.2) from fixed keys: the payload the encryptor makes with a fixed ephemeral key is what
 * {@link IndependentHpke} (checked against RFC 9180 in {@link HpkeRfc9180VectorTest}) computes with AES-256-GCM,
 * {@code info = "EC_v2"} and {@code aad = "EC_v2" ‖ publicKeyHash}; pinned in hex, and decrypted back.
 */
class EcV2KnownAnswerTest {

    private static final String D_SERVER = "7d7dc5f71eb29ddaf80d6214632eeae03d9058af1fb6d22ed80badb62bc1a534";
    private static final String D_EPHEMERAL = "2f1dca6d1b7e0a5c0f6c4e1d9a3b8e7f60a5d4c3b2a1908f7e6d5c4b3a291807";
    private static final byte[] PLAINTEXT = """
            {"identifyingData":{"dateOfBirth":"1985-02-03","ssn":"123456789"}}""".getBytes(StandardCharsets.UTF_8);
    /** Pinned ciphertext ‖ tag. */
    private static final String DATA = "f90826671203b73912755c96f1d55a71417f4e27aee30c4a7273a053f6acf88e2893ab56d881a373"
            + "d101e2ab34ee622f34f3904d6cbe90e42b9a925f44216c51ebc7b84fccf8019787faeeb824829dc70ac6";

    @Test
    void theEncryptorsPayload_isTheIndependentHpkeSealWithEcV2sInfoAndAad() throws Exception {
        KeyPair server = TestKeys.pair(D_SERVER);
        KeyPair ephemeral = TestKeys.pair(D_EPHEMERAL);
        String publicKeyHash = ServerKeys.publicKeyHash(server.getPublic());

        EncryptedPayload payload = UserDataEncryptor.ecV2(server.getPublic(), PLAINTEXT, ephemeral);

        IndependentHpke.Trace expected = IndependentHpke.seal((ECPublicKey) server.getPublic(), ephemeral,
                "EC_v2".getBytes(StandardCharsets.US_ASCII),
                ("EC_v2" + publicKeyHash).getBytes(StandardCharsets.US_ASCII), PLAINTEXT, 0x0002);
        assertThat(payload.version()).isEqualTo("EC_v2");
        assertThat(payload.publicKeyHash()).isEqualTo(publicKeyHash);
        assertThat(Base64.getDecoder().decode(payload.ephemeralPublicKey()))
                .isEqualTo(TestKeys.spki(HEX.formatHex(expected.enc())));
        assertThat(HEX.formatHex(Base64.getDecoder().decode(payload.data())))
                .isEqualTo(HEX.formatHex(expected.ciphertext())).isEqualTo(DATA);
    }

    @Test
    void thePinnedPayload_decryptsToThePlaintext() {
        KeyPair server = TestKeys.pair(D_SERVER);
        String enc = TestKeys.uncompressedHex((ECPublicKey) TestKeys.pair(D_EPHEMERAL).getPublic());
        var payload = new EncryptedPayload("EC_v2", Base64.getEncoder().encodeToString(TestKeys.spki(enc)),
                ServerKeys.publicKeyHash(server.getPublic()), Base64.getEncoder().encodeToString(HEX.parseHex(DATA)));

        byte[] plaintext = new UserDataDecryptor(ServerKeys.of(List.of(server))).decrypt(payload, "any-program",
                "any request id");

        assertThat(plaintext).isEqualTo(PLAINTEXT);
    }
}
