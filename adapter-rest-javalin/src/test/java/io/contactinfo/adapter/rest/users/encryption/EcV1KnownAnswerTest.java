package io.contactinfo.adapter.rest.users.encryption;

import static io.contactinfo.adapter.rest.users.encryption.TestKeys.HEX;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.crypto.agreement.ECDHBasicAgreement;
import org.bouncycastle.crypto.agreement.kdf.ConcatenationKDFGenerator;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.KDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;

/**
 * EC_v1 (SPEC §5.2) from fixed keys, each intermediate value recomputed here with another implementation:
 * BouncyCastle's ECDH, SP 800-56A Concat KDF and GCM, and OtherInfo written out byte by byte. The production code
 * uses the JDK's. The hex values are pinned too, so that neither side can drift.
 */
class EcV1KnownAnswerTest {

    /** NIST CAVS "ECC CDH Primitive" P-256, COUNT = 0: the server's key is dIUT, the sender's point QCAVS. */
    private static final String D_IUT = "7d7dc5f71eb29ddaf80d6214632eeae03d9058af1fb6d22ed80badb62bc1a534";
    private static final String Q_CAVS = "04700c48f77f56584c5cc632ca65640db91b6bacce3a4df6b42ce7cc838833d287"
            + "db71e509e3fd9b060ddb20ba5c51dcc5948d46fbf640dfe0441782cab85fa4ac";
    private static final String Z_IUT = "46fc62106420ff012e54a434fbdd2d25ccc5852060561e68040dd7778997bd7b";

    /** A sender's ephemeral scalar of this test's own. */
    private static final String D_EPHEMERAL = "2f1dca6d1b7e0a5c0f6c4e1d9a3b8e7f60a5d4c3b2a1908f7e6d5c4b3a291807";

    private static final String PROGRAM = "demo-bank";
    private static final String REQUEST_ID = "8a4b0f6e-4f1c-4d0e-9c1a-2b7e5d3c9f10";
    private static final byte[] PLAINTEXT = """
            {"profileData":{"firstName":"Ana","lastName":"Ortiz"},"email":{"emailAddress":"ana.ortiz@example.com"}}"""
            .getBytes(StandardCharsets.UTF_8);

    /** Pinned: the key, and the data (ciphertext ‖ tag) for Q_CAVS and for D_EPHEMERAL's point. */
    private static final String KEY = "af8998ed38cec731a5eb188adc96fd2f92d8adc8ccaaf625d148a0d44081c71a";
    private static final String DATA_FOR_Q_CAVS = "5292bc3735125689a41e2bc94bb122695a480afcd0adb156ec44f5ffe32f9e70"
            + "51b521e7317bb230c70aea84a43fb18019713b37cb3ee1bf342bf8e81f17bcf78d45c05272c32b197e8da302f35e2ba166a6c1"
            + "745c08b1d8bff32ef6dea7ae42cdb759461cfa7c6ece1f7bc9e364db776415304f997eda";
    private static final String DATA_FOR_EPHEMERAL = "d5defaa694ae3faf2b620e832acb6e3900103ccea273b480d1b04ca3753e3e1"
            + "50545a7071479925c3571c0e7726b3c39c04d8efe6783c75ec4d712ccd7d70bc69ad067e38bc21e4f6efe96df7ecb022f1a74e2"
            + "e72a54cc36e89835320ce12b2de0fa33b4b311a9e54ca8854588b4531ef5932643bd1bc1";

    private static final ECDomainParameters BC_P256 = new ECDomainParameters(ECNamedCurveTable.getByName("P-256"));

    @Test
    void theSharedSecret_isNistsZ_andBouncyCastles() throws Exception {
        KeyPair server = TestKeys.pair(D_IUT);
        ECPublicKey sender = TestKeys.publicKey(Q_CAVS);

        byte[] z = EcV1.sharedSecret(server.getPrivate(), sender);

        assertThat(HEX.formatHex(z)).isEqualTo(Z_IUT).isEqualTo(HEX.formatHex(bcAgreement(D_IUT, Q_CAVS)));
    }

    @Test
    void theKey_isTheConcatKdfOfZWithTheSpecsOtherInfo() throws Exception {
        byte[] z = HEX.parseHex(Z_IUT);

        byte[] key = EcV1.key(z, PROGRAM, REQUEST_ID);

        assertThat(HEX.formatHex(EcV1.otherInfo(PROGRAM, REQUEST_ID))).isEqualTo(HEX.formatHex(otherInfo()));
        assertThat(key).isEqualTo(bcConcatKdf(z, otherInfo()));
        assertThat(HEX.formatHex(key)).isEqualTo(KEY);
    }

    @Test
    void dataBouncyCastleEncryptsForTheServer_isDecryptedToThePlaintext() throws Exception {
        byte[] key = bcConcatKdf(bcAgreement(D_IUT, Q_CAVS), otherInfo());
        byte[] data = bcGcm(key, PLAINTEXT);
        var payload = new EncryptedPayload(EncryptedPayload.EC_V1, base64(TestKeys.spki(Q_CAVS)),
                hashOf(TestKeys.pair(D_IUT).getPublic()), base64(data));

        byte[] plaintext = new UserDataDecryptor(ServerKeys.of(List.of(TestKeys.pair(D_IUT))))
                .decrypt(payload, PROGRAM, REQUEST_ID);

        assertThat(plaintext).isEqualTo(PLAINTEXT);
        assertThat(HEX.formatHex(data)).isEqualTo(DATA_FOR_Q_CAVS);
    }

    @Test
    void theEncryptorsPayload_isWhatBouncyCastleComputesFromTheSameEphemeralKey() throws Exception {
        KeyPair server = TestKeys.pair(D_IUT);
        KeyPair ephemeral = TestKeys.pair(D_EPHEMERAL);
        String ephemeralPoint = TestKeys.uncompressedHex((ECPublicKey) ephemeral.getPublic());

        EncryptedPayload payload = UserDataEncryptor.ecV1(server.getPublic(), PROGRAM, REQUEST_ID, PLAINTEXT,
                ephemeral);

        byte[] z = bcAgreement(D_IUT, ephemeralPoint);
        byte[] expected = bcGcm(bcConcatKdf(z, otherInfo()), PLAINTEXT);
        assertThat(payload.version()).isEqualTo("EC_v1");
        assertThat(payload.ephemeralPublicKey()).isEqualTo(base64(TestKeys.spki(ephemeralPoint)));
        assertThat(payload.publicKeyHash()).isEqualTo(hashOf(server.getPublic()));
        assertThat(HEX.formatHex(Base64.getDecoder().decode(payload.data()))).isEqualTo(HEX.formatHex(expected))
                .isEqualTo(DATA_FOR_EPHEMERAL);
    }

    /** 0x0D ‖ "id-aes256-GCM" ‖ "demo-bank" ‖ SHA-256("8a4b0f6e-…"), spelled out. */
    private static byte[] otherInfo() throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(REQUEST_ID.getBytes(StandardCharsets.UTF_8));
        return HEX.parseHex("0d" + HEX.formatHex("id-aes256-GCM".getBytes(StandardCharsets.US_ASCII))
                + HEX.formatHex(PROGRAM.getBytes(StandardCharsets.US_ASCII)) + HEX.formatHex(hash));
    }

    private static byte[] bcAgreement(String privateHex, String publicUncompressedHex) {
        ECDHBasicAgreement agreement = new ECDHBasicAgreement();
        agreement.init(new ECPrivateKeyParameters(new BigInteger(1, HEX.parseHex(privateHex)), BC_P256));
        BigInteger z = agreement.calculateAgreement(new ECPublicKeyParameters(
                BC_P256.getCurve().decodePoint(HEX.parseHex(publicUncompressedHex)), BC_P256));
        return BigIntegers.asUnsignedByteArray(32, z);
    }

    private static byte[] bcConcatKdf(byte[] z, byte[] otherInfo) {
        ConcatenationKDFGenerator kdf = new ConcatenationKDFGenerator(new SHA256Digest());
        kdf.init(new KDFParameters(z, otherInfo));
        byte[] key = new byte[32];
        kdf.generateBytes(key, 0, key.length);
        return key;
    }

    private static byte[] bcGcm(byte[] key, byte[] plaintext) throws Exception {
        GCMModeCipher gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
        gcm.init(true, new AEADParameters(new KeyParameter(key), 128, new byte[16]));
        byte[] out = new byte[gcm.getOutputSize(plaintext.length)];
        int length = gcm.processBytes(plaintext, 0, plaintext.length, out, 0);
        gcm.doFinal(out, length);
        return out;
    }

    private static String hashOf(PublicKey key) throws Exception {
        byte[] spki = TestKeys.spki(TestKeys.uncompressedHex((ECPublicKey) key));
        return base64(MessageDigest.getInstance("SHA-256").digest(spki));
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
