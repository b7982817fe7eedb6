package io.contactinfo.adapter.rest.users.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactinfo.adapter.rest.users.encryption.UserDataDecryptionException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Both versions round trip, under key rotation; every refusal has its reason and shows nothing secret. */
class UserDataDecryptorTest {

    private static final KeyPair OLD_KEY = ServerKeys.generate();
    private static final KeyPair NEW_KEY = ServerKeys.generate();
    private static final UserDataDecryptor DECRYPTOR = new UserDataDecryptor(ServerKeys.of(List.of(OLD_KEY, NEW_KEY)));
    private static final String PROGRAM = "demo-bank";
    private static final UUID REQUEST_ID = UUID.fromString("5c0f7e1a-9d2b-4f3e-8a6c-1b2d3e4f5a6b");
    private static final String SECRET = "123456789";
    private static final byte[] PLAINTEXT = ("{\"identifyingData\":{\"dateOfBirth\":\"1985-02-03\",\"ssn\":\"" + SECRET
            + "\"}}").getBytes(StandardCharsets.UTF_8);

    enum Version {
        EC_V1, EC_V2;

        EncryptedPayload encrypt(KeyPair server) {
            return this == EC_V1 ? UserDataEncryptor.ecV1(server.getPublic(), PROGRAM, REQUEST_ID, PLAINTEXT)
                    : UserDataEncryptor.ecV2(server.getPublic(), PLAINTEXT);
        }
    }

    private static byte[] decrypt(EncryptedPayload payload) {
        return DECRYPTOR.decrypt(payload, PROGRAM, REQUEST_ID.toString());
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void dataForEitherActiveKey_decrypts(Version version) {
        assertThat(decrypt(version.encrypt(OLD_KEY))).isEqualTo(PLAINTEXT);
        assertThat(decrypt(version.encrypt(NEW_KEY))).isEqualTo(PLAINTEXT);
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void eachEncryption_hasAFreshEphemeralKey(Version version) {
        EncryptedPayload first = version.encrypt(NEW_KEY);
        EncryptedPayload second = version.encrypt(NEW_KEY);

        assertThat(first.ephemeralPublicKey()).isNotEqualTo(second.ephemeralPublicKey());
        assertThat(first.data()).isNotEqualTo(second.data());
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void aKeyThatIsNoLongerActive_isAnUnknownPublicKeyHash(Version version) {
        EncryptedPayload forRetiredKey = version.encrypt(ServerKeys.generate());

        assertRefused(forRetiredKey, Reason.UNKNOWN_PUBLIC_KEY_HASH, "publicKeyHash");
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void aServerWithoutKeys_refusesEveryPayloadAsAnUnknownPublicKeyHash(Version version) {
        assertThatThrownBy(() -> new UserDataDecryptor(ServerKeys.none()).decrypt(version.encrypt(NEW_KEY), PROGRAM,
                REQUEST_ID.toString()))
                .isInstanceOfSatisfying(UserDataDecryptionException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_PUBLIC_KEY_HASH));
    }

    static Stream<Arguments> tamperings() {
        UnaryOperator<EncryptedPayload> flipFirstByte = p -> withData(p, 0);
        UnaryOperator<EncryptedPayload> flipLastByte = p -> withData(p, -1);
        UnaryOperator<EncryptedPayload> otherActiveKeysHash = p -> new EncryptedPayload(p.version(),
                p.ephemeralPublicKey(), ServerKeys.publicKeyHash(OLD_KEY.getPublic()), p.data());
        UnaryOperator<EncryptedPayload> anotherValidEphemeralKey = p -> new EncryptedPayload(p.version(),
                Base64.getEncoder().encodeToString(ServerKeys.generate().getPublic().getEncoded()),
                p.publicKeyHash(), p.data());
        return Stream.of(Version.values()).flatMap(v -> Stream.of(
                Arguments.of(v, "a ciphertext byte changed", flipFirstByte),
                Arguments.of(v, "a tag byte changed", flipLastByte),
                Arguments.of(v, "the hash of the other active key", otherActiveKeysHash),
                Arguments.of(v, "another valid ephemeral key", anotherValidEphemeralKey)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("tamperings")
    void tamperedData_cannotBeDecrypted(Version version, String tampering, UnaryOperator<EncryptedPayload> tamper) {
        assertRefused(tamper.apply(version.encrypt(NEW_KEY)), Reason.DECRYPTION_FAILED, "data");
    }

    @ParameterizedTest
    @MethodSource("ecV1Bindings")
    void ecV1_isBoundToTheProgramAndTheRequestId(String program, String requestId) {
        EncryptedPayload payload = Version.EC_V1.encrypt(NEW_KEY);

        assertThatThrownBy(() -> DECRYPTOR.decrypt(payload, program, requestId))
                .isInstanceOfSatisfying(UserDataDecryptionException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.DECRYPTION_FAILED));
    }

    static Stream<Arguments> ecV1Bindings() {
        return Stream.of(Arguments.of("other-bank", REQUEST_ID.toString()),
                Arguments.of(PROGRAM, UUID.randomUUID().toString()),
                // The header is hashed as sent: the same UUID in capitals is another request id.
                Arguments.of(PROGRAM, REQUEST_ID.toString().toUpperCase()));
    }

    @ParameterizedTest
    @MethodSource("invalidPoints")
    void anEphemeralKeyThatIsNotAP256PointOnTheCurve_isRefused(String name, byte[] ephemeralPublicKey) {
        for (Version version : Version.values()) {
            EncryptedPayload valid = version.encrypt(NEW_KEY);
            var payload = new EncryptedPayload(valid.version(),
                    Base64.getEncoder().encodeToString(ephemeralPublicKey), valid.publicKeyHash(), valid.data());

            assertRefused(payload, Reason.INVALID_EPHEMERAL_KEY, "ephemeralPublicKey");
        }
    }

    static Stream<Arguments> invalidPoints() {
        String valid = TestKeys.uncompressedHex((ECPublicKey) ServerKeys.generate().getPublic());
        // y + 1: the SubjectPublicKeyInfo is well-formed, the point is not on P-256.
        String offCurve = valid.substring(0, 128) + String.format("%02x", (Integer.parseInt(valid.substring(128), 16)
                + 1) & 0xff);
        String p = "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff";
        return Stream.of(
                Arguments.of("a point off the curve", TestKeys.spki(offCurve)),
                Arguments.of("x = p (not reduced)", TestKeys.spki("04" + p + valid.substring(66))),
                Arguments.of("the point (0, 0)", TestKeys.spki("04" + "0".repeat(128))),
                Arguments.of("a P-384 key", p384()),
                Arguments.of("not DER at all", "not a key".getBytes(StandardCharsets.US_ASCII)),
                Arguments.of("the point alone, not wrapped", TestKeys.HEX.parseHex(valid)));
    }

    private static byte[] p384() {
        try {
            var generator = java.security.KeyPairGenerator.getInstance("EC");
            generator.initialize(new java.security.spec.ECGenParameterSpec("secp384r1"));
            return generator.generateKeyPair().getPublic().getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void aPayloadThatCannotBeRead_saysWhichField(EncryptedPayload payload, Reason reason, String field) {
        assertRefused(payload, reason, field);
    }

    static Stream<Arguments> malformed() {
        EncryptedPayload v = Version.EC_V1.encrypt(NEW_KEY);
        return Stream.of(
                Arguments.of(new EncryptedPayload("EC_v3", v.ephemeralPublicKey(), v.publicKeyHash(), v.data()),
                        Reason.UNSUPPORTED_VERSION, "version"),
                Arguments.of(new EncryptedPayload("ec_v1", v.ephemeralPublicKey(), v.publicKeyHash(), v.data()),
                        Reason.UNSUPPORTED_VERSION, "version"),
                Arguments.of(new EncryptedPayload(null, v.ephemeralPublicKey(), v.publicKeyHash(), v.data()),
                        Reason.UNSUPPORTED_VERSION, "version"),
                Arguments.of(new EncryptedPayload("EC_v1", null, v.publicKeyHash(), v.data()),
                        Reason.MALFORMED, "ephemeralPublicKey"),
                Arguments.of(new EncryptedPayload("EC_v1", v.ephemeralPublicKey(), "not base64!", v.data()),
                        Reason.MALFORMED, "publicKeyHash"),
                Arguments.of(new EncryptedPayload("EC_v2", v.ephemeralPublicKey(), v.publicKeyHash(), "%%%"),
                        Reason.MALFORMED, "data"),
                Arguments.of(new EncryptedPayload("EC_v1", v.ephemeralPublicKey(), v.publicKeyHash(), "AAAA"),
                        Reason.MALFORMED, "data"));
    }

    private static void assertRefused(EncryptedPayload payload, Reason reason, String field) {
        assertThatThrownBy(() -> decrypt(payload))
                .isInstanceOfSatisfying(UserDataDecryptionException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).isEqualTo(reason + " " + field).doesNotContain(SECRET);
                    assertThat(e.getCause()).isNull();
                });
    }

    private static EncryptedPayload withData(EncryptedPayload payload, int index) {
        byte[] data = Base64.getDecoder().decode(payload.data());
        int i = index < 0 ? data.length + index : index;
        data[i] ^= 0x01;
        return new EncryptedPayload(payload.version(), payload.ephemeralPublicKey(), payload.publicKeyHash(),
                Base64.getEncoder().encodeToString(data));
    }
}
