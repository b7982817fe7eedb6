package io.contactinfo.adapter.rest.contactinfo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactinfo.application.port.out.Notification;
import io.contactinfo.domain.contact.Channel;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code PUT /customers/{customerId}:contact-info} over real HTTP; its refusals are in {@link UxuErrorCodesTest}. */
class UpdateContactInfoApiTest {

    private ContactInfoServer server;

    @BeforeEach
    void start() {
        server = new ContactInfoServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void replacesThePhoneAndPostalAddressAndTellsTheOldAndTheNewNumber() throws Exception {
        HttpResponse<String> response = server.call("PUT", "/customers/c-1001:contact-info").json("""
                {"userIdType":"CUSTOMER_ID",
                 "phoneNumber":{"oldPhoneNumber":"2125550147","oldCountryCode":"1","newPhoneNumber":"2125550199","newCountryCode":"USA"},
                 "postalAddress":{"address1":"1 Main St","address2":"Apt 2","city":"Springfield","state":"IL","postalCode":"62701-1234","country":"USA"},
                 "somethingNew":"ignored"}""").send();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("Content-Type")).isEmpty();
        assertThat(response.headers().firstValue("correlationId")).contains(ContactInfoServer.CORRELATION_ID);
        JsonNode methods = server.call("GET", "/customers/c-1001/contact-methods").sendForJson().get("contactMethods");
        assertThat(methods).extracting(m -> m.get("destination").asText()).contains("(***) ***-0199")
                .doesNotContain("(***) ***-0147");
        List<Notification> sent = server.ports.outbox().pending();
        assertThat(sent).allSatisfy(n -> {
            assertThat(n.kind()).isEqualTo(Notification.Kind.CONTACT_CHANGED);
            assertThat(n.parameters()).containsEntry("changed", "phoneNumber,postalAddress");
        });
        assertThat(sent).extracting(Notification::channel, Notification::destination).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(Channel.SMS, "2125550147"),
                org.assertj.core.groups.Tuple.tuple(Channel.SMS, "2125550199"));
        assertThat(server.ports.audit().records()).anySatisfy(r -> assertThat(r.action()).isEqualTo("contact-info.updated"));
    }

    @Test
    void changesTheEmailOfTheCustomerNamedByLoginIdAndTellsTheOldAndTheNewAddress() throws Exception {
        HttpResponse<String> response = server.call("PUT", "/customers/Jane.Doe@example.com:contact-info")
                .json("{\"userIdType\":\"LOGIN_ID\",\"email\":{\"emailAddress\":\"jane.new@example.com\"}}").send();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        List<Notification> sent = server.ports.outbox().pending();
        assertThat(sent).extracting(Notification::channel).containsOnly(Channel.EMAIL);
        assertThat(sent).extracting(Notification::destination)
                .containsExactlyInAnyOrder("jane.doe@example.com", "jane.new@example.com");
        assertThat(sent).allSatisfy(n -> assertThat(n.parameters()).containsEntry("changed", "email"));
    }

    @Test
    void changesThePostalAddressAloneAndTellsTheUsualDestination() throws Exception {
        HttpResponse<String> response = server.call("PUT", "/customers/c-1001:contact-info")
                .json("{\"postalAddress\":{\"address1\":\"1 Main St\",\"postalCode\":\"62701\"}}").send();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        assertThat(server.ports.outbox().pending()).singleElement().satisfies(n -> {
            assertThat(n.channel()).isEqualTo(Channel.SMS);
            assertThat(n.destination()).isEqualTo("2125550147");
            assertThat(n.parameters()).containsEntry("changed", "postalAddress");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "+1", "US", "usa"})
    void acceptsTheNorthAmericanCountryCodes(String countryCode) throws Exception {
        HttpResponse<String> response = server.call("PUT", "/customers/c-1001:contact-info").json("""
                {"phoneNumber":{"oldPhoneNumber":"2125550123","oldCountryCode":"%1$s",
                 "newPhoneNumber":"2125550124","newCountryCode":"%1$s"}}""".formatted(countryCode)).send();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }

    @Test
    void aRefusedUpdateChangesAndSendsNothing() throws Exception {
        HttpResponse<String> response = server.call("PUT", "/customers/c-1001:contact-info").json("""
                {"phoneNumber":{"oldPhoneNumber":"2125550147","newPhoneNumber":"2125550199"},
                 "postalAddress":{"address1":"1 Main St","state":"XX"}}""").send();

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(server.ports.outbox().pending()).isEmpty();
        assertThat(server.call("GET", "/customers/c-1001/contact-methods").send().body()).contains("***-0147");
    }
}
