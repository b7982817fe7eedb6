package io.contactinfo.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.contactinfo.adapter.auth.DevSigningKey;
import io.contactinfo.adapter.auth.JwtSettings;
import io.contactinfo.adapter.auth.TokenMinter;
import io.contactinfo.adapter.notification.WebhookSignature.Verification;
import io.contactinfo.adapter.notification.testing.RecordingGateway;
import io.contactinfo.adapter.rest.users.encryption.EncryptedPayload;
import io.contactinfo.adapter.rest.users.encryption.PemKeys;
import io.contactinfo.adapter.rest.users.encryption.UserDataEncryptor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole server as a user runs it: dev mode, an H2 file, real tokens, real HTTP. */
class ContactInfoServerTest {

    /** One JSON value and nothing after it, as a strict client reads an answer. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Set<String> READ = Set.of("institution-users:read");
    private static final String CORRELATION_ID = "5d1b7a0e-2f43-4c4b-8f0c-3a6f4a0e9b21";

    @TempDir
    Path dataDirectory;

    @Test
    void thePrintedCurlLineAnswersWithTheDemoCustomersMaskedContactMethods() throws Exception {
        try (var server = start(Map.of())) {
            String curl = Main.curlExample(server.port(), server.devTokens().orElseThrow()
                    .mint("demo-bank", "c-1001", READ, Main.DEV_TOKEN_LIFETIME));

            HttpResponse<String> response = HTTP.send(asRequest(curl), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode methods = JSON.readTree(response.body()).get("contactMethods");
            assertThat(methods).extracting(m -> m.get("destination").asText())
                    .containsExactly("(***) ***-0147", "(***) ***-0147", "(***) ***-0123", "j***@example.com");
            assertThat(response.body()).doesNotContain("2125550147", "jane.doe");
        }
    }

    @Test
    void withoutACorrelationIdTheAnswerIs10006() throws Exception {
        try (var server = start(Map.of())) {
            String token = server.devTokens().orElseThrow().mint("demo-bank", "c-1001", READ, Duration.ofMinutes(5));

            HttpResponse<String> response = get(server, "c-1001", token, null);

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo("UXU_10006");
        }
    }

    @Test
    void aTokenForAnotherCustomerIsRefusedWith10011() throws Exception {
        try (var server = start(Map.of())) {
            String token = server.devTokens().orElseThrow().mint("demo-bank", "c-1002", READ, Duration.ofMinutes(5));

            HttpResponse<String> response = get(server, "c-1001", token, CORRELATION_ID);

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo("UXU_10011");
            assertThat(response.headers().firstValue("correlationId")).contains(CORRELATION_ID);
        }
    }

    @Test
    void anExpiredTokenIsRefusedWith10003() throws Exception {
        try (var server = start(Map.of())) {
            var twoHoursAgo = Clock.offset(Clock.systemUTC(), Duration.ofHours(-2));
            var key = DevSigningKey.loadOrCreate(dataDirectory.resolve(ContactInfoServer.DEV_KEY_FILE));
            String expired = new TokenMinter(key.signingKey(), JwtSettings.ClaimNames.defaults(), Optional.empty(),
                    Optional.empty(), twoHoursAgo).mint("demo-bank", "c-1001", READ, Duration.ofHours(1));

            HttpResponse<String> response = get(server, "c-1001", expired, CORRELATION_ID);

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo("UXU_10003");
        }
    }

    @Test
    void aRestartKeepsTheSigningKeyAndLoadsTheDemoCustomersOnlyOnce() throws Exception {
        String token;
        String before;
        try (var server = start(Map.of())) {
            token = server.devTokens().orElseThrow().mint("demo-bank", "c-1001", READ, Duration.ofMinutes(5));
            before = get(server, "c-1001", token, CORRELATION_ID).body();
        }
        try (var restarted = start(Map.of())) {
            HttpResponse<String> after = get(restarted, "c-1001", token, CORRELATION_ID);

            assertThat(after.statusCode()).isEqualTo(200);
            assertThat(after.body()).isEqualTo(before);
        }
    }

    @Test
    void tokensSignedByAKeyOfTheConfiguredJwksAreAccepted() throws Exception {
        RSAKey issuerKey = new RSAKeyGenerator(2048).keyID("bank-issuer").generate();
        Path jwks = Files.writeString(dataDirectory.resolve("jwks.json"),
                new JWKSet(issuerKey.toPublicJWK()).toString());
        try (var server = start(Map.of(Setting.JWKS_URI, jwks.toUri().toString()))) {
            String token = new TokenMinter(issuerKey, JwtSettings.ClaimNames.defaults(), Optional.empty(),
                    Optional.empty(), Clock.systemUTC()).mint("demo-bank", "c-1001", READ, Duration.ofMinutes(5));

            assertThat(get(server, "c-1001", token, CORRELATION_ID).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void tokensSignedByAKeyOfAConfiguredPemFileAreAccepted_andAnUnusableFileIsOneProblem() throws Exception {
        ECKey issuerKey = new ECKeyGenerator(Curve.P_256).keyID("bank-issuer-2026").generate();
        Path pem = Files.writeString(dataDirectory.resolve("issuer.pem"), "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(issuerKey.toECPublicKey().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        try (var server = start(Map.of(Setting.JWT_PUBLIC_KEYS, pem.toString()))) {
            String token = new TokenMinter(issuerKey, JwtSettings.ClaimNames.defaults(), Optional.empty(),
                    Optional.empty(), Clock.systemUTC()).mint("demo-bank", "c-1001", READ, Duration.ofMinutes(5));
            String forged = new TokenMinter(new ECKeyGenerator(Curve.P_256).keyID("bank-issuer-2026").generate(),
                    JwtSettings.ClaimNames.defaults(), Optional.empty(), Optional.empty(), Clock.systemUTC())
                    .mint("demo-bank", "c-1001", READ, Duration.ofMinutes(5));

            assertThat(get(server, "c-1001", token, CORRELATION_ID).statusCode()).isEqualTo(200);
            assertThat(get(server, "c-1001", forged, CORRELATION_ID).body()).contains("\"UXU_10001\"");
        }
        Path notAKey = Files.writeString(dataDirectory.resolve("not-a-key.pem"), "hello");

        assertThatThrownBy(() -> start(Map.of(Setting.JWT_PUBLIC_KEYS, notAKey.toString())))
                .isInstanceOfSatisfying(ConfigurationException.class, refused -> assertThat(refused.problems())
                        .containsExactly("CONTACTINFO_JWT_PUBLIC_KEYS lists " + notAKey
                                + ": no -----BEGIN PUBLIC KEY----- block"));
    }

    @Test
    void whenAnIssuerAndAudienceAreConfiguredOnlyTokensNamingThemAreAccepted() throws Exception {
        var settings = Map.of(Setting.JWT_ISSUER, "https://login.bank.example", Setting.JWT_AUDIENCE, "contact-info");
        try (var server = start(settings)) {
            var key = DevSigningKey.loadOrCreate(dataDirectory.resolve(ContactInfoServer.DEV_KEY_FILE));
            String named = new TokenMinter(key.signingKey(), JwtSettings.ClaimNames.defaults(),
                    Optional.of("https://login.bank.example"), Optional.of("contact-info"), Clock.systemUTC())
                    .mint("demo-bank", "c-1001", READ, Duration.ofMinutes(5));
            String unnamed = new TokenMinter(key.signingKey(), JwtSettings.ClaimNames.defaults(), Optional.empty(),
                    Optional.empty(), Clock.systemUTC()).mint("demo-bank", "c-1001", READ, Duration.ofMinutes(5));

            assertThat(get(server, "c-1001", named, CORRELATION_ID).statusCode()).isEqualTo(200);
            HttpResponse<String> refused = get(server, "c-1001", unnamed, CORRELATION_ID);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(refused.body()).get("code").asText()).isEqualTo("UXU_10001");
        }
    }

    @Test
    void anEmailUpdatedThroughTheContactInfoApiIsStoredAndListedMasked() throws Exception {
        try (var server = start(Map.of())) {
            String token = server.devTokens().orElseThrow().mint("demo-bank", "c-1001",
                    Set.of("institution-users:read", "institution-users:write"), Duration.ofMinutes(5));
            HttpRequest update = HttpRequest.newBuilder(URI.create(base(server) + "/customers/c-1001:contact-info"))
                    .header("Authorization", "Bearer " + token).header("correlationId", CORRELATION_ID)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(
                            "{\"userIdType\":\"CUSTOMER_ID\",\"email\":{\"emailAddress\":\"jane+new@example.org\"}}"))
                    .build();

            assertThat(HTTP.send(update, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(204);

            JsonNode methods = JSON.readTree(get(server, "c-1001", token, CORRELATION_ID).body()).get("contactMethods");
            assertThat(methods).extracting(m -> m.get("destination").asText()).contains("j***@example.org");
        }
    }

    @Test
    void theSecurityApiAnswersForTheTokensCustomer() throws Exception {
        try (var server = start(Map.of())) {
            String token = server.devTokens().orElseThrow().mint("demo-bank", "c-1001", READ, Duration.ofMinutes(5));
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port()
                            + "/v1/x-global/security/certified-phone"))
                    .header("Authorization", "Bearer " + token).header("uuid", CORRELATION_ID)
                    .header("client_id", "contact-info-dev").header("countryCode", "US")
                    .header("businessCode", "retail").header("channelId", "web").header("Accept-Language", "es")
                    .build();

            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

            // The demo customer has not certified a phone yet.
            assertThat(response.statusCode()).isEqualTo(404);
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.get("code").asText()).isEqualTo("resourceNotFound");
            assertThat(body.get("uuid").asText()).isEqualTo(CORRELATION_ID);
        }
    }

    @Test
    void theOperationsEndpointsAnswerWithoutATokenAndReadinessAsksTheDatabase() throws Exception {
        try (var server = start(Map.of())) {
            String root = "http://localhost:" + server.port();

            HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(URI.create(root + "/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(ready.body()).get("status").asText()).isEqualTo("UP");
            for (String path : List.of("/health/live", "/openapi.json", "/", "/programs/response-codes")) {
                assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(root + path)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode()).as(path).isEqualTo(200);
            }
            String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(root + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).contains("http_server_requests_seconds_count{method=\"GET\",route=\"/health/ready\","
                    + "status=\"200\"} 1");
        }
    }

    @Test
    void anEnrollmentThroughTheUsersApiIsStoredEncryptedReplayedOnRetryAndListedMasked() throws Exception {
        try (var server = start(Map.of())) {
            String token = server.devTokens().orElseThrow().mint("demo-bank", null,
                    Set.of("institution-users:read", "institution-users:write"), Duration.ofMinutes(5));
            String enrollment = """
                    {"institutionCustomerId":"c-2001","userData":{
                      "profileData":{"firstName":"Ana","lastName":"Ortiz","addresses":[{"addressLine1":"1234 E Foothill Blvd",
                        "city":"Pasadena","state":"CA","zipCode":"91107-1234","type":"home","isDefault":true}]},
                      "identifyingData":{"dateOfBirth":"1985-02-03","ssn":"123456789"},
                      "email":{"emailAddress":"ana.ortiz@example.com"},
                      "phoneNumbers":[{"number":"2125550177","type":"mobile","isDefault":true}]}}""";
            String requestId = "8a4b0f6e-4f1c-4d0e-9c1a-2b7e5d3c9f10";

            HttpResponse<String> created = usersApi(server, "POST", "/programs/demo-bank/enrollments", token,
                    requestId, enrollment);
            HttpResponse<String> retried = usersApi(server, "POST", "/programs/demo-bank/enrollments", token,
                    requestId, enrollment);

            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(retried.statusCode()).isEqualTo(201);
            assertThat(retried.body()).isEqualTo(created.body());
            String account = JSON.readTree(created.body()).get("accountIdentifier").asText();
            HttpResponse<String> users = usersApi(server, "GET", "/programs/demo-bank/accounts/" + account + "/users",
                    token, "5c0f7e1a-9d2b-4f3e-8a6c-1b2d3e4f5a6b", null);
            assertThat(users.statusCode()).isEqualTo(200);
            JsonNode ana = JSON.readTree(users.body()).get("users").get(0);
            assertThat(ana.at("/profileData/addresses/0/zipCode").asText()).isEqualTo("91107");
            assertThat(ana.at("/identities/0/last4Identity").asText()).isEqualTo("6789");
            assertThat(users.body()).doesNotContain("123456789", "2125550177", "ana.ortiz", "1985-02-03");
        }
    }

    @Test
    void anEnrollmentEncryptedForTheDevKeysPublicHalf_isDecryptedAndStored() throws Exception {
        try (var server = start(Map.of())) {
            String token = server.devTokens().orElseThrow().mint("demo-bank", null,
                    Set.of("institution-users:read", "institution-users:write"), Duration.ofMinutes(5));
            PublicKey serverKey = PemKeys.readPublicKey(
                    Files.readString(dataDirectory.resolve(UserDataKeys.DEV_PUBLIC_KEY_FILE)));
            String userData = """
                    {"profileData":{"firstName":"Ana","lastName":"Ortiz","addresses":[{"addressLine1":"1234 E Foothill Blvd",
                      "city":"Pasadena","state":"CA","zipCode":"91107","type":"home","isDefault":true}]},
                     "identifyingData":{"dateOfBirth":"1985-02-03","ssn":"123456789"}}""";
            UUID requestId = UUID.randomUUID();
            EncryptedPayload encrypted = UserDataEncryptor.ecV1(serverKey, "demo-bank", requestId,
                    userData.getBytes(StandardCharsets.UTF_8));
            String body = "{\"encryptedUserData\":" + JSON.writeValueAsString(encrypted) + "}";

            HttpResponse<String> created = usersApi(server, "POST", "/programs/demo-bank/enrollments", token,
                    requestId.toString(), body);

            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String account = JSON.readTree(created.body()).get("accountIdentifier").asText();
            JsonNode ana = JSON.readTree(usersApi(server, "GET", "/programs/demo-bank/accounts/" + account + "/users",
                    token, UUID.randomUUID().toString(), null).body()).get("users").get(0);
            assertThat(ana.at("/profileData/lastName").asText()).isEqualTo("Ortiz");
            assertThat(ana.at("/identities/0/last4Identity").asText()).isEqualTo("6789");
        }
    }

    @Test
    void aDemoCustomersSoftTokenMovesFromPreAssignedToActive() throws Exception {
        try (var server = start(Map.of())) {
            String token = server.devTokens().orElseThrow().mint("demo-bank", "c-1001",
                    Set.of("institution-users:write"), Duration.ofMinutes(5));
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port()
                            + "/v1/x-global/security/soft-token/status"))
                    .header("Authorization", "Bearer " + token).header("uuid", CORRELATION_ID)
                    .header("client_id", "contact-info-dev").header("countryCode", "US")
                    .header("businessCode", "retail").header("channelId", "web")
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"status\":65}")).build();

            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(response.body()).get("previousStatus").asInt()).isEqualTo(64);
            assertThat(JSON.readTree(response.body()).get("status").asInt()).isEqualTo(65);
        }
    }

    @Test
    void inDevModeWithAWebhook_anSmsPasscodeOfTheConfiguredLengthIsPostedSigned_countedAndVerifiable()
            throws Exception {
        String secret = "whsec-0123456789abcdef0123456789abcdef";
        try (RecordingGateway gateway = RecordingGateway.start(secret, Clock.systemUTC());
             var server = start(Map.of(Setting.WEBHOOK_URL, gateway.url().toString(),
                     Setting.WEBHOOK_SECRET, secret, Setting.OTP_CODE_LENGTH, "8"))) {
            String token = server.devTokens().orElseThrow().mint("demo-bank", "c-1001",
                    Set.of("institution-users:read", "institution-users:write"), Duration.ofMinutes(5));
            String sms = StreamSupport.stream(JSON.readTree(get(server, "c-1001", token, CORRELATION_ID).body())
                            .get("contactMethods").spliterator(), false)
                    .filter(m -> m.get("type").asText().equals("SMS")).findFirst().orElseThrow()
                    .get("contactMethodId").asText();

            HttpResponse<String> sent = post(server, base(server) + "/customers/c-1001/otp", token,
                    "{\"contactMethodId\":\"" + sms + "\",\"purpose\":\"CONTACT_VERIFICATION\"}");
            assertThat(sent.statusCode()).isEqualTo(202);

            // The outbox is drained every second.
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (gateway.accepted().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(gateway.accepted()).singleElement().satisfies(request ->
                    assertThat(request.verification()).isEqualTo(Verification.VALID));
            JsonNode message = JSON.readTree(gateway.accepted().get(0).body());
            assertThat(message.get("to").asText()).isEqualTo("+12125550147");
            Matcher code = Pattern.compile("^(\\d{8}) ").matcher(message.get("text").asText());
            assertThat(code.find()).isTrue();

            String otpId = JSON.readTree(sent.body()).get("otpId").asText();
            HttpResponse<String> verified = post(server, base(server) + "/customers/c-1001/otp/" + otpId + ":verify",
                    token, "{\"code\":\"" + code.group(1) + "\"}");
            assertThat(JSON.readTree(verified.body()).get("verified").asBoolean()).isTrue();
            String metrics = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port()
                    + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).contains("contactinfo_notifications_total{channel=\"SMS\",outcome=\"delivered\"} 1.0",
                    "contactinfo_notifications_total{channel=\"EMAIL\",outcome=\"rejected\"} 0.0");
        }
    }

    private static HttpResponse<String> post(ContactInfoServer server, String url, String token, String body)
            throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("correlationId", CORRELATION_ID)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> usersApi(ContactInfoServer server, String method, String path, String token,
                                                 String requestId, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                .header("Authorization", "Bearer " + token).header("X-GD-RequestID", requestId)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String base(ContactInfoServer server) {
        return "http://localhost:" + server.port() + "/digitalbanking/ux-users/v1";
    }

    @Test
    void theStartUpLine_namesTheDatabaseWithoutItsParameters_whichMayHoldCredentials() {
        assertThat(ContactInfoServer.withoutParameters("jdbc:postgresql://db.bank.example/ci?user=ci&password=s3"))
                .isEqualTo("jdbc:postgresql://db.bank.example/ci");
        assertThat(ContactInfoServer.withoutParameters("jdbc:h2:file:/data/ci;PASSWORD=s3;USER=sa"))
                .isEqualTo("jdbc:h2:file:/data/ci");
        assertThat(ContactInfoServer.withoutParameters("jdbc:h2:file:/data/ci")).isEqualTo("jdbc:h2:file:/data/ci");
    }

    private ContactInfoServer start(Map<Setting, String> settings) {
        Map<String, String> variables = new HashMap<>();
        variables.put(Setting.DATA_DIR.variable(), dataDirectory.toString());
        variables.put(Setting.HTTP_PORT.variable(), "0");
        settings.forEach((setting, value) -> variables.put(setting.variable(), value));
        return ContactInfoServer.start(Configuration.from(variables), Clock.systemUTC());
    }

    private static HttpResponse<String> get(ContactInfoServer server, String customerId, String token,
                                            String correlationId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port()
                + "/digitalbanking/ux-users/v1/customers/" + customerId + "/contact-methods"))
                .header("Authorization", "Bearer " + token);
        if (correlationId != null) {
            request.header("correlationId", correlationId);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The request a {@code curl -s URL -H 'Name: value'…} line makes, read from the line itself. */
    private static HttpRequest asRequest(String curl) {
        Matcher url = Pattern.compile("^curl -s (\\S+)").matcher(curl);
        assertThat(url.find()).as("a curl line: %s", curl).isTrue();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.group(1)));
        Matcher header = Pattern.compile("-H '([^:]+): ([^']*)'").matcher(curl);
        List<String> names = new ArrayList<>();
        while (header.find()) {
            request.header(header.group(1), header.group(2));
            names.add(header.group(1));
        }
        assertThat(names).containsExactly("Authorization", "correlationId");
        return request.build();
    }
}
