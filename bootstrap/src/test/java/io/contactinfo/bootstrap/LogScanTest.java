package io.contactinfo.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactinfo.adapter.notification.testing.RecordingGateway;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The standalone server's logs, as the JSON lines {@code logback.xml} writes, read back after a run through the three
 * APIs with personal data: enrollment with an SSN, a date of birth, phones and an email; a change of phone and email;
 * a passcode sent by SMS (to a webhook, as in production) and verified; failures. No line contains any of that data
 * or the passcode, and every line a request logged carries its correlation id.
 */
class LogScanTest {

    private static final String SSN = "987654329";
    private static final String DATE_OF_BIRTH = "1977-03-14";
    private static final String MOBILE = "6465550188";
    private static final String HOME = "6465550177";
    private static final String NEW_MOBILE = "6465550166";
    private static final String EMAIL = "maria.lopez@example.org";
    private static final String NEW_EMAIL = "m.lopez@example.org";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dataDirectory;

    @Test
    void aRunThroughTheApis_logsNoPersonalDataNorPasscode_andEveryRequestLineHasItsCorrelationId() throws Exception {
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        OutputStreamAppender<ILoggingEvent> capture = capture(logs);
        List<String> correlationIds = new ArrayList<>();
        List<String> secrets = new ArrayList<>(List.of(SSN, DATE_OF_BIRTH, MOBILE, HOME, NEW_MOBILE, EMAIL,
                NEW_EMAIL, SSN.substring(0, 5)));
        String secret = "0123456789abcdef0123456789abcdef";
        try (RecordingGateway gateway = RecordingGateway.start(secret, Clock.systemUTC());
             ContactInfoServer server = start(Map.of(Setting.WEBHOOK_URL, gateway.url().toString(),
                     Setting.WEBHOOK_SECRET, secret))) {
            String base = "http://127.0.0.1:" + server.port();
            String token = server.devTokens().orElseThrow().mint("demo-bank", "c-7001",
                    Set.of("institution-users:read", "institution-users:write"), Duration.ofMinutes(5));

            String enrollment = """
                    {"institutionCustomerId":"c-7001","userData":{
                      "profileData":{"firstName":"Maria","lastName":"Lopez","addresses":[{"addressLine1":"12 Main St",
                        "city":"Austin","state":"TX","zipCode":"73301","type":"home","isDefault":true}]},
                      "identifyingData":{"dateOfBirth":"%s","ssn":"%s"},
                      "email":{"emailAddress":"%s"},
                      "phoneNumbers":[{"number":"%s","type":"mobile","isDefault":true},{"number":"%s","type":"home"}]}}
                    """.formatted(DATE_OF_BIRTH, SSN, EMAIL, MOBILE, HOME);
            assertThat(send(base + "/programs/demo-bank/enrollments", "POST", token, "X-GD-RequestID", enrollment,
                    correlationIds).statusCode()).isEqualTo(201);
            // The same SSN again: refused by the SSN limit, and the refusal is logged without it.
            send(base + "/programs/demo-bank/enrollments", "POST", token, "X-GD-RequestID",
                    enrollment.replace("c-7001", "c-7002"), correlationIds);

            String customer = base + "/digitalbanking/ux-users/v1/customers/c-7001";
            HttpResponse<String> phone = send(customer + ":contact-info", "PUT", token, "correlationId", """
                    {"phoneNumber":{"oldPhoneNumber":"%s","newPhoneNumber":"%s"}}""".formatted(MOBILE, NEW_MOBILE),
                    correlationIds);
            assertThat(phone.statusCode()).as(phone.body()).isEqualTo(204);
            HttpResponse<String> email = send(customer + ":contact-info", "PUT", token, "correlationId",
                    "{\"email\":{\"emailAddress\":\"" + NEW_EMAIL + "\"}}", correlationIds);
            assertThat(email.statusCode()).as(email.body()).isEqualTo(204);
            JsonNode methods = JSON.readTree(send(customer + "/contact-methods", "GET", token, "correlationId", null,
                    correlationIds).body()).get("contactMethods");
            String sms = null;
            for (JsonNode method : methods) {
                if (method.get("type").asText().equals("SMS")) {
                    sms = method.get("contactMethodId").asText();
                }
            }
            HttpResponse<String> sent = send(customer + "/otp", "POST", token, "correlationId",
                    "{\"contactMethodId\":\"" + sms + "\",\"purpose\":\"CONTACT_VERIFICATION\"}", correlationIds);
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
            Matcher code = Pattern.compile("^(\\d{6}) ")
                    .matcher(JSON.readTree(gateway.accepted().get(0).body()).get("text").asText());
            assertThat(code.find()).isTrue();
            secrets.add(code.group(1));
            String otpId = JSON.readTree(sent.body()).get("otpId").asText();
            send(customer + "/otp/" + otpId + ":verify", "POST", token, "correlationId", "{\"code\":\"000000\"}",
                    correlationIds);
            assertThat(send(customer + "/otp/" + otpId + ":verify", "POST", token, "correlationId",
                    "{\"code\":\"" + code.group(1) + "\"}", correlationIds).statusCode()).isEqualTo(200);
            // A body that is not JSON, quoting personal data: refused, and not echoed into the logs.
            send(customer + ":contact-info", "PUT", token, "correlationId", "{\"email\":\"" + EMAIL, correlationIds);
        } finally {
            detach(capture);
        }

        String written = logs.toString(StandardCharsets.UTF_8);
        assertThat(written).isNotBlank();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : written.split("\n")) {
            lines.add(JSON.readTree(line)); // every line is one JSON object
        }
        assertThat(written).doesNotContain(secrets);
        List<JsonNode> accessLines = lines.stream()
                .filter(line -> line.path("loggerName").asText().equals("io.contactinfo.http.access")).toList();
        assertThat(accessLines).hasSizeGreaterThanOrEqualTo(correlationIds.size());
        assertThat(accessLines).allSatisfy(line ->
                assertThat(correlationIds).contains(line.path("mdc").path("correlationId").asText()));
    }

    private static HttpResponse<String> send(String url, String method, String token, String correlationHeader,
                                             String body, List<String> correlationIds) throws Exception {
        String correlationId = UUID.randomUUID().toString();
        correlationIds.add(correlationId);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header(correlationHeader, correlationId)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Every event from now on, encoded as the server's logback.xml encodes them. */
    private static OutputStreamAppender<ILoggingEvent> capture(ByteArrayOutputStream into) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithContext(false);
        encoder.setWithArguments(false);
        encoder.setWithMessage(false);
        encoder.setWithFormattedMessage(true);
        encoder.start();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(into);
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
        return appender;
    }

    private static void detach(OutputStreamAppender<ILoggingEvent> appender) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        appender.stop();
    }

    private ContactInfoServer start(Map<Setting, String> settings) {
        Map<String, String> variables = new HashMap<>();
        variables.put(Setting.DATA_DIR.variable(), dataDirectory.toString());
        variables.put(Setting.HTTP_PORT.variable(), "0");
        settings.forEach((setting, value) -> variables.put(setting.variable(), value));
        return ContactInfoServer.start(Configuration.from(variables), Clock.systemUTC());
    }
}
