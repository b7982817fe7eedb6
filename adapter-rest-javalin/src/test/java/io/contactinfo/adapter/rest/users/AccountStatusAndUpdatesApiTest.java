package io.contactinfo.adapter.rest.users;

import static io.contactinfo.adapter.rest.users.UsersServer.person;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contactinfo.domain.contact.PhoneNumber;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.otp.ContactVerification;
import io.contactinfo.domain.otp.ContactVerificationId;
import io.contactinfo.domain.user.UserId;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Enrollment, the account's status, the update of a user and of their name, and the masked list, over real HTTP:
 * successes with {@code 0/0}, the locked account's HTTP 200 with 5/362, {@code contactVerificationIdentifiers}.
 */
class AccountStatusAndUpdatesApiTest {

    private UsersServer server;
    private JsonNode jane;
    private String account;
    private String user;

    @BeforeEach
    void start() throws Exception {
        server = new UsersServer();
        ObjectNode body = person("123456789", "2125550147", "2125550123");
        body.put("institutionCustomerId", "c-1001").put("peerTransferAcceptPreference", "automatic");
        body.putArray("termsAcceptances").addObject().put("termsIdentifier", "daa")
                .put("termsAcceptanceDateTime", "2018-09-15T13:34:22.113Z").put("termsAcceptanceFlag", true);
        jane = server.enroll(body);
        account = "/accounts/" + jane.get("accountIdentifier").asText();
        user = account + "/users/" + jane.get("userIdentifier").asText();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static void assertDetail(HttpResponse<String> response, int status, int code, int subCode)
            throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode detail = UsersServer.JSON.readTree(response.body()).get("responseDetails").get(0);
        assertThat(detail.get("code").asInt()).as(response.body()).isEqualTo(code);
        assertThat(detail.get("subCode").asInt()).as(response.body()).isEqualTo(subCode);
        UsersServer.assertLeadsToItsRow(detail);
    }

    private static ObjectNode name(String first, String last) {
        ObjectNode body = UsersServer.JSON.createObjectNode();
        body.putObject("userData").putObject("profileData").put("firstName", first).put("lastName", last);
        return body;
    }

    @Test
    void enrollment_answers201_withTheAccountUserAndCustomer_andSuccess() {
        assertThat(jane.get("accountIdentifier").asText()).hasSize(36);
        assertThat(jane.get("userIdentifier").asText()).hasSize(36);
        assertThat(jane.get("institutionCustomerId").asText()).isEqualTo("c-1001");
        assertThat(jane.get("responseDetails").get(0).toString()).isEqualTo(
                "{\"code\":0,\"subCode\":0,\"description\":\"Success\",\"url\":\"/programs/response-codes#0-0\"}");
    }

    @Test
    void list_showsTheUserMaskedAsSeed002Does_neverTheSsnDateOfBirthPhoneOrEmail() throws Exception {
        HttpResponse<String> response = server.call("GET", account + "/users").send();

        assertDetail(response, 200, 0, 0);
        JsonNode users = UsersServer.JSON.readTree(response.body()).get("users");
        assertThat(users).hasSize(1);
        JsonNode jane = users.get(0);
        assertThat(jane.get("accountIdentifier").asText()).isEqualTo(this.jane.get("accountIdentifier").asText());
        assertThat(jane.get("peerTransferAcceptPreference").asText()).isEqualTo("automatic");
        assertThat(jane.at("/profileData/firstName").asText()).isEqualTo("Jane");
        assertThat(jane.at("/profileData/addresses/0/addressLine1").asText()).isEqualTo("*****E Foothill Blvd");
        assertThat(jane.at("/profileData/addresses/0/type").asText()).isEqualTo("Home");
        assertThat(jane.at("/profileData/addresses/0/countryCode").asText()).isEqualTo("USA");
        assertThat(jane.at("/profileData/addresses/0/isDefault").asBoolean()).isTrue();
        assertThat(jane.at("/email/emailAddress").asText()).isEqualTo("j***@example.com");
        assertThat(jane.at("/email/isDefault").asBoolean()).isTrue();
        assertThat(jane.at("/phoneNumbers/0/number").asText()).isEqualTo("21******47");
        assertThat(jane.at("/phoneNumbers/0/type").asText()).isEqualTo("mobile");
        assertThat(jane.at("/phoneNumbers/0/isDefault").asBoolean()).isTrue();
        assertThat(jane.at("/phoneNumbers/1/number").asText()).isEqualTo("21******23");
        assertThat(jane.at("/identities/0/identityType").asText()).isEqualTo("ssn");
        assertThat(jane.at("/identities/0/last4Identity").asText()).isEqualTo("6789");
        assertThat(jane.at("/termsAcceptances/0/termsIdentifier").asText()).isEqualTo("daa");
        assertThat(response.body()).doesNotContain("123456789", "1980-05-17", "2125550147", "2125550123",
                "jane.doe", "1234 E");
    }

    @Test
    void statusChanges_lockUnlockClose_answer200WithTheNewStatus() throws Exception {
        for (String status : new String[] {"locked", "active", "closed"}) {
            HttpResponse<String> response = server.call("PUT", account + "/status")
                    .json("{\"status\":\"" + status + "\"}").send();
            assertDetail(response, 200, 0, 0);
            assertThat(UsersServer.JSON.readTree(response.body()).get("status").asText()).isEqualTo(status);
        }
    }

    @Test
    void givenAClosedAccount_reopening_isRefusedWith5_363() throws Exception {
        server.status(jane.get("accountIdentifier").asText(), "closed");

        assertDetail(server.call("PUT", account + "/status").json("{\"status\":\"active\"}").send(), 400, 5, 363);
    }

    @Test
    void anUnknownStatus_isRefusedWith400_910() throws Exception {
        assertDetail(server.call("PUT", account + "/status").json("{\"status\":\"open\"}").send(), 400, 400, 910);
    }

    @Test
    void givenALockedAccount_anUpdate_isRefusedWithHttp200And5_362_andChangesNothing() throws Exception {
        server.status(jane.get("accountIdentifier").asText(), "locked");
        JsonNode before = server.call("GET", account + "/users").sendForJson();

        HttpResponse<String> response = server.call("PUT", user).json(name("Janet", "Doe")).send();
        HttpResponse<String> renamed = server.call("PUT", user + "/name").json(name("Janet", "Doe")).send();

        assertDetail(response, 200, 5, 362);
        assertThat(UsersServer.JSON.readTree(response.body()).at("/responseDetails/0/description").asText())
                .isEqualTo("A user profile cannot be updated for a locked account");
        assertDetail(renamed, 200, 5, 362);
        assertThat(server.call("GET", account + "/users").sendForJson()).isEqualTo(before);
    }

    @Test
    void givenAPendingAccount_anUpdate_isAccepted() throws Exception {
        ObjectNode pending = person(null, "6465550100");
        pending.put("status", "pending");
        JsonNode enrolled = server.enroll(pending);

        HttpResponse<String> response = server.call("PUT", "/accounts/" + enrolled.get("accountIdentifier").asText()
                + "/users/" + enrolled.get("userIdentifier").asText()).json(name("Janet", "Doe")).send();

        assertDetail(response, 200, 0, 0);
    }

    @Test
    void givenAClosedAccount_anUpdate_isRefusedWithHttp200And5_364() throws Exception {
        server.status(jane.get("accountIdentifier").asText(), "closed");

        assertDetail(server.call("PUT", user).json(name("Janet", "Doe")).send(), 200, 5, 364);
    }

    @Test
    void nameUpdate_changesOnlyTheName() throws Exception {
        assertDetail(server.call("PUT", user + "/name").json(name("Janet", "Doe-Smith")).send(), 200, 0, 0);

        JsonNode listed = server.call("GET", account + "/users").sendForJson().at("/users/0");
        assertThat(listed.at("/profileData/firstName").asText()).isEqualTo("Janet");
        assertThat(listed.at("/profileData/lastName").asText()).isEqualTo("Doe-Smith");
        assertThat(listed.at("/phoneNumbers/0/number").asText()).isEqualTo("21******47");
    }

    @Test
    void nameUpdate_withoutAFirstName_isRefusedWith400_501() throws Exception {
        assertDetail(server.call("PUT", user + "/name").json("{\"userData\":{\"profileData\":{\"lastName\":\"Doe\"}}}")
                .send(), 400, 400, 501);
        assertDetail(server.call("PUT", user + "/name").json("{}").send(), 400, 400, 501);
    }

    @Test
    void aNewPhoneProvedByAContactVerification_isStoredVerified_andTheProofIsUsedOnce() throws Exception {
        ContactVerificationId proof = ContactVerificationId.random();
        server.ports.otps().add(new InstitutionId("bank-a"), new ContactVerification(proof,
                new UserId(UUID.fromString(jane.get("userIdentifier").asText())), new PhoneNumber("2125550199"),
                UsersServer.NOW, UsersServer.NOW.plus(Duration.ofMinutes(30)), false));
        ObjectNode body = UsersServer.JSON.createObjectNode();
        body.putObject("userData").putArray("phoneNumbers").addObject().put("number", "2125550199")
                .put("type", "mobile");
        body.putArray("contactVerificationIdentifiers").add(proof.value().toString());

        assertDetail(server.call("PUT", user).json(body).send(), 200, 0, 0);
        JsonNode phone = server.call("GET", account + "/users").sendForJson().at("/users/0/phoneNumbers/0");
        assertThat(phone.get("number").asText()).isEqualTo("21******99");
        assertThat(phone.get("isVerified").asBoolean()).isTrue();

        assertDetail(server.call("PUT", user).json(body).send(), 400, 400, 540);
    }

    @Test
    void aNewPhoneWithoutProof_isStoredUnverified() throws Exception {
        ObjectNode body = UsersServer.JSON.createObjectNode();
        body.putObject("userData").putArray("phoneNumbers").addObject().put("number", "2125550199")
                .put("type", "mobile");

        assertDetail(server.call("PUT", user).json(body).send(), 200, 0, 0);
        JsonNode phone = server.call("GET", account + "/users").sendForJson().at("/users/0/phoneNumbers/0");
        assertThat(phone.get("isVerified").asBoolean()).isFalse();
    }

    @Test
    void anUnknownContactVerification_isRefusedWith400_540() throws Exception {
        ObjectNode body = UsersServer.JSON.createObjectNode();
        body.putArray("contactVerificationIdentifiers").add(UUID.randomUUID().toString());

        assertDetail(server.call("PUT", user).json(body).send(), 400, 400, 540);
    }
}
