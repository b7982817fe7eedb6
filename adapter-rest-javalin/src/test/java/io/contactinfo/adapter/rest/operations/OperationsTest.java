package io.contactinfo.adapter.rest.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contactinfo.adapter.rest.HttpServer;
import io.contactinfo.adapter.rest.StrictJson;
import io.contactinfo.adapter.rest.contactinfo.ContactInfoApi;
import io.contactinfo.adapter.rest.contactinfo.UxuError;
import io.contactinfo.application.port.out.AccessToken;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The operations endpoints over real HTTP, beside the Contact Info API (its use cases stubbed: these tests are
 * about what is counted, not what is answered). No request here carries a token.
 */
class OperationsTest {

    private static final ObjectMapper JSON = StrictJson.MAPPER;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String CONTACT_METHODS = "/customers/{customerId}/contact-methods";

    private final AtomicBoolean databaseAnswers = new AtomicBoolean(true);
    private Javalin server;

    @BeforeEach
    void start() {
        var token = new AccessToken(Optional.of("bank-a"), Optional.of("c-1001"), Optional.of("test-client"),
                Optional.of("subject"), Set.of("institution-users:read"), Instant.now().plusSeconds(3600));
        var contactInfo = new ContactInfoApi(jwt -> token, query -> List.of(),
                command -> { }, command -> null, command -> null);
        server = HttpServer.create(List.of(contactInfo), databaseAnswers::get).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void liveIsUpWithoutAToken() throws Exception {
        HttpResponse<String> response = get("/health/live");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("{\"status\":\"UP\"}"));
    }

    @Test
    void readyIsUpWhileTheReadinessSaysSo() throws Exception {
        HttpResponse<String> response = get("/health/ready");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("{\"status\":\"UP\"}"));
    }

    @Test
    void readyIsDownWith503WhenTheDatabaseDoesNotAnswerWhileLiveStaysUp() throws Exception {
        databaseAnswers.set(false);

        HttpResponse<String> ready = get("/health/ready");

        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(ready.body())).isEqualTo(JSON.readTree("{\"status\":\"DOWN\"}"));
        assertThat(get("/health/live").statusCode()).isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health/ready"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(503);
    }

    @Test
    void aReadinessThatThrowsIsDown() throws Exception {
        server.stop();
        server = HttpServer.create(List.of(), () -> {
            throw new IllegalStateException("pool closed");
        }).start("127.0.0.1", 0);

        assertThat(get("/health/ready").statusCode()).isEqualTo(503);
    }

    @Test
    void metricsShowTheMetersTheCallerAddsToTheRegistryItGave() throws Exception {
        server.stop();
        var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.counter("contactinfo.test.things", "kind", "a").increment(3);
        server = HttpServer.create(List.of(), () -> true, registry).start("127.0.0.1", 0);

        assertThat(get("/metrics").body()).contains("contactinfo_test_things_total{kind=\"a\"} 3.0");
    }

    @Test
    void metricsCountRequestsByRouteTemplateMethodAndFinalStatus() throws Exception {
        String path = ContactInfoApi.BASE_PATH + "/customers/c-1001/contact-methods";
        String correlationId = "0b6f3a52-58c2-4d4e-9f57-0e0c1f6e2a41";
        assertThat(send(request(path).header("correlationId", correlationId)).statusCode()).isEqualTo(200);
        assertThat(send(request(path).header("correlationId", correlationId)).statusCode()).isEqualTo(200);
        // Refused by the dialect's checks (UXU_10006) before the route's handler runs.
        assertThat(send(request(path)).statusCode()).isEqualTo(400);
        assertThat(get("/no/such/path/4711").statusCode()).isEqualTo(404);

        HttpResponse<String> metrics = get("/metrics");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain").contains("version=0.0.4"));
        String route = ContactInfoApi.BASE_PATH + CONTACT_METHODS;
        assertThat(metrics.body())
                .contains("# TYPE http_server_requests_seconds histogram")
                .containsPattern(count("GET", route, 200) + " 2\\n")
                .containsPattern(count("GET", route, 400) + " 1\\n")
                .containsPattern(count("GET", RequestMetrics.UNMATCHED, 404) + " 1\\n")
                .contains("http_server_requests_seconds_bucket{method=\"GET\",route=\"" + route
                        + "\",status=\"200\",le=\"0.005\"}")
                // Ids never become label values.
                .doesNotContain("c-1001", "4711");
    }

    @Test
    void openApiDocumentIsValidOpenApi31() throws Exception {
        HttpResponse<String> response = get("/openapi.json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));

        SwaggerParseResult parsed = parse(response.body());

        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.1.");
    }

    @Test
    void theValidatorRejectsABrokenDocument() throws Exception {
        JsonNode broken = JSON.readTree(get("/openapi.json").body());
        ((ObjectNode) broken.get("paths").get("/health/live").get("get"))
                .remove("responses");
        ((ObjectNode) broken.get("components").get("schemas"))
                .remove("UxuError");

        assertThat(parse(broken.toString()).getMessages()).isNotEmpty();
    }

    @Test
    void openApiDescribesEveryOperationOfTheThreeDialects() throws Exception {
        JsonNode paths = JSON.readTree(get("/openapi.json").body()).get("paths");
        List<String> operations = new ArrayList<>();
        paths.properties().forEach(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));

        assertThat(operations).contains(
                "GET /digitalbanking/ux-users/v1/customers/{customerId}/contact-methods",
                "PUT /digitalbanking/ux-users/v1/customers/{customerId}:contact-info",
                "POST /digitalbanking/ux-users/v1/customers/{customerId}/otp",
                "POST /digitalbanking/ux-users/v1/customers/{customerId}/otp/{otpId}:verify",
                "POST /programs/{programCode}/enrollments",
                "PUT /programs/{programCode}/accounts/{accountIdentifier}/status",
                "GET /programs/{programCode}/accounts/{accountIdentifier}/users",
                "PUT /programs/{programCode}/accounts/{accountIdentifier}/users/{userIdentifier}",
                "PUT /programs/{programCode}/accounts/{accountIdentifier}/users/{userIdentifier}/name",
                "GET /v1/x-global/security/certified-phone",
                "PUT /v1/x-global/security/soft-token/status",
                "PUT /v1/x-global/security/soft-token/status/rollback");
    }

    @Test
    void openApiListsEveryUxuCodeInTheErrorBody() throws Exception {
        JsonNode codes = JSON.readTree(get("/openapi.json").body())
                .at("/components/schemas/UxuError/properties/code/enum");
        List<String> documented = new ArrayList<>();
        codes.forEach(code -> documented.add(code.asText()));

        assertThat(documented).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(UxuError.values()).map(UxuError::code).toList());
    }

    @Test
    void thePageAtTheRootIsSwaggerUiOnTheOpenApiDocumentServedLocally() throws Exception {
        HttpResponse<String> page = get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("\"/openapi.json\"").doesNotContain("http://", "https://");
        for (String asset : List.of("/swagger-ui/swagger-ui-bundle.js", "/swagger-ui/swagger-ui.css")) {
            assertThat(page.body()).contains(asset);
            assertThat(get(asset).statusCode()).as(asset).isEqualTo(200);
        }
        assertThat(get("/metrics").body())
                .containsPattern(count("GET", RequestMetrics.SWAGGER_UI_FILES, 200) + " 2\\n");
    }

    private static SwaggerParseResult parse(String document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIV3Parser().readContents(document, null, options);
    }

    private static String count(String method, String route, int status) {
        return Pattern.quote("http_server_requests_seconds_count{method=\"" + method + "\",route=\""
                + route + "\",status=\"" + status + "\"}");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Authorization", "Bearer any");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
