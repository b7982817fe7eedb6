package io.contactinfo.adapter.rest.users;

import static io.contactinfo.adapter.rest.users.UsersServer.person;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contactinfo.application.port.out.AuditRecord;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Seed 002's account limits (SPEC §4.3: 1 active / 3 lifetime per SSN, 2 active / 10 lifetime per phone number)
 * through enrollments, status changes and user updates, over real HTTP: 2/60, 2/61, 2/63, 2/66, and a declined
 * request changes nothing.
 */
class AccountLimitsApiTest {

    private static final String SSN = "123456789";
    private static final String PHONE = "2125550147";

    private UsersServer server;
    private int sequence;

    @BeforeEach
    void start() {
        server = new UsersServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String anotherSsn() {
        return String.format("%09d", 900_000_000 + ++sequence);
    }

    private String anotherPhone() {
        return String.format("646555%04d", ++sequence);
    }

    private static void assertDeclined(HttpResponse<String> response, int subCode, String description)
            throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode detail = UsersServer.JSON.readTree(response.body()).get("responseDetails").get(0);
        assertThat(detail.get("code").asInt()).as(response.body()).isEqualTo(2);
        assertThat(detail.get("subCode").asInt()).as(response.body()).isEqualTo(subCode);
        assertThat(detail.get("description").asText()).isEqualTo(description);
    }

    private HttpResponse<String> tryEnroll(ObjectNode body) throws Exception {
        return server.call("POST", "/enrollments").json(body).send();
    }

    private String enrollClosed(ObjectNode body) throws Exception {
        String account = server.enroll(body).get("accountIdentifier").asText();
        server.status(account, "closed");
        return account;
    }

    /** Sends {@code userData} as an update of the user enrolled in {@code enrolled}. */
    private HttpResponse<String> update(JsonNode enrolled, ObjectNode body) throws Exception {
        return server.call("PUT", "/accounts/" + enrolled.get("accountIdentifier").asText() + "/users/"
                + enrolled.get("userIdentifier").asText()).json(body).send();
    }

    private static ObjectNode identity(String ssn) {
        ObjectNode body = UsersServer.JSON.createObjectNode();
        body.putObject("userData").putObject("identifyingData").put("dateOfBirth", "1980-05-17").put("ssn", ssn);
        return body;
    }

    private static ObjectNode phone(String number) {
        ObjectNode body = UsersServer.JSON.createObjectNode();
        body.putObject("userData").putArray("phoneNumbers").addObject().put("number", number).put("type", "mobile");
        return body;
    }

    @Test
    void givenAnActiveAccountWithTheSsn_enrollment_isDeclinedWith2_60() throws Exception {
        server.enroll(person(SSN, anotherPhone()));

        assertDeclined(tryEnroll(person(SSN, anotherPhone())), 60, "Number of Active Accounts Exceeded.");
        assertThat(server.accounts()).isEqualTo(1);
    }

    @Test
    void aDeclinedEnrollment_isAuditedAsALimitRefusal_thoughItsIdempotentUnitOfWorkWasUndone() throws Exception {
        server.enroll(person(SSN, anotherPhone()));

        assertDeclined(tryEnroll(person(SSN, anotherPhone())), 60, "Number of Active Accounts Exceeded.");

        assertThat(server.ports.audit().records()).extracting(AuditRecord::action)
                .containsExactly("enrollment.created", "limits.refused");
        assertThat(server.ports.audit().records().get(1).changes())
                .extracting(change -> change.field() + "=" + change.after().orElse(""))
                .contains("rule=limits.ssn.active", "ssn=*****" + SSN.substring(5));
    }

    @Test
    void givenAPendingOrLockedAccountWithTheSsn_enrollment_isDeclinedWith2_60() throws Exception {
        ObjectNode pending = person(SSN, anotherPhone());
        pending.put("status", "pending");
        server.enroll(pending);
        assertDeclined(tryEnroll(person(SSN, anotherPhone())), 60, "Number of Active Accounts Exceeded.");

        String ssn = anotherSsn();
        String locked = server.enroll(person(ssn, anotherPhone())).get("accountIdentifier").asText();
        server.status(locked, "locked");
        assertDeclined(tryEnroll(person(ssn, anotherPhone())), 60, "Number of Active Accounts Exceeded.");
    }

    @Test
    void givenTheSsnsAccountClosed_enrollment_isAccepted_untilThreeLifetimeAccounts_then2_61() throws Exception {
        enrollClosed(person(SSN, anotherPhone()));
        enrollClosed(person(SSN, anotherPhone()));
        enrollClosed(person(SSN, anotherPhone()));

        assertDeclined(tryEnroll(person(SSN, anotherPhone())), 61,
                "Number of Activated Accounts over Lifetime exceeded.");
        assertThat(server.accounts()).isEqualTo(3);
    }

    @Test
    void givenTwoActiveAccountsWithThePhone_enrollment_isDeclinedWith2_63_untilOneIsClosed() throws Exception {
        String first = server.enroll(person(anotherSsn(), PHONE)).get("accountIdentifier").asText();
        server.enroll(person(anotherSsn(), anotherPhone(), PHONE));

        assertDeclined(tryEnroll(person(anotherSsn(), PHONE)), 63, "Number of Active Accounts Exceeded.");

        server.status(first, "closed");
        assertThat(tryEnroll(person(anotherSsn(), PHONE)).statusCode()).isEqualTo(201);
    }

    @Test
    void givenTenLifetimeAccountsWithThePhone_enrollment_isDeclinedWith2_66() throws Exception {
        for (int i = 0; i < 10; i++) {
            enrollClosed(person(anotherSsn(), PHONE));
        }

        assertDeclined(tryEnroll(person(anotherSsn(), PHONE)), 66,
                "Number of Activated Accounts over Lifetime exceeded");
        assertThat(server.accounts()).isEqualTo(10);
    }

    @Test
    void givenAnActiveAccountWithTheSsn_anUpdateToIt_isDeclinedWith2_60() throws Exception {
        server.enroll(person(SSN, anotherPhone()));
        JsonNode other = server.enroll(person(null, anotherPhone()));

        assertDeclined(update(other, identity(SSN)), 60, "Number of Active Accounts Exceeded.");
        assertThat(server.call("GET", "/accounts/" + other.get("accountIdentifier").asText() + "/users")
                .sendForJson().at("/users/0/identities").size()).isZero();
    }

    @Test
    void givenThreeLifetimeAccountsWithTheSsn_anUpdateToIt_isDeclinedWith2_61() throws Exception {
        for (int i = 0; i < 3; i++) {
            enrollClosed(person(SSN, anotherPhone()));
        }
        JsonNode other = server.enroll(person(null, anotherPhone()));

        assertDeclined(update(other, identity(SSN)), 61, "Number of Activated Accounts over Lifetime exceeded.");
    }

    @Test
    void givenTwoActiveAccountsWithThePhone_anUpdateToIt_isDeclinedWith2_63_untilOneIsClosed() throws Exception {
        String first = server.enroll(person(anotherSsn(), PHONE)).get("accountIdentifier").asText();
        server.enroll(person(anotherSsn(), PHONE));
        JsonNode other = server.enroll(person(anotherSsn(), anotherPhone()));

        assertDeclined(update(other, phone(PHONE)), 63, "Number of Active Accounts Exceeded.");

        server.status(first, "closed");
        assertThat(update(other, phone(PHONE)).statusCode()).isEqualTo(200);
    }

    @Test
    void givenTenLifetimeAccountsWithThePhone_anUpdateToIt_isDeclinedWith2_66() throws Exception {
        for (int i = 0; i < 10; i++) {
            enrollClosed(person(anotherSsn(), PHONE));
        }
        JsonNode other = server.enroll(person(anotherSsn(), anotherPhone()));

        assertDeclined(update(other, phone(PHONE)), 66, "Number of Activated Accounts over Lifetime exceeded");
    }
}
