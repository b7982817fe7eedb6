package io.contactinfo.adapter.rest.users;

import static io.contactinfo.adapter.rest.users.UsersServer.person;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contactinfo.domain.account.AccountId;
import io.contactinfo.domain.account.AccountStatus;
import io.contactinfo.domain.institution.InstitutionId;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The KYC rows of seed 002 over real HTTP. KYC is requested by activating a pending account: its user needs
 * identifying data (400/706) and a home address with addressLine1 and either city and state or a ZIP code
 * (400/1042); once activated, the identifying data cannot change (400/705).
 */
class KycResponseCodesTest {

    private UsersServer server;

    @BeforeEach
    void start() {
        server = new UsersServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void activatingAPendingAccountWhoseUserHasNoIdentifyingData_is400_706_andLeavesItPending() throws Exception {
        JsonNode enrolled = server.enroll(pending(person(null, "2125550147")));

        HttpResponse<String> response = activate(enrolled);

        assertDetail(response, 400, 706);
        assertThat(status(enrolled)).isEqualTo(AccountStatus.PENDING);
    }

    @Test
    void activatingAPendingAccountWhoseHomeAddressKycCannotUse_is400_1042_withTheSeedsDescription()
            throws Exception {
        ObjectNode body = pending(person("123456789", "2125550147"));
        ObjectNode home = (ObjectNode) body.at("/userData/profileData/addresses/0");
        home.remove("city");
        home.remove("zipCode");
        JsonNode enrolled = server.enroll(body);

        HttpResponse<String> response = activate(enrolled);

        assertDetail(response, 400, 1042);
        assertThat(UsersServer.JSON.readTree(response.body()).at("/responseDetails/0/description").asText())
                .isEqualTo("KYC requires a home address that contains addressLine1 and either (city and state) "
                        + "or zipCode.");
    }

    @Test
    void changingTheIdentifyingDataAfterKyc_is400_705() throws Exception {
        JsonNode enrolled = server.enroll(pending(person("123456789", "2125550147")));
        assertDetail(activate(enrolled), 200, 0);
        ObjectNode update = UsersServer.JSON.createObjectNode();
        update.putObject("userData").putObject("identifyingData").put("dateOfBirth", "1980-05-17")
                .put("ssn", "987654321");

        HttpResponse<String> response = server.call("PUT", "/accounts/" + enrolled.get("accountIdentifier").asText()
                + "/users/" + enrolled.get("userIdentifier").asText()).json(update).send();

        assertDetail(response, 400, 705);
    }

    @Test
    void beforeKyc_theIdentifyingDataMayChange() throws Exception {
        JsonNode enrolled = server.enroll(pending(person("123456789", "2125550147")));
        ObjectNode update = UsersServer.JSON.createObjectNode();
        update.putObject("userData").putObject("identifyingData").put("dateOfBirth", "1980-05-17")
                .put("ssn", "987654321");

        HttpResponse<String> response = server.call("PUT", "/accounts/" + enrolled.get("accountIdentifier").asText()
                + "/users/" + enrolled.get("userIdentifier").asText()).json(update).send();

        assertDetail(response, 200, 0);
    }

    private static ObjectNode pending(ObjectNode body) {
        return body.put("status", "pending");
    }

    private HttpResponse<String> activate(JsonNode enrolled) throws Exception {
        return server.call("PUT", "/accounts/" + enrolled.get("accountIdentifier").asText() + "/status")
                .json("{\"status\":\"active\"}").send();
    }

    private AccountStatus status(JsonNode enrolled) {
        return server.ports.accounts().findById(new InstitutionId("bank-a"),
                new AccountId(UUID.fromString(enrolled.get("accountIdentifier").asText()))).orElseThrow().status();
    }

    private static void assertDetail(HttpResponse<String> response, int status, int subCode) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode detail = UsersServer.JSON.readTree(response.body()).at("/responseDetails/0");
        assertThat(detail.get("code").asInt()).as(response.body()).isEqualTo(status == 200 ? 0 : 400);
        assertThat(detail.get("subCode").asInt()).as(response.body()).isEqualTo(subCode);
    }
}
