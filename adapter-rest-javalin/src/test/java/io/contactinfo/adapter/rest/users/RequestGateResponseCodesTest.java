package io.contactinfo.adapter.rest.users;

import static io.contactinfo.adapter.rest.users.UsersServer.person;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Users API's own codes (README, "Users API"), over real HTTP on every operation they apply to: request id,
 * token, program, scope, unknown account or user, conflicts, unreadable bodies, both forms or refused plain user
 * data ({@link EncryptedUserDataApiTest} has the encrypted form's own codes). Never a stack trace, never another
 * program's existence.
 */
class RequestGateResponseCodesTest {

    private static final String ACCOUNT = "/accounts/" + UUID.randomUUID();
    private static final String USER = ACCOUNT + "/users/" + UUID.randomUUID();
    /** Both forms of the user data in one body: which would count is not guessed. */
    private static final String BOTH = """
            {"userData":{"profileData":{"firstName":"Jane","lastName":"Doe"}},
             "encryptedUserData":{"version":"EC_v1","ephemeralPublicKey":"MFkw","publicKeyHash":"aGFzaA==",
             "data":"ZGF0YQ=="}}""";

    private UsersServer server;

    @BeforeEach
    void start() {
        server = new UsersServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    record Scenario(String name, int status, int code, int subCode, Function<UsersServer, UsersServer.Call> request) {

        @Override
        public String toString() {
            return code + "/" + subCode + " " + name;
        }
    }

    private static Scenario refuse(String name, int status, int code, int subCode,
                                   Function<UsersServer, UsersServer.Call> request) {
        return new Scenario(name, status, code, subCode, request);
    }

    static Stream<Scenario> scenarios() {
        String jane = person("123456789", "2125550147").toString();
        return Stream.of(
                refuse("no X-GD-RequestID on an enrollment", 400, 400, 101,
                        s -> s.call("POST", "/enrollments").requestId(null).json(jane)),
                refuse("no X-GD-RequestID on a list", 400, 400, 101,
                        s -> s.call("GET", ACCOUNT + "/users").requestId(null)),
                refuse("X-GD-RequestID not a UUID", 400, 400, 101,
                        s -> s.call("PUT", USER).requestId("1-1-1-1-1").json("{}")),
                refuse("no Authorization", 401, 401, 0,
                        s -> s.call("POST", "/enrollments").header("Authorization", null).json(jane)),
                refuse("Authorization not Bearer", 401, 401, 0,
                        s -> s.call("GET", ACCOUNT + "/users").header("Authorization", "Basic amFuZTpwdw==")),
                refuse("forged token", 401, 401, 0, s -> s.call("PUT", ACCOUNT + "/status").token("forged")
                        .json("{\"status\":\"locked\"}")),
                refuse("expired token", 401, 401, 0, s -> s.call("PUT", USER + "/name").token("expired").json("{}")),
                refuse("token without institution", 401, 401, 0,
                        s -> s.call("POST", "/enrollments").token("no-institution").json(jane)),
                refuse("read-only token enrolls", 403, 403, 0,
                        s -> s.call("POST", "/enrollments").token("read-only").json(jane)),
                refuse("write-only token lists", 403, 403, 0,
                        s -> s.call("GET", ACCOUNT + "/users").token("write-only")),
                refuse("another program's token", 404, 404, 0,
                        s -> s.call("POST", "/enrollments").token("bank-b").json(jane)),
                refuse("another program's path", 404, 404, 0,
                        s -> s.callAbsolute("GET", "/programs/bank-b" + ACCOUNT + "/users")),
                refuse("a path that does not exist", 404, 404, 0, s -> s.call("GET", "/accounts")),
                refuse("unknown account listed", 404, 404, 1, s -> s.call("GET", ACCOUNT + "/users")),
                refuse("unknown account's status", 404, 404, 1,
                        s -> s.call("PUT", ACCOUNT + "/status").json("{\"status\":\"locked\"}")),
                refuse("accountIdentifier not a UUID", 404, 404, 1, s -> s.call("GET", "/accounts/12/users")),
                refuse("unknown account's user updated", 404, 404, 1, s -> s.call("PUT", USER).json("{}")),
                refuse("body not JSON", 400, 400, 100, s -> s.call("POST", "/enrollments").json("{\"userData\":")),
                refuse("no body", 400, 400, 100, s -> s.call("PUT", USER + "/name").header("Content-Type",
                        "application/json")),
                refuse("status as a number", 400, 400, 100,
                        s -> s.call("PUT", ACCOUNT + "/status").json("{\"status\":1}")),
                refuse("Content-Type text/plain", 400, 400, 100,
                        s -> s.call("POST", "/enrollments").header("Content-Type", "text/plain").json(jane)),
                refuse("contactVerificationIdentifiers not UUIDs", 400, 400, 100,
                        s -> s.call("PUT", USER).json("{\"contactVerificationIdentifiers\":[\"x\"]}")),
                refuse("userData and encryptedUserData on an enrollment", 400, 400, 102,
                        s -> s.call("POST", "/enrollments").json(BOTH)),
                refuse("enrollment status closed", 400, 400, 104,
                        s -> s.call("POST", "/enrollments").json(person("123456789").put("status", "closed"))),
                refuse("institutionCustomerId malformed", 400, 400, 903,
                        s -> s.call("POST", "/enrollments").json(person("123456789").put("institutionCustomerId",
                                "c 1")))
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void theRequest_isRefusedWithItsCode(Scenario scenario) throws Exception {
        HttpResponse<String> response = scenario.request().apply(server).send();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(scenario.status());
        JsonNode detail = UsersServer.JSON.readTree(response.body()).at("/responseDetails/0");
        assertThat(detail.get("code").asInt()).as(response.body()).isEqualTo(scenario.code());
        assertThat(detail.get("subCode").asInt()).as(response.body()).isEqualTo(scenario.subCode());
        UsersServer.assertLeadsToItsRow(detail);
        assertThat(response.body()).doesNotContain("Exception", "at io.", "bank-b");
        assertThat(server.accounts()).isZero();
    }

    @Test
    void bothFormsOfUserData_onAnUpdateOrANameChange_areRefusedWith400_102() throws Exception {
        JsonNode jane = server.enroll(person("123456789", "2125550147"));
        String user = "/accounts/" + jane.get("accountIdentifier").asText() + "/users/"
                + jane.get("userIdentifier").asText();

        for (String path : new String[] {user, user + "/name"}) {
            JsonNode detail = server.call("PUT", path).json(BOTH).sendForJson().at("/responseDetails/0");
            assertThat(detail.get("code").asInt()).isEqualTo(400);
            assertThat(detail.get("subCode").asInt()).isEqualTo(102);
        }
    }

    @Test
    void anUnknownUserOfAKnownAccount_isRefusedWith404_2() throws Exception {
        JsonNode jane = server.enroll(person("123456789", "2125550147"));

        HttpResponse<String> response = server.call("PUT", "/accounts/" + jane.get("accountIdentifier").asText()
                + "/users/" + UUID.randomUUID()).json("{}").send();

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("\"code\":404,\"subCode\":2");
    }

    @Test
    void anotherProgramsAccount_isNotFound_exactlyLikeAMissingOne() throws Exception {
        HttpResponse<String> enrolled = server.callAbsolute("POST", "/programs/bank-b/enrollments").token("bank-b")
                .json(person("123456789", "2125550147")).send();
        String theirs = UsersServer.JSON.readTree(enrolled.body()).get("accountIdentifier").asText();

        HttpResponse<String> response = server.call("GET", "/accounts/" + theirs + "/users").send();
        HttpResponse<String> missing = server.call("GET", ACCOUNT + "/users").send();

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo(missing.body());
    }

    @Test
    void aTakenCustomerIdOrLoginId_isRefusedWith409() throws Exception {
        ObjectNode first = person("123456789", "2125550147");
        first.put("institutionCustomerId", "c-1001").put("loginId", "jane");
        server.enroll(first);

        ObjectNode sameCustomer = person("987654321", "6465550100");
        sameCustomer.put("institutionCustomerId", "c-1001");
        ObjectNode sameLogin = person("987654321", "6465550100");
        sameLogin.put("loginId", "JANE");

        assertThat(server.call("POST", "/enrollments").json(sameCustomer).send().body())
                .contains("\"code\":409,\"subCode\":1");
        HttpResponse<String> login = server.call("POST", "/enrollments").json(sameLogin).send();
        assertThat(login.statusCode()).isEqualTo(409);
        assertThat(login.body()).contains("\"code\":409,\"subCode\":2");
        assertThat(server.accounts()).isEqualTo(1);
    }

    @Test
    void givenAServerInProductionMode_plainUserData_isRefusedWith400_103() throws Exception {
        try (UsersServer production = new UsersServer(UserDataPolicy.ENCRYPTED_ONLY)) {
            HttpResponse<String> response = production.call("POST", "/enrollments")
                    .json(person("123456789", "2125550147")).send();

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("\"code\":400,\"subCode\":103");
            assertThat(production.accounts()).isZero();
        }
    }
}
