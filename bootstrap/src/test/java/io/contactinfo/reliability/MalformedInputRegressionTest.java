package io.contactinfo.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactinfo.bootstrap.ContactInfoServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The malformed requests {@link MalformedInputTest} found answered with a 500 or outside the dialect's format, each
 * kept as it was sent: a path parameter whose percent-encoding is broken (Javalin's decoding failed: 500), and the
 * requests Jetty refuses before any route sees them (an HTML page, or an empty body for PUT).
 */
@Tag("reliability")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedInputRegressionTest {

    private static final String CORRELATION_ID = "0b6f3a52-58c2-4d4e-9f57-0e0c1f6e2a41";

    private Path dataDirectory;
    private ContactInfoServer server;
    private ApiClient client;

    @BeforeAll
    void start() throws Exception {
        dataDirectory = Files.createTempDirectory("contactinfo-regression-");
        server = Servers.inJvm(dataDirectory, Optional.empty(), Clock.systemUTC());
        client = new ApiClient(URI.create("http://127.0.0.1:" + server.port()), Servers.tokens(dataDirectory));
    }

    @AfterAll
    void stop() throws Exception {
        Servers.stopAndDelete(server, dataDirectory);
    }

    @Test
    void aCustomerIdWithABrokenPercentEscape_is10012_not99998() throws Exception {
        RawHttp.Answer answer = send("PUT /digitalbanking/ux-users/v1/customers/%u0041:contact-info HTTP/1.1\r\n"
                + contactInfoHeaders() + json("{\"email\":{\"emailAddress\":\"jane@example.com\"}}"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.text()).contains("\"code\":\"UXU_10012\"");
        assertInFormat(ApiClient.CONTACT_INFO, answer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /programs/demo-bank/accounts/%u0041/users",
            "POST /programs/%u0041/enrollments", "PUT /programs/demo-bank/accounts/%u0041/status"})
    void aUsersApiPathWithABrokenPercentEscape_isNotFound_not500(String requestLine) throws Exception {
        RawHttp.Answer answer = send(requestLine + " HTTP/1.1\r\n" + usersHeaders() + json("{\"status\":\"active\"}"));

        assertThat(answer.status()).isEqualTo(404);
        assertInFormat("/programs", answer);
    }

    @Test
    void aBrokenPercentEscapeOutsideTheDialects_isNotFound() throws Exception {
        RawHttp.Answer answer = send("GET /health/%u0041 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

        assertThat(answer.status()).as(answer.text()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/digitalbanking/ux-users/v1/customers/c-1001/contact-methods",
            "/programs/demo-bank/accounts/" + CORRELATION_ID + "/users", "/v1/x-global/security/certified-phone"})
    void aControlCharacterInAHeader_isTheDialectsMalformedRequest(String path) throws Exception {
        RawHttp.Answer answer = send("GET " + path + " HTTP/1.1\r\n" + allHeaders() + "X-Note: a\u0001b\r\n\r\n");

        assertThat(answer.status()).isEqualTo(400);
        assertInFormat(path, answer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/digitalbanking/ux-users/v1/customers/c-1001:contact-info",
            "/programs/demo-bank/accounts/" + CORRELATION_ID + "/status", "/v1/x-global/security/soft-token/status"})
    void headersTooLarge_onAPut_areTheDialectsMalformedRequest_notAnEmpty431(String path) throws Exception {
        RawHttp.Answer answer = send("PUT " + path + " HTTP/1.1\r\n" + allHeaders() + "X-Big: " + "h".repeat(20_000)
                + "\r\n" + json("{\"status\":65}"));

        assertThat(answer.status()).isEqualTo(400);
        assertInFormat(path, answer);
    }

    @Test
    void twoContentLengths_areTheDialectsMalformedRequest() throws Exception {
        RawHttp.Answer answer = send("PUT /v1/x-global/security/soft-token/status HTTP/1.1\r\n" + allHeaders()
                + "Content-Type: application/json\r\nContent-Length: 13\r\nContent-Length: 14\r\n\r\n{\"status\":65}");

        assertThat(answer.status()).isEqualTo(400);
        assertInFormat("/v1/x-global/security", answer);
    }

    @Test
    void aRequestLineBrokenByALineFeed_is400AsJson_not505() throws Exception {
        RawHttp.Answer answer = send("POST /programs/a\nb/enrollments HTTP/1.1\r\n" + usersHeaders() + json("{}"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(ErrorFormats.problemWithServerError(answer.status(), answer.headers().get("content-type"),
                answer.body())).isEmpty();
    }

    @Test
    void aUriTooLongToRead_is414AsJson_notHtml() throws Exception {
        RawHttp.Answer answer = send("GET /digitalbanking/ux-users/v1/customers/" + "p".repeat(20_000)
                + "/contact-methods HTTP/1.1\r\n" + contactInfoHeaders() + "\r\n");

        assertThat(answer.status()).isEqualTo(414);
        assertThat(ErrorFormats.problemWithServerError(answer.status(), answer.headers().get("content-type"),
                answer.body())).isEmpty();
    }

    private void assertInFormat(String path, RawHttp.Answer answer) {
        assertThat(ErrorFormats.of(path).problemWithRefusal(answer.status(), answer.headers().get("content-type"),
                answer.body())).as(answer.text()).isEmpty();
    }

    private RawHttp.Answer send(String request) throws Exception {
        try (RawHttp http = new RawHttp(server.port())) {
            return http.exchange(request.getBytes(StandardCharsets.ISO_8859_1)).orElseThrow();
        }
    }

    private String contactInfoHeaders() {
        return "Host: 127.0.0.1\r\nAuthorization: Bearer " + client.token("demo-bank", "c-1001")
                + "\r\ncorrelationId: " + CORRELATION_ID + "\r\n";
    }

    private String usersHeaders() {
        return "Host: 127.0.0.1\r\nAuthorization: Bearer " + client.token("demo-bank", null)
                + "\r\nX-GD-RequestID: " + UUID.randomUUID() + "\r\n";
    }

    /** The headers of every dialect at once: each reads its own. */
    private String allHeaders() {
        return contactInfoHeaders() + "X-GD-RequestID: " + UUID.randomUUID() + "\r\nuuid: " + CORRELATION_ID
                + "\r\nclient_id: " + ApiClient.CLIENT_ID + "\r\ncountryCode: US\r\nbusinessCode: retail\r\n"
                + "channelId: web\r\n";
    }

    private static String json(String body) {
        return "Content-Type: application/json\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length
                + "\r\n\r\n" + body;
    }
}
