package io.contactinfo.adapter.rest.users;

import static io.contactinfo.adapter.rest.users.UsersServer.person;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contactinfo.adapter.rest.users.encryption.EncryptedPayload;
import io.contactinfo.adapter.rest.users.encryption.ServerKeys;
import io.contactinfo.adapter.rest.users.encryption.UserDataEncryptor;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code encryptedUserData} over real HTTP (SPEC §5.2), on a server that takes nothing else
 * ({@link UserDataPolicy#ENCRYPTED_ONLY}) and holds two keys: enrollments, updates and name changes with EC_v1 and
 * EC_v2, for either key; and each refusal with its documented code, on an enrollment and on an update, changing
 * nothing.
 */
class EncryptedUserDataApiTest {

    private static final KeyPair OLD_KEY = ServerKeys.generate();
    private static final String PROGRAM = "bank-a";
    private static final String SSN = "123456789";
    private static final String MOBILE = "2125550147";

    private UsersServer server;

    @BeforeEach
    void start() {
        server = new UsersServer(UserDataPolicy.ENCRYPTED_ONLY, ServerKeys.of(List.of(OLD_KEY, UsersServer.SERVER_KEY)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    enum Version {
        EC_V1, EC_V2;

        EncryptedPayload encrypt(KeyPair key, String program, String requestId, byte[] json) {
            return this == EC_V1 ? UserDataEncryptor.ecV1(key.getPublic(), program, UUID.fromString(requestId), json)
                    : UserDataEncryptor.ecV2(key.getPublic(), json);
        }
    }

    /** {@code body} with its {@code userData} replaced by the same, encrypted for {@code key}. */
    private static ObjectNode encrypted(ObjectNode body, Version version, KeyPair key, String requestId) {
        return encrypted(body, version, key, requestId,
                body.remove("userData").toString().getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectNode encrypted(ObjectNode body, Version version, KeyPair key, String requestId,
                                        byte[] plaintext) {
        body.remove("userData");
        body.set("encryptedUserData", UsersServer.JSON.valueToTree(version.encrypt(key, PROGRAM, requestId,
                plaintext)));
        return body;
    }

    private JsonNode enroll(Version version, KeyPair key) throws Exception {
        String requestId = UUID.randomUUID().toString();
        HttpResponse<String> response = server.call("POST", "/enrollments").requestId(requestId)
                .json(encrypted(person(SSN, MOBILE), version, key, requestId)).send();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return UsersServer.JSON.readTree(response.body());
    }

    private JsonNode users(JsonNode enrolled) throws Exception {
        return server.call("GET", "/accounts/" + enrolled.get("accountIdentifier").asText() + "/users")
                .sendForJson().get("users").get(0);
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void anEncryptedEnrollment_isCreated_andListedMasked(Version version) throws Exception {
        JsonNode jane = users(enroll(version, UsersServer.SERVER_KEY));

        assertThat(jane.at("/profileData/firstName").asText()).isEqualTo("Jane");
        assertThat(jane.at("/identities/0/last4Identity").asText()).isEqualTo("6789");
        assertThat(jane.at("/phoneNumbers/0/number").asText()).isEqualTo("21******47");
        assertThat(jane.at("/email/emailAddress").asText()).isEqualTo("j***@example.com");
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void dataForTheOlderActiveKey_isDecryptedToo(Version version) throws Exception {
        assertThat(users(enroll(version, OLD_KEY)).at("/profileData/lastName").asText()).isEqualTo("Doe");
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void anEncryptedUpdateAndNameChange_changeTheUser(Version version) throws Exception {
        JsonNode enrolled = enroll(version, UsersServer.SERVER_KEY);
        String user = "/accounts/" + enrolled.get("accountIdentifier").asText() + "/users/"
                + enrolled.get("userIdentifier").asText();
        String updateId = UUID.randomUUID().toString();
        ObjectNode update = UsersServer.JSON.createObjectNode();
        update.putObject("userData").putObject("email").put("emailAddress", "ana.ortiz@example.org");
        String nameId = UUID.randomUUID().toString();
        ObjectNode name = UsersServer.JSON.createObjectNode();
        name.putObject("userData").putObject("profileData").put("firstName", "Ana").put("lastName", "Ortiz");

        HttpResponse<String> updated = server.call("PUT", user).requestId(updateId)
                .json(encrypted(update, version, UsersServer.SERVER_KEY, updateId)).send();
        HttpResponse<String> renamed = server.call("PUT", user + "/name").requestId(nameId)
                .json(encrypted(name, version, OLD_KEY, nameId)).send();

        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
        JsonNode ana = users(enrolled);
        assertThat(ana.at("/email/emailAddress").asText()).isEqualTo("a***@example.org");
        assertThat(ana.at("/profileData/firstName").asText()).isEqualTo("Ana");
    }

    @Test
    void theSameEncryptedRequestSentAgain_isReplayed_withoutEnrollingTwice() throws Exception {
        String requestId = UUID.randomUUID().toString();
        ObjectNode body = encrypted(person(SSN, MOBILE), Version.EC_V1, UsersServer.SERVER_KEY, requestId);

        HttpResponse<String> first = server.call("POST", "/enrollments").requestId(requestId).json(body).send();
        HttpResponse<String> again = server.call("POST", "/enrollments").requestId(requestId).json(body).send();

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("X-GD-Idempotent-Replay")).contains("true");
        assertThat(server.enrollments).hasValue(1);
    }

    /** A way to break an encrypted request, and the answer it must get. */
    record Breaking(String name, int code, int subCode, String naming, Version version, Breaker breaker) {

        @Override
        public String toString() {
            return version + " " + code + "/" + subCode + " " + name;
        }
    }

    /** Builds the broken {@code encryptedUserData} of a body for a request id. */
    interface Breaker {
        JsonNode encryptedUserData(ObjectNode body, String requestId);
    }

    private static Breaker payload(Version version, UnaryOperator<EncryptedPayload> breaking) {
        return (body, requestId) -> UsersServer.JSON.valueToTree(breaking.apply(version.encrypt(
                UsersServer.SERVER_KEY, PROGRAM, requestId, body.get("userData").toString()
                        .getBytes(StandardCharsets.UTF_8))));
    }

    private static Breaker plaintext(Version version, String json) {
        return (body, requestId) -> UsersServer.JSON.valueToTree(version.encrypt(UsersServer.SERVER_KEY, PROGRAM,
                requestId, json.getBytes(StandardCharsets.UTF_8)));
    }

    static Stream<Breaking> breakings() {
        return Stream.of(Version.values()).flatMap(v -> Stream.of(
                new Breaking("tampered data", 400, 108, null, v, payload(v, p -> new EncryptedPayload(p.version(),
                        p.ephemeralPublicKey(), p.publicKeyHash(), flipLastByte(p.data())))),
                new Breaking("a key the server does not hold", 400, 106, null, v,
                        (body, requestId) -> UsersServer.JSON.valueToTree(v.encrypt(ServerKeys.generate(), PROGRAM,
                                requestId, body.get("userData").toString().getBytes(StandardCharsets.UTF_8)))),
                new Breaking("an ephemeral point off the curve", 400, 107, null, v, payload(v, p -> new EncryptedPayload(
                        p.version(), offCurve(p.ephemeralPublicKey()), p.publicKeyHash(), p.data()))),
                new Breaking("version EC_v3", 400, 105, null, v, payload(v, p -> new EncryptedPayload("EC_v3",
                        p.ephemeralPublicKey(), p.publicKeyHash(), p.data()))),
                new Breaking("data not base64", 400, 100, "encryptedUserData.data", v, payload(v,
                        p -> new EncryptedPayload(p.version(), p.ephemeralPublicKey(), p.publicKeyHash(), "*"))),
                new Breaking("a plaintext that is not JSON", 400, 100, "encryptedUserData.data", v,
                        plaintext(v, "profileData=Jane")),
                new Breaking("a phone as a string, as in plain userData", 400, 100, "userData.phoneNumbers", v,
                        plaintext(v, "{\"phoneNumbers\":\"2125550147\"}")),
                new Breaking("a first name with a digit, as in plain userData", 640, 501, null, v,
                        plaintext(v, "{\"profileData\":{\"firstName\":\"J4ne\",\"lastName\":\"Doe\"}}"))));
    }

    static Stream<Arguments> everyBreakingByEveryOperation() {
        return Stream.concat(breakings().map(b -> Arguments.of("enrollment", b)),
                Stream.concat(breakings().map(b -> Arguments.of("update", b)),
                        // EC_v1 binds the request id; EC_v2, as SPEC §5.2 defines it, does not.
                        Stream.of("enrollment", "update").map(operation -> Arguments.of(operation,
                                new Breaking("encrypted for another X-GD-RequestID", 400, 108, null, Version.EC_V1,
                                        (body, requestId) -> payload(Version.EC_V1, p -> p).encryptedUserData(body,
                                                UUID.randomUUID().toString()))))));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyBreakingByEveryOperation")
    void aBrokenEncryptedRequest_isRefusedWithItsCode_andChangesNothing(String operation, Breaking breaking)
            throws Exception {
        String requestId = UUID.randomUUID().toString();
        ObjectNode body = person(SSN, MOBILE);
        body.set("encryptedUserData", breaking.breaker().encryptedUserData(body, requestId));
        body.remove("userData");
        String users = null;
        JsonNode before = null;
        HttpResponse<String> response;
        if (operation.equals("enrollment")) {
            response = server.call("POST", "/enrollments").requestId(requestId).json(body).send();
        } else {
            JsonNode enrolled = enroll(Version.EC_V2, UsersServer.SERVER_KEY);
            users = "/accounts/" + enrolled.get("accountIdentifier").asText() + "/users";
            before = server.call("GET", users).sendForJson();
            response = server.call("PUT", users + "/" + enrolled.get("userIdentifier").asText())
                    .requestId(requestId).json(body).send();
        }

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode detail = UsersServer.JSON.readTree(response.body()).at("/responseDetails/0");
        assertThat(detail.get("code").asInt()).as(response.body()).isEqualTo(breaking.code());
        assertThat(detail.get("subCode").asInt()).as(response.body()).isEqualTo(breaking.subCode());
        if (breaking.naming() != null) {
            assertThat(detail.get("description").asText()).endsWith(": " + breaking.naming());
        }
        assertThat(response.body()).doesNotContain(SSN, MOBILE, "Exception");
        if (operation.equals("enrollment")) {
            assertThat(server.accounts()).isZero();
        } else {
            assertThat(server.call("GET", users).sendForJson()).isEqualTo(before);
        }
    }

    private static String flipLastByte(String base64) {
        byte[] data = Base64.getDecoder().decode(base64);
        data[data.length - 1] ^= 0x01;
        return Base64.getEncoder().encodeToString(data);
    }

    /** The same SubjectPublicKeyInfo with the point's last byte changed: well-formed, not on P-256. */
    private static String offCurve(String base64Spki) {
        return flipLastByte(base64Spki);
    }
}
