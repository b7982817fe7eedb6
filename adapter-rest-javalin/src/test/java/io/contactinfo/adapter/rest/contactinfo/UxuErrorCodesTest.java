package io.contactinfo.adapter.rest.contactinfo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactinfo.adapter.rest.HttpServer;
import io.contactinfo.domain.contact.Channel;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.user.InstitutionCustomerId;
import io.contactinfo.domain.user.UserId;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of seed 000's error table, reached over real HTTP on every operation it applies to: the status, the
 * code, the seed's message (followed, for UXU_99999, by the field and rule at fault), the correlation id echoed,
 * and never a stack trace or personal data.
 */
class UxuErrorCodesTest {

    private static final String LIST = "/customers/c-1001/contact-methods";
    private static final String UPDATE = "/customers/c-1001:contact-info";
    private static final String SEND = "/customers/c-1001/otp";
    private static final String VERIFY = "/customers/c-1001/otp/" + UUID.randomUUID() + ":verify";
    private static final String NEW_PHONE = """
            {"userIdType":"CUSTOMER_ID","phoneNumber":{"oldPhoneNumber":"2125550147","oldCountryCode":"1",
             "newPhoneNumber":"2125550199","newCountryCode":"US"}}""";
    private static final String NEW_EMAIL = "{\"email\":{\"emailAddress\":\"jane.new@example.com\"}}";
    private static final String SOME_METHOD = "{\"contactMethodId\":\"" + UUID.randomUUID() + "\"}";
    private static final String SOME_CODE = "{\"code\":\"123456\"}";
    private static final String OVERSIZED = "{\"email\":{\"emailAddress\":\"jane.new@example.com\"},\"padding\":\""
            + "x".repeat((int) HttpServer.MAX_BODY_BYTES) + "\"}";


    private ContactInfoServer server;

    @BeforeEach
    void start() {
        server = new ContactInfoServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** One request and the refusal it must get. */
    record Scenario(String name, int status, String code, Optional<String> detail,
                    Function<ContactInfoServer, ContactInfoServer.Call> request) {

        Scenario naming(String expectedDetail) {
            return new Scenario(name, status, code, Optional.of(expectedDetail), request);
        }

        @Override
        public String toString() {
            return code + " " + name;
        }
    }

    private static Scenario refuse(String name, int status, String code,
                                   Function<ContactInfoServer, ContactInfoServer.Call> request) {
        return new Scenario(name, status, code, Optional.empty(), request);
    }

    static Stream<Scenario> scenarios() {
        return Stream.of(
                refuse("Authorization not a verifiable token", 400, "UXU_10001",
                        s -> s.call("PUT", UPDATE).token("forged").json(NEW_PHONE)),
                refuse("read scope missing to list", 403, "UXU_10002",
                        s -> s.call("GET", LIST).token("write-only")),
                refuse("write scope missing to update", 403, "UXU_10002",
                        s -> s.call("PUT", UPDATE).token("read-only").json(NEW_PHONE)),
                refuse("write scope missing to send a code", 403, "UXU_10002",
                        s -> s.call("POST", SEND).token("read-only").json(SOME_METHOD)),
                refuse("write scope missing to verify a code", 403, "UXU_10002",
                        s -> s.call("POST", VERIFY).token("read-only").json(SOME_CODE)),
                refuse("expired token", 400, "UXU_10003", s -> s.call("POST", SEND).token("expired").json(SOME_METHOD)),
                refuse("no institution claim", 400, "UXU_10004",
                        s -> s.call("PUT", UPDATE).token("no-institution").json(NEW_PHONE)),
                refuse("no Authorization header", 400, "UXU_10005",
                        s -> s.call("PUT", UPDATE).header("Authorization", null).json(NEW_PHONE)),
                refuse("no correlationId on a list", 400, "UXU_10006", s -> s.call("GET", LIST).header("correlationId", null)),
                refuse("no correlationId on an update", 400, "UXU_10006",
                        s -> s.call("PUT", UPDATE).header("correlationId", null).json(NEW_PHONE)),
                refuse("correlationId not a GUID", 400, "UXU_10007",
                        s -> s.call("POST", SEND).header("correlationId", "not-a-guid").json(SOME_METHOD)),
                refuse("correlationId in UUID.fromString's lenient form", 400, "UXU_10007",
                        s -> s.call("GET", LIST).header("correlationId", "1-1-1-1-1")),
                refuse("X-Forwarded-For a host name (never looked up)", 400, "UXU_10008",
                        s -> s.call("PUT", UPDATE).header("X-Forwarded-For", "example.com").json(NEW_PHONE)),
                refuse("X-Forwarded-For with one bad element", 400, "UXU_10008",
                        s -> s.call("GET", LIST).header("X-Forwarded-For", "203.0.113.7, proxy.internal")),
                refuse("X-Forwarded-For octet over 255", 400, "UXU_10008",
                        s -> s.call("POST", SEND).header("X-Forwarded-For", "256.0.0.1").json(SOME_METHOD)),
                refuse("X-Forwarded-For with a port", 400, "UXU_10008",
                        s -> s.call("POST", VERIFY).header("X-Forwarded-For", "203.0.113.7:8080").json(SOME_CODE)),
                refuse("X-Forwarded-For with a bracketed IPv6", 400, "UXU_10008",
                        s -> s.call("GET", LIST).header("X-Forwarded-For", "[2001:db8::1]")),
                refuse("X-Forwarded-For with an empty element", 400, "UXU_10008",
                        s -> s.call("GET", LIST).header("X-Forwarded-For", "203.0.113.7,,10.0.0.1")),
                refuse("X-Forwarded-For with an IPv6 zone", 400, "UXU_10008",
                        s -> s.call("GET", LIST).header("X-Forwarded-For", "fe80::1%eth0")),
                refuse("Authorization not Bearer", 400, "UXU_10009",
                        s -> s.call("GET", LIST).header("Authorization", "Basic amFuZTpwdw==")),
                refuse("Bearer without a token", 400, "UXU_10009",
                        s -> s.call("PUT", UPDATE).header("Authorization", "Bearer ").json(NEW_PHONE)),
                refuse("no customer claim", 400, "UXU_10010", s -> s.call("POST", SEND).token("no-customer").json(SOME_METHOD)),
                refuse("list another customer", 400, "UXU_10011", s -> s.call("GET", "/customers/c-1002/contact-methods")),
                refuse("update another customer", 400, "UXU_10011",
                        s -> s.call("PUT", "/customers/c-1002:contact-info").json(NEW_PHONE)),
                refuse("send to another customer", 400, "UXU_10011",
                        s -> s.call("POST", "/customers/c-1002/otp").json(SOME_METHOD)),
                refuse("verify for another customer", 400, "UXU_10011",
                        s -> s.call("POST", "/customers/c-1002/otp/" + UUID.randomUUID() + ":verify").json(SOME_CODE)),
                refuse("malformed customer id to list", 400, "UXU_10012", s -> s.call("GET", "/customers/c!1001/contact-methods")),
                refuse("malformed customer id to update", 400, "UXU_10012",
                        s -> s.call("PUT", "/customers/c!1001:contact-info").json(NEW_PHONE)),
                refuse("login id with a space", 400, "UXU_10012", s -> s.call("PUT", "/customers/jane%20doe:contact-info")
                        .json("{\"userIdType\":\"LOGIN_ID\"," + NEW_EMAIL.substring(1))),
                refuse("otpId not a UUID", 400, "UXU_10012", s -> s.call("POST", "/customers/c-1001/otp/123:verify").json(SOME_CODE)),
                refuse("otpId of no challenge of the customer", 400, "UXU_10012", s -> s.call("POST", VERIFY).json(SOME_CODE)),
                refuse("unknown path", 400, "UXU_10013", s -> s.call("GET", "/customers/c-1001/nothing-here")),
                refuse("unknown action", 400, "UXU_10013", s -> s.call("PUT", "/customers/c-1001:delete").json(NEW_PHONE)),
                refuse("method the path does not take", 400, "UXU_10013", s -> s.call("DELETE", UPDATE)),
                refuse("GET of a POST-only path", 400, "UXU_10013", s -> s.call("GET", SEND)),
                refuse("query param on a list", 400, "UXU_10014", s -> s.call("GET", LIST + "?page=2")),
                refuse("query param on an update", 400, "UXU_10014", s -> s.call("PUT", UPDATE + "?dryRun=true").json(NEW_PHONE)),
                refuse("query param on a send", 400, "UXU_10014", s -> s.call("POST", SEND + "?debug").json(SOME_METHOD)),
                refuse("query param on a verify", 400, "UXU_10014", s -> s.call("POST", VERIFY + "?code=1").json(SOME_CODE)),
                refuse("database unavailable on an update", 503, "UXU_30001",
                        s -> s.call("PUT", UPDATE).token("store-down").json(NEW_PHONE)),
                refuse("database unavailable on a list", 503, "UXU_30001", s -> s.call("GET", LIST).token("store-down")),
                refuse("voice gateway down on a passcode by voice", 503, "UXU_30002",
                        s -> s.call("POST", SEND).json(voiceMethod(s))),
                refuse("update of a customer whose account is closed", 404, "UXU_88888",
                        s -> s.call("PUT", "/customers/c-2001:contact-info").token("closed").json("""
                                {"phoneNumber":{"oldPhoneNumber":"3125550101","newPhoneNumber":"3125550102"}}""")),
                refuse("contactMethodId of no method of the customer", 400, "UXU_88889",
                        s -> s.call("POST", SEND).json(SOME_METHOD)),
                refuse("customer not on record", 400, "UXU_88890", s -> s.call("PUT", "/customers/c-9999:contact-info")
                        .token("ghost").json(NEW_EMAIL)),
                refuse("customer of another institution", 400, "UXU_88890",
                        s -> s.call("GET", LIST).token("other-bank")),
                refuse("login id of no customer", 400, "UXU_88890", s -> s.call("PUT", "/customers/nobody@example.com:contact-info")
                        .json("{\"userIdType\":\"LOGIN_ID\"," + NEW_EMAIL.substring(1))),
                refuse("phone to replace not on record", 400, "UXU_88891", s -> s.call("PUT", UPDATE).json(
                        NEW_PHONE.replace("2125550147", "2125550999"))),
                refuse("failure in the token verifier", 500, "UXU_99998", s -> s.call("GET", LIST).token("broken")),
                refuse("failure in the core", 500, "UXU_99998", s -> s.call("PUT", UPDATE).token("boom").json(NEW_PHONE)),
                refuse("not JSON", 400, "UXU_99999", s -> s.call("PUT", UPDATE).json("{\"email\":")).naming("body"),
                refuse("a JSON array", 400, "UXU_99999", s -> s.call("PUT", UPDATE).json("[]")).naming("body"),
                refuse("JSON null", 400, "UXU_99999", s -> s.call("POST", SEND).json("null")).naming("body"),
                refuse("no body", 400, "UXU_99999", s -> s.call("PUT", UPDATE).json("")).naming("body"),
                refuse("two JSON values", 400, "UXU_99999", s -> s.call("POST", VERIFY).json(SOME_CODE + SOME_CODE))
                        .naming("body"),
                refuse("a key twice", 400, "UXU_99999", s -> s.call("POST", VERIFY)
                        .json("{\"code\":\"123456\",\"code\":\"654321\"}")).naming("body"),
                refuse("body over 64 KiB", 400, "UXU_99999", s -> s.call("PUT", UPDATE).json(OVERSIZED)).naming("body"),
                refuse("chunked body over 64 KiB", 400, "UXU_99999", s -> s.call("PUT", UPDATE).chunked(OVERSIZED)).naming("body"),
                refuse("text/plain body", 400, "UXU_99999", s -> s.call("PUT", UPDATE).header("Content-Type", "text/plain")
                        .json(NEW_PHONE)).naming("Content-Type"),
                refuse("no Content-Type", 400, "UXU_99999", s -> s.call("POST", SEND).header("Content-Type", null)
                        .json(SOME_METHOD)).naming("Content-Type"),
                refuse("JSON in another charset", 400, "UXU_99999", s -> s.call("POST", VERIFY)
                        .header("Content-Type", "application/json; charset=ISO-8859-1").json(SOME_CODE)).naming("Content-Type"),
                refuse("JSON in UTF-16, said to be UTF-8", 400, "UXU_99999", s -> s.call("PUT", UPDATE)
                        .header("Content-Type", "application/json; charset=utf-8")
                        .json(NEW_EMAIL, StandardCharsets.UTF_16BE)).naming("body"),
                refuse("JSON in UTF-32", 400, "UXU_99999", s -> s.call("POST", VERIFY)
                        .json(SOME_CODE, Charset.forName("UTF-32LE"))).naming("body"),
                refuse("number for a purpose", 400, "UXU_99999", s -> s.call("POST", SEND)
                        .json(SOME_METHOD.replace("}", ",\"purpose\":1}"))).naming("purpose"),
                refuse("number for a userIdType", 400, "UXU_99999", s -> s.call("PUT", UPDATE)
                        .json("{\"userIdType\":1," + NEW_EMAIL.substring(1))).naming("userIdType"),
                refuse("number for a string", 400, "UXU_99999", s -> s.call("PUT", UPDATE)
                        .json(NEW_PHONE.replace("\"2125550199\"", "2125550199"))).naming("phoneNumber.newPhoneNumber"),
                refuse("string for an object", 400, "UXU_99999", s -> s.call("PUT", UPDATE)
                        .json("{\"phoneNumber\":\"2125550199\"}")).naming("phoneNumber"),
                refuse("unknown userIdType", 400, "UXU_99999", s -> s.call("PUT", UPDATE)
                        .json("{\"userIdType\":\"SSN\"," + NEW_EMAIL.substring(1))).naming("userIdType"),
                refuse("international country code", 400, "UXU_99999", s -> s.call("PUT", UPDATE)
                        .json(NEW_PHONE.replace("\"US\"", "\"44\"")))
                        .naming("phoneNumber.newCountryCode (contact.phone-number.format)"),
                refuse("phone number of 11 digits", 400, "UXU_99999", s -> s.call("PUT", UPDATE)
                        .json(NEW_PHONE.replace("2125550199", "12125550199")))
                        .naming("phoneNumber.newPhoneNumber (contact.phone-number.format)"),
                refuse("state not a USPS code", 400, "UXU_99999", s -> s.call("PUT", UPDATE).json("""
                        {"postalAddress":{"address1":"1 Main St","city":"Springfield","state":"XX"}}"""))
                        .naming("postalAddress.state (address.state.code)"),
                refuse("address without its first line", 400, "UXU_99999", s -> s.call("PUT", UPDATE).json("""
                        {"postalAddress":{"city":"Springfield","state":"IL"}}"""))
                        .naming("postalAddress.address1 (address.line1.length)"),
                refuse("email together with a phone", 400, "UXU_99999", s -> s.call("PUT", UPDATE)
                        .json(NEW_PHONE.replace("}}", "},\"email\":{\"emailAddress\":\"j@example.com\"}}"))).naming("email"),
                refuse("nothing to change", 400, "UXU_99999", s -> s.call("PUT", UPDATE).json("{}")).naming("contactInfo"),
                refuse("email with a plus sign in production", 400, "UXU_99999", s -> s.call("PUT", UPDATE)
                        .json("{\"email\":{\"emailAddress\":\"jane+bank@example.com\"}}"))
                        .naming("email.emailAddress (contact.email.plus-sign)"),
                refuse("contactMethodId not a UUID", 400, "UXU_99999", s -> s.call("POST", SEND)
                        .json("{\"contactMethodId\":\"sms-1\"}")).naming("contactMethodId"),
                refuse("unknown purpose", 400, "UXU_99999", s -> s.call("POST", SEND)
                        .json(SOME_METHOD.replace("}", ",\"purpose\":\"LOGIN\"}"))).naming("purpose"),
                refuse("code with letters", 400, "UXU_99999", s -> s.call("POST", VERIFY).json("{\"code\":\"12ab56\"}"))
                        .naming("code (otp.code.format)"),
                refuse("code as a number", 400, "UXU_99999", s -> s.call("POST", VERIFY).json("{\"code\":123456}"))
                        .naming("code"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void refusesWithTheSeedsErrorCode(Scenario scenario) throws Exception {
        HttpResponse<String> response = scenario.request().apply(server).send();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(scenario.status());
        JsonNode body = ContactInfoServer.JSON.readTree(response.body());
        assertThat(body.get("code").asText()).isEqualTo(scenario.code());
        String seedMessage = errorCoded(scenario.code()).message();
        assertThat(body.get("message").asText()).isEqualTo(
                seedMessage + scenario.detail().map(detail -> ": " + detail).orElse(""));
        if (scenario.code().equals("UXU_10006") || scenario.code().equals("UXU_10007")) {
            assertThat(body.has("correlationId")).isFalse();
        } else {
            assertThat(body.get("correlationId").asText()).isEqualTo(ContactInfoServer.CORRELATION_ID);
            assertThat(response.headers().firstValue("correlationId")).contains(ContactInfoServer.CORRELATION_ID);
        }
        assertThat(response.body()).doesNotContain("Exception", "\tat ", "2125550147", "jane", "Connection refused");
    }

    @Test
    void everyRowOfSeed000IsReached() {
        Set<String> reached = scenarios().map(Scenario::code).collect(Collectors.toSet());
        Set<String> table = Arrays.stream(UxuError.values()).map(UxuError::code).collect(Collectors.toSet());

        assertThat(reached).containsAll(table);
        assertThat(table).containsAll(reached);
    }

    @Test
    void sendingCodesTooOftenNamesTheContactMethodAndTheRule() throws Exception {
        String sms = server.call("GET", LIST).sendForJson().get("contactMethods").get(0).get("contactMethodId").asText();
        String body = "{\"contactMethodId\":\"" + sms + "\"}";
        assertThat(server.call("POST", SEND).json(body).send().statusCode()).isEqualTo(202);

        JsonNode refusal = server.call("POST", SEND).json(body).sendForJson();

        assertThat(refusal.get("code").asText()).isEqualTo("UXU_99999");
        assertThat(refusal.get("message").asText()).endsWith(": contactMethodId (otp.send.too-soon)");
    }

    @Test
    void verifyingOnceTheCustomerFailed100TimesThisHour_refusesEvenTheRightCode_namingTheCodeAndTheRule()
            throws Exception {
        InstitutionId bank = new InstitutionId("bank-a");
        UserId jane = server.ports.users().findByCustomerId(bank, new InstitutionCustomerId("c-1001")).orElseThrow()
                .id();
        for (int failure = 0; failure < 100; failure++) {
            server.ports.otps().addFailedVerification(bank, jane, ContactInfoServer.NOW.minusSeconds(60));
        }
        String sms = server.call("GET", LIST).sendForJson().get("contactMethods").get(0).get("contactMethodId").asText();
        JsonNode otp = server.call("POST", SEND).json("{\"contactMethodId\":\"" + sms + "\"}").sendForJson();
        String code = server.delivered.get(0).parameters().get("code");

        HttpResponse<String> refused = server.call("POST", SEND + "/" + otp.get("otpId").asText() + ":verify")
                .json("{\"code\":\"" + code + "\"}").send();

        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode refusal = ContactInfoServer.JSON.readTree(refused.body());
        assertThat(refusal.get("code").asText()).isEqualTo("UXU_99999");
        assertThat(refusal.get("message").asText()).endsWith(": code (otp.verify.hourly-failures)");
    }

    private static String voiceMethod(ContactInfoServer server) {
        try {
            return server.contactMethodOf(Channel.VOICE);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static UxuError errorCoded(String code) {
        return Arrays.stream(UxuError.values()).filter(e -> e.code().equals(code)).findFirst().orElseThrow();
    }
}
