package io.contactinfo.adapter.rest.users.encryption;

import static io.contactinfo.adapter.rest.users.encryption.TestKeys.HEX;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import org.junit.jupiter.api.Test;

/**
 * RFC 9180's published P-256 vector (Appendix A.3.1, base mode, AES-128-GCM; the RFC prints none with AES-256-GCM)
 * against the HPKE EC_v2 runs on, and against this test's own {@link IndependentHpke}: the KEM and key schedule
 * (shared secret, context, secret, key, nonce) are the same for AES-256-GCM but for the key's length, so a match
 * here vouches for the independent implementation {@link EcV2KnownAnswerTest} checks EC_v2 against.
 */
class HpkeRfc9180VectorTest {

    private static final JsonNode VECTOR = read("rfc9180-a.3.1.json");

    private static JsonNode read(String name) {
        try (InputStream in = HpkeRfc9180VectorTest.class.getResourceAsStream(name)) {
            return new ObjectMapper().readTree(in);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hex(String field) {
        return HEX.parseHex(VECTOR.get(field).asText());
    }

    private static byte[] encryption(int sequence, String field) {
        return HEX.parseHex(VECTOR.get("encryptions").get(sequence).get(field).asText());
    }

    @Test
    void thePublicKeysOfTheVectorsPrivateKeys_areItsPublicKeys() {
        assertThat(TestKeys.uncompressedHex((ECPublicKey) TestKeys.pair(VECTOR.get("skRm").asText()).getPublic()))
                .isEqualTo(VECTOR.get("pkRm").asText());
        assertThat(TestKeys.uncompressedHex((ECPublicKey) TestKeys.pair(VECTOR.get("skEm").asText()).getPublic()))
                .isEqualTo(VECTOR.get("pkEm").asText());
    }

    @Test
    void sealingWithTheVectorsEphemeralKey_givesItsEncAndFirstCiphertext() throws Exception {
        KeyPair recipient = TestKeys.pair(VECTOR.get("skRm").asText());

        Hpke.Sealed sealed = Hpke.AES_128_GCM.seal((ECPublicKey) recipient.getPublic(),
                TestKeys.pair(VECTOR.get("skEm").asText()), hex("info"), encryption(0, "aad"),
                encryption(0, "plaintext"));

        assertThat(HEX.formatHex(sealed.enc())).isEqualTo(VECTOR.get("enc").asText());
        assertThat(HEX.formatHex(sealed.ciphertext())).isEqualTo(HEX.formatHex(encryption(0, "ciphertext")));
    }

    @Test
    void openingTheVectorsFirstCiphertext_givesItsPlaintext() throws Exception {
        KeyPair recipient = TestKeys.pair(VECTOR.get("skRm").asText());

        byte[] plaintext = Hpke.AES_128_GCM.open(recipient, hex("enc"), hex("info"), encryption(0, "aad"),
                encryption(0, "ciphertext"));

        assertThat(plaintext).isEqualTo(encryption(0, "plaintext"));
    }

    @Test
    void theIndependentImplementation_reproducesEveryValueOfTheVector() throws Exception {
        KeyPair recipient = TestKeys.pair(VECTOR.get("skRm").asText());

        IndependentHpke.Trace trace = IndependentHpke.seal((ECPublicKey) recipient.getPublic(),
                TestKeys.pair(VECTOR.get("skEm").asText()), hex("info"), encryption(0, "aad"),
                encryption(0, "plaintext"), 0x0001);

        assertThat(HEX.formatHex(trace.enc())).isEqualTo(VECTOR.get("enc").asText());
        assertThat(HEX.formatHex(trace.sharedSecret())).isEqualTo(VECTOR.get("shared_secret").asText());
        assertThat(HEX.formatHex(trace.keyScheduleContext())).isEqualTo(VECTOR.get("key_schedule_context").asText());
        assertThat(HEX.formatHex(trace.secret())).isEqualTo(VECTOR.get("secret").asText());
        assertThat(HEX.formatHex(trace.key())).isEqualTo(VECTOR.get("key").asText());
        assertThat(HEX.formatHex(trace.baseNonce())).isEqualTo(VECTOR.get("base_nonce").asText());
        assertThat(HEX.formatHex(trace.ciphertext())).isEqualTo(HEX.formatHex(encryption(0, "ciphertext")));
    }
}
