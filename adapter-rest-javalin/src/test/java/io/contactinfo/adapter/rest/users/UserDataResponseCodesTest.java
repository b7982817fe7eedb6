package io.contactinfo.adapter.rest.users;

import static io.contactinfo.adapter.rest.users.UsersServer.person;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every code/subCode of seed 002's user data rules, and this project's codes for the rules the seed leaves
 * without one, reached over real HTTP both by an enrollment and by an update of an enrolled user: the HTTP
 * status, the code and subCode, the seed's description where it gives one, the documentation url; and the refused
 * request changes nothing.
 */
class UserDataResponseCodesTest {

    private static final String SSN = "123456789";
    private static final String MOBILE = "2125550147";

    private UsersServer server;

    @BeforeEach
    void start() {
        server = new UsersServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A request body broken in one way, and the answer it must get. */
    record Row(String name, int status, int code, int subCode, String description, Consumer<ObjectNode> breaking) {

        @Override
        public String toString() {
            return code + "/" + subCode + " " + name;
        }
    }

    enum Operation {
        ENROLL, UPDATE
    }

    private static Row row(String name, int code, int subCode, Consumer<ObjectNode> breaking) {
        return new Row(name, 400, code, subCode, null, breaking);
    }

    private static Row row(String name, int code, int subCode, String description, Consumer<ObjectNode> breaking) {
        return new Row(name, 400, code, subCode, description, breaking);
    }

    private static ObjectNode profile(ObjectNode body) {
        return body.withObject("/userData/profileData");
    }

    private static ObjectNode home(ObjectNode body) {
        return (ObjectNode) body.at("/userData/profileData/addresses/0");
    }

    private static ArrayNode addresses(ObjectNode body) {
        return (ArrayNode) body.at("/userData/profileData/addresses");
    }

    private static ObjectNode identity(ObjectNode body) {
        return body.withObject("/userData/identifyingData");
    }

    static Stream<Row> seedRows() {
        return Stream.of(
                row("firstName empty", 400, 501, b -> profile(b).put("firstName", "")),
                row("firstName of 36 characters", 400, 501, b -> profile(b).put("firstName", "J".repeat(36))),
                row("lastName of 1 character", 400, 502, b -> profile(b).put("lastName", "D")),
                row("lastName of 36 characters", 400, 502, b -> profile(b).put("lastName", "D".repeat(36))),
                row("firstName with a digit", 640, 501, b -> profile(b).put("firstName", "J4ne")),
                row("lastName with an underscore", 640, 502, b -> profile(b).put("lastName", "Do_e")),
                row("middleName with '!'", 640, 503, b -> profile(b).put("middleName", "M!a")),
                row("city of 26 characters", 400, 504, b -> home(b).put("city", "P".repeat(26))),
                row("addressLine1 of 1 character", 400, 505, b -> home(b).put("addressLine1", "1")),
                row("addressLine1 of 41 characters", 400, 505, b -> home(b).put("addressLine1", "1".repeat(41))),
                row("addressLine2 of 41 characters", 400, 506, b -> home(b).put("addressLine2", "S".repeat(41))),
                row("city with '!'", 640, 504, b -> home(b).put("city", "Pasadena!")),
                row("addressLine1 with '@'", 640, 505, b -> home(b).put("addressLine1", "1234 E Foothill @ Blvd")),
                row("addressLine2 with '('", 640, 506, b -> home(b).put("addressLine2", "Ste (000)")),
                row("two home addresses", 400, 1020, "Duplicated type is not allowed",
                        b -> addresses(b).addObject().put("addressLine1", "1 Main St").put("zipCode", "91107")
                                .put("type", "HOME").put("isDefault", false)),
                row("two default addresses", 400, 1040,
                        b -> addresses(b).addObject().put("addressLine1", "1 Main St").put("zipCode", "91107")
                                .put("type", "work").put("isDefault", true)),
                row("two default phones", 1040, 0, "There can only be one default phone.",
                        b -> ((ObjectNode) b.at("/userData/phoneNumbers/1")).put("isDefault", true)),
                row("identifyingData without dateOfBirth", 400, 200, b -> identity(b).remove("dateOfBirth")),
                row("dateOfBirth not YYYY-MM-DD", 400, 700, b -> identity(b).put("dateOfBirth", "17/05/1980")),
                row("dateOfBirth not a date", 400, 700, b -> identity(b).put("dateOfBirth", "1980-02-30")));
    }

    /** Rules seed 002 gives no code: this project's (README, "Users API"). */
    static Stream<Row> projectRows() {
        return Stream.of(
                row("middleName of 101 characters", 400, 503, b -> profile(b).put("middleName", "M".repeat(101))),
                row("state not a USPS code", 400, 507, b -> home(b).put("state", "XX")),
                row("zipCode of 4 digits", 400, 508, b -> home(b).put("zipCode", "9110")),
                row("countryCode of 2 letters", 400, 509, b -> home(b).put("countryCode", "US")),
                row("address type mailing", 400, 1021, b -> home(b).put("type", "mailing")),
                row("default address not home", 400, 1041,
                        b -> {
                            home(b).put("isDefault", false);
                            addresses(b).addObject().put("addressLine1", "1 Main St").put("zipCode", "91107")
                                    .put("type", "work").put("isDefault", true);
                        }),
                row("dateOfBirth tomorrow", 400, 701, b -> identity(b).put("dateOfBirth", "2026-01-02")),
                row("ssn of 8 digits", 400, 702, b -> identity(b).put("ssn", "12345678")),
                row("ssnSuffix of 3 digits", 400, 703, b -> identity(b).put("ssnSuffix", "678").remove("ssn")),
                row("ssn and ssnSuffix", 400, 704, b -> identity(b).put("ssnSuffix", "6789")),
                row("phone of 9 digits", 400, 800, b -> ((ObjectNode) b.at("/userData/phoneNumbers/0"))
                        .put("number", "212555014")),
                row("phone type cell", 400, 801, b -> ((ObjectNode) b.at("/userData/phoneNumbers/0"))
                        .put("type", "cell")),
                row("email without '@'", 400, 804, b -> b.withObject("/userData/email")
                        .put("emailAddress", "jane.example.com")),
                row("'+' in the email in production", 400, 805, b -> b.withObject("/userData/email")
                        .put("emailAddress", "jane+test@example.com")),
                row("peerTransferAcceptPreference sometimes", 400, 900,
                        b -> b.put("peerTransferAcceptPreference", "sometimes")),
                row("termsIdentifier with a space", 400, 901, b -> b.putArray("termsAcceptances").addObject()
                        .put("termsIdentifier", "priv plcy").put("termsAcceptanceDateTime", "2018-09-15T13:34:22.113Z")
                        .put("termsAcceptanceFlag", true)),
                row("termsAcceptanceDateTime not an instant", 400, 100, b -> b.putArray("termsAcceptances")
                        .addObject().put("termsIdentifier", "daa").put("termsAcceptanceDateTime", "yesterday")),
                row("a phone as a string", 400, 100, b -> b.withObject("/userData").put("phoneNumbers", "2125550147")));
    }

    static Stream<Arguments> everyRowByEveryOperation() {
        return Stream.concat(seedRows(), projectRows())
                .flatMap(row -> Stream.of(Arguments.of(Operation.ENROLL, row), Arguments.of(Operation.UPDATE, row)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyRowByEveryOperation")
    void givenBrokenUserData_theRequest_isRefusedWithItsCode(Operation operation, Row row) throws Exception {
        ObjectNode body = person(SSN, MOBILE, "2125550123");
        row.breaking().accept(body);
        HttpResponse<String> response;
        JsonNode before = null;
        String users = null;
        if (operation == Operation.ENROLL) {
            response = server.call("POST", "/enrollments").json(body).send();
        } else {
            JsonNode enrolled = server.enroll(person(SSN, MOBILE, "2125550123"));
            users = "/accounts/" + enrolled.get("accountIdentifier").asText() + "/users";
            before = server.call("GET", users).sendForJson();
            response = server.call("PUT", users + "/" + enrolled.get("userIdentifier").asText()).json(body).send();
        }

        assertThat(response.statusCode()).as(response.body()).isEqualTo(row.status());
        JsonNode detail = UsersServer.JSON.readTree(response.body()).get("responseDetails").get(0);
        assertThat(detail.get("code").asInt()).as(response.body()).isEqualTo(row.code());
        assertThat(detail.get("subCode").asInt()).as(response.body()).isEqualTo(row.subCode());
        UsersServer.assertLeadsToItsRow(detail);
        assertThat(detail.get("description").asText()).isNotBlank();
        if (row.description() != null) {
            assertThat(detail.get("description").asText()).isEqualTo(row.description());
        }
        if (operation == Operation.ENROLL) {
            assertThat(server.accounts()).isZero();
        } else {
            assertThat(server.call("GET", users).sendForJson()).isEqualTo(before);
        }
    }
}
