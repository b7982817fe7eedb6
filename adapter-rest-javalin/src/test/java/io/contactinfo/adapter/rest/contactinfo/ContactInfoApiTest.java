package io.contactinfo.adapter.rest.contactinfo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET /customers/{customerId}/contact-methods} over real HTTP; its refusals are in {@link UxuErrorCodesTest}. */
class ContactInfoApiTest {

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
    void listsTheCustomersContactMethodsMaskedAndEchoesTheCorrelationId() throws Exception {
        HttpResponse<String> response = server.call("GET", "/customers/c-1001/contact-methods").send();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("correlationId")).contains(ContactInfoServer.CORRELATION_ID);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode methods = ContactInfoServer.JSON.readTree(response.body()).get("contactMethods");
        assertThat(methods).hasSize(4);
        assertThat(methods).extracting(m -> m.get("type").asText()).containsExactly("SMS", "VOICE", "VOICE", "EMAIL");
        assertThat(methods).extracting(m -> m.get("destination").asText()).containsExactly(
                "(***) ***-0147", "(***) ***-0147", "(***) ***-0123", "j***@example.com");
        assertThat(methods).extracting(m -> m.get("isDefault").asBoolean()).containsExactly(true, true, false, true);
        assertThat(methods).extracting(m -> m.get("isVerified").asBoolean()).containsExactly(true, true, false, true);
        assertThat(methods).allSatisfy(m -> assertThat(UUID.fromString(m.get("contactMethodId").asText())).isNotNull());
        assertThat(response.body()).doesNotContain("2125550147", "jane.doe");
    }

    @Test
    void headIsAnsweredWithTheStatusGetWouldHave() throws Exception {
        HttpResponse<String> own = server.call("HEAD", "/customers/c-1001/contact-methods").send();
        HttpResponse<String> another = server.call("HEAD", "/customers/c-1002/contact-methods").send();

        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(another.statusCode())
                .isEqualTo(server.call("GET", "/customers/c-1002/contact-methods").send().statusCode())
                .isEqualTo(400);
    }

    @Test
    void contactMethodIdsAreStableAcrossRequests() throws Exception {
        String first = server.call("GET", "/customers/c-1001/contact-methods").send().body();
        String second = server.call("GET", "/customers/c-1001/contact-methods").send().body();
        assertThat(first).isEqualTo(second);
    }

    @ParameterizedTest
    @ValueSource(strings = {"203.0.113.7", "203.0.113.7, 10.0.0.1", "2001:db8::1", "::ffff:192.0.2.1, 2001:db8::2",
            "0.0.0.0,255.255.255.255"})
    void acceptsAnXForwardedForOfIpLiterals(String forwardedFor) throws Exception {
        HttpResponse<String> response = server.call("GET", "/customers/c-1001/contact-methods")
                .header("X-Forwarded-For", forwardedFor).send();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void aTrailingSlashIsTheSamePath() throws Exception {
        assertThat(server.call("GET", "/customers/c-1001/contact-methods/").send().statusCode()).isEqualTo(200);
    }
}
