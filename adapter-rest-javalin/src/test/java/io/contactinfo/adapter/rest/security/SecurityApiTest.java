package io.contactinfo.adapter.rest.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactinfo.adapter.rest.HttpServer;
import io.contactinfo.adapter.rest.StrictJson;
import io.contactinfo.adapter.rest.security.AccessConfiguration.Grant;
import io.contactinfo.application.inmemory.InMemoryPorts;
import io.contactinfo.application.port.in.CallerContext;
import io.contactinfo.application.port.in.ChangeSoftTokenStatusUseCase;
import io.contactinfo.application.port.in.GetCertifiedPhoneUseCase;
import io.contactinfo.application.port.in.RollBackSoftTokenStatusUseCase;
import io.contactinfo.application.port.out.AccessToken;
import io.contactinfo.application.port.out.AccessTokenRejectedException;
import io.contactinfo.application.port.out.AccessTokenVerifier;
import io.contactinfo.application.port.out.StoreUnavailableException;
import io.contactinfo.application.service.ChangeSoftTokenStatusService;
import io.contactinfo.application.service.GetCertifiedPhoneService;
import io.contactinfo.application.service.RollBackSoftTokenStatusService;
import io.contactinfo.domain.contact.Phone;
import io.contactinfo.domain.contact.PhoneId;
import io.contactinfo.domain.contact.PhoneNumber;
import io.contactinfo.domain.contact.PhoneType;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.softtoken.SoftToken;
import io.contactinfo.domain.softtoken.SoftTokenStatus;
import io.contactinfo.domain.user.InstitutionCustomerId;
import io.contactinfo.domain.user.User;
import io.contactinfo.domain.user.UserId;
import io.javalin.Javalin;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Security API over real HTTP: the real services on in-memory ports, tokens from a table standing in for
 * signed JWTs. Every error code of seed 003 is reached through the wire.
 */
class SecurityApiTest {

    private static final String UUID_VALUE = "5f0c8a2e-7d3b-4c1a-9e6f-2b8d4a7c1e90";
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final InstitutionId BANK_A = new InstitutionId("bank-a");
    private static final String CLIENT = "mobile-app";
    private static final String READ = "institution-users:read";
    private static final String WRITE = "institution-users:write";
    private static final String STATUS_BODY = "{\"status\":65}";
    private static final ObjectMapper JSON = StrictJson.MAPPER;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The seed's English texts, written out here so that the table in the code is checked against them. */
    private static final Map<String, String> SEED_DETAILS = Map.of(
            "invalidRequest", "Missing or invalid Parameters",
            "unAuthorized", "Authorization credentials are missing or invalid",
            "accessNotConfigured", "The request operation is not configured to access this resource",
            "resourceNotFound", "The requested resource was not found",
            "businessValidationFailed", "Business validation error occured on one or more parameters",
            "serverUnavailable", "The request failed due to an internal error/server unavailability");

    private static final Map<String, AccessToken> TOKENS = Map.of(
            "jane", token("bank-a", "c-1001", READ, WRITE),
            "jane-read", token("bank-a", "c-1001", READ),
            "jane-write", token("bank-a", "c-1001", WRITE),
            "john", token("bank-a", "c-1002", READ, WRITE),
            "ghost", token("bank-a", "c-9999", READ, WRITE),
            "boom", token("bank-a", "c-5000", READ, WRITE),
            "db-down", token("bank-a", "c-5030", READ, WRITE),
            "other-bank", token("bank-b", "c-1001", READ, WRITE),
            "no-institution", new AccessToken(Optional.empty(), Optional.of("c-1001"), Optional.of(CLIENT),
                    Optional.of("subject"), Set.of(READ, WRITE), NOW.plusSeconds(3600)),
            "no-customer", new AccessToken(Optional.of("bank-a"), Optional.empty(), Optional.of(CLIENT),
                    Optional.of("subject"), Set.of(READ, WRITE), NOW.plusSeconds(3600)));

    private static final AccessTokenVerifier VERIFIER = token -> switch (token) {
        case "expired" -> throw new AccessTokenRejectedException(AccessTokenRejectedException.Reason.EXPIRED);
        case "broken" -> throw new IllegalStateException("a bug in the verifier");
        default -> Optional.ofNullable(TOKENS.get(token)).orElseThrow(
                () -> new AccessTokenRejectedException(AccessTokenRejectedException.Reason.UNTRUSTED));
    };

    private static final AccessConfiguration ACCESS = AccessConfiguration.granting(List.of(
            new Grant("bank-a", "US", Grant.ANY, Grant.ANY),
            new Grant("bank-a", "mx", "retail", "web")));

    private static final InMemoryPorts PORTS = new InMemoryPorts();
    private static final PhoneId JANE_MOBILE = PhoneId.random();
    private static final User JANE = User.create(UserId.random(), BANK_A, new InstitutionCustomerId("c-1001"),
            List.of(new Phone(JANE_MOBILE, new PhoneNumber("2125550147"), PhoneType.MOBILE, true, true, NOW)),
            Optional.empty()).certifyPhone(JANE_MOBILE, NOW, UUID.randomUUID());

    private static Javalin server;
    private static String base;

    @BeforeAll
    static void start() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        PORTS.users().add(JANE);
        PORTS.users().add(User.create(UserId.random(), BANK_A, new InstitutionCustomerId("c-1002"), List.of(),
                Optional.empty()));
        var get = new GetCertifiedPhoneService(PORTS.users());
        var change = new ChangeSoftTokenStatusService(PORTS.users(), PORTS.softTokens(), PORTS.audit(),
                PORTS.outbox(), PORTS.unitOfWork(), clock);
        var rollBack = new RollBackSoftTokenStatusService(PORTS.users(), PORTS.softTokens(), PORTS.audit(),
                PORTS.outbox(), PORTS.unitOfWork(), clock);
        GetCertifiedPhoneUseCase failingGet = query -> {
            failFor(query.caller());
            return get.get(query);
        };
        ChangeSoftTokenStatusUseCase failingChange = command -> {
            failFor(command.caller());
            return change.change(command);
        };
        RollBackSoftTokenStatusUseCase failingRollBack = command -> {
            failFor(command.caller());
            return rollBack.rollBack(command);
        };
        var api = new SecurityApi(VERIFIER, ACCESS, failingGet, failingChange, failingRollBack, clock);
        server = HttpServer.create(List.of(api)).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + server.port() + SecurityApi.BASE_PATH;
    }

    /** Customers c-5000 and c-5030 stand for a bug and a database outage behind every operation. */
    private static void failFor(CallerContext caller) {
        String customer = caller.customerId().orElseThrow().value();
        if (customer.equals("c-5000")) {
            throw new IllegalStateException("unexpected");
        }
        if (customer.equals("c-5030")) {
            throw new StoreUnavailableException(new RuntimeException("connection refused"));
        }
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void janeHoldsAPreAssignedToken() {
        PORTS.softTokens().save(BANK_A, SoftToken.preAssign(JANE.id(), NOW));
    }

    @Test
    void returnsTheCertifiedPhoneOfTheTokensCustomerAndEchoesTheUuid() throws Exception {
        HttpResponse<String> response = send("GET", "/certified-phone", Map.of(), null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("uuid")).contains(UUID_VALUE);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("{\"phoneNumber\":\"2125550147\"}"));
    }

    @Test
    void changesTheSoftTokenStatusAndAnswersTheNewAndThePreviousStatus() throws Exception {
        HttpResponse<String> response = send("PUT", "/soft-token/status", Map.of(), "{\"status\":65,\"extra\":true}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("uuid")).contains(UUID_VALUE);
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree(
                """
                {"status":65,"statusName":"ACTIVE","previousStatus":64,"previousStatusName":"PRE_ASSIGNED"}"""));
        assertThat(storedStatus()).isEqualTo(SoftTokenStatus.ACTIVE);
        assertThat(PORTS.audit().records()).last().satisfies(record -> {
            assertThat(record.action()).isEqualTo("soft-token.status.changed");
            assertThat(record.correlationId()).isEqualTo(UUID_VALUE);
        });
    }

    @Test
    void rollsTheSoftTokenBackToPreAssigned() throws Exception {
        send("PUT", "/soft-token/status", Map.of(), "{\"status\":67}");

        HttpResponse<String> response = send("PUT", "/soft-token/status/rollback", Map.of(), null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree(
                """
                {"status":64,"statusName":"PRE_ASSIGNED","previousStatus":67,"previousStatusName":"REVOKED"}"""));
        assertThat(storedStatus()).isEqualTo(SoftTokenStatus.PRE_ASSIGNED);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            no Accept                       | Accept          | NULL
            any media type accepted         | Accept          | text/html, */*;q=0.1
            application/* accepted          | Accept          | application/*
            no Accept-Language              | Accept-Language | NULL
            a lower-case country code       | countryCode     | us
            JSON in UTF-8                   | Content-Type    | application/json; charset=UTF-8
            rollback without a Content-Type | Content-Type    | NULL
            no sessionId                    | sessionId       | NULL
            """)
    void acceptsEveryWellFormedVariantOfTheHeaders(String scenario, String header, String value) throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(header, value);
        PORTS.softTokens().save(BANK_A, SoftToken.preAssign(JANE.id(), NOW).changeStatus(SoftTokenStatus.ACTIVE, NOW));

        assertThat(send("GET", "/certified-phone", headers, null).statusCode()).as(scenario).isEqualTo(200);
        assertThat(send("PUT", "/soft-token/status/rollback", headers, null).statusCode()).as(scenario)
                .isEqualTo(200);
    }

    @Test
    void enablesACountryForTheGrantedBusinessAndChannelOnly() throws Exception {
        Map<String, String> mexicoOnTheWeb = Map.of("countryCode", "MX", "channelId", "web");
        Map<String, String> mexicoOnMobile = Map.of("countryCode", "MX", "channelId", "mobile");
        Map<String, String> mexicoForCorporate = Map.of("countryCode", "MX", "channelId", "web",
                "businessCode", "corporate");

        assertThat(send("GET", "/certified-phone", mexicoOnTheWeb, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/certified-phone", mexicoOnMobile, null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/certified-phone", mexicoForCorporate, null).statusCode()).isEqualTo(403);
    }

    @ParameterizedTest(name = "{0}: {8} {9}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            missing uuid                   | GET | /certified-phone            | uuid           | NULL                         | NULL           | 400 | invalidRequest           | uuid
            uuid not a UUID                | GET | /certified-phone            | uuid           | not-a-uuid                   | NULL           | 400 | invalidRequest           | uuid
            lenient UUID form refused      | GET | /certified-phone            | uuid           | 1-1-1-1-1                    | NULL           | 400 | invalidRequest           | uuid
            missing client_id              | GET | /certified-phone            | client_id      | NULL                         | NULL           | 400 | invalidRequest           | client_id
            client_id with a space         | GET | /certified-phone            | client_id      | mobile app                   | NULL           | 400 | invalidRequest           | client_id
            Accept excludes JSON           | GET | /certified-phone            | Accept         | text/html, application/xml   | NULL           | 400 | invalidRequest           | Accept
            missing countryCode            | GET | /certified-phone            | countryCode    | NULL                         | NULL           | 400 | invalidRequest           | countryCode
            countryCode not ISO 3166       | GET | /certified-phone            | countryCode    | XX                           | NULL           | 400 | invalidRequest           | countryCode
            countryCode alpha-3            | GET | /certified-phone            | countryCode    | USA                          | NULL           | 400 | invalidRequest           | countryCode
            missing businessCode           | GET | /certified-phone            | businessCode   | NULL                         | NULL           | 400 | invalidRequest           | businessCode
            malformed businessCode         | GET | /certified-phone            | businessCode   | retail;drop                  | NULL           | 400 | invalidRequest           | businessCode
            missing channelId              | GET | /certified-phone            | channelId      | NULL                         | NULL           | 400 | invalidRequest           | channelId
            malformed channelId            | GET | /certified-phone            | channelId      | mobile/web                   | NULL           | 400 | invalidRequest           | channelId
            malformed sessionId            | GET | /certified-phone            | sessionId      | a session                    | NULL           | 400 | invalidRequest           | sessionId
            missing Content-Type           | PUT | /soft-token/status          | Content-Type   | NULL                         | NULL           | 400 | invalidRequest           | Content-Type
            Content-Type not JSON          | PUT | /soft-token/status          | Content-Type   | text/plain                   | NULL           | 400 | invalidRequest           | Content-Type
            JSON in another charset        | PUT | /soft-token/status          | Content-Type   | application/json;charset=ISO-8859-1 | NULL    | 400 | invalidRequest           | Content-Type
            malformed JSON body            | PUT | /soft-token/status          | -              | -                            | {"status":     | 400 | invalidRequest           | body
            empty body                     | PUT | /soft-token/status          | -              | -                            | ''             | 400 | invalidRequest           | body
            body not an object             | PUT | /soft-token/status          | -              | -                            | [65]           | 400 | invalidRequest           | body
            body without status            | PUT | /soft-token/status          | -              | -                            | {}             | 400 | invalidRequest           | status
            status as a string             | PUT | /soft-token/status          | -              | -                            | {"status":"65"} | 400 | invalidRequest          | status
            status not integral            | PUT | /soft-token/status          | -              | -                            | {"status":65.5} | 400 | invalidRequest          | status
            status out of int range        | PUT | /soft-token/status          | -              | -                            | {"status":4294967361} | 400 | invalidRequest    | status
            status no soft-token code      | PUT | /soft-token/status          | -              | -                            | {"status":99}  | 400 | invalidRequest           | status
            status null                    | PUT | /soft-token/status          | -              | -                            | {"status":null} | 400 | invalidRequest          | status
            duplicate status               | PUT | /soft-token/status          | -              | -                            | {"status":65,"status":66} | 400 | invalidRequest | body
            missing Authorization          | GET | /certified-phone            | Authorization  | NULL                         | NULL           | 401 | unAuthorized             | NULL
            not a Bearer Authorization     | GET | /certified-phone            | Authorization  | Basic amFuZTpwdw==           | NULL           | 401 | unAuthorized             | NULL
            untrusted token                | GET | /certified-phone            | Authorization  | Bearer forged                | NULL           | 401 | unAuthorized             | NULL
            expired token                  | PUT | /soft-token/status          | Authorization  | Bearer expired               | NULL           | 401 | unAuthorized             | NULL
            token without institution      | GET | /certified-phone            | Authorization  | Bearer no-institution        | NULL           | 401 | unAuthorized             | NULL
            token without customer         | GET | /certified-phone            | Authorization  | Bearer no-customer           | NULL           | 401 | unAuthorized             | NULL
            token of another client        | GET | /certified-phone            | client_id      | web-app                      | NULL           | 401 | unAuthorized             | NULL
            country not enabled            | GET | /certified-phone            | countryCode    | CA                           | NULL           | 403 | accessNotConfigured      | NULL
            channel not enabled in MX      | GET | /certified-phone            | countryCode    | MX                           | NULL           | 403 | accessNotConfigured      | NULL
            institution not enabled        | GET | /certified-phone            | Authorization  | Bearer other-bank            | NULL           | 403 | accessNotConfigured      | NULL
            read scope missing             | GET | /certified-phone            | Authorization  | Bearer jane-write            | NULL           | 403 | accessNotConfigured      | NULL
            write scope missing            | PUT | /soft-token/status          | Authorization  | Bearer jane-read             | NULL           | 403 | accessNotConfigured      | NULL
            no certified phone             | GET | /certified-phone            | Authorization  | Bearer john                  | NULL           | 404 | resourceNotFound         | NULL
            customer not on record         | GET | /certified-phone            | Authorization  | Bearer ghost                 | NULL           | 404 | resourceNotFound         | NULL
            no soft token to change        | PUT | /soft-token/status          | Authorization  | Bearer john                  | NULL           | 404 | resourceNotFound         | NULL
            no soft token to roll back     | PUT | /soft-token/status/rollback | Authorization  | Bearer john                  | NULL           | 404 | resourceNotFound         | NULL
            unknown path                   | GET | /soft-token                 | -              | -                            | NULL           | 404 | resourceNotFound         | NULL
            unsupported method             | PUT | /certified-phone            | -              | -                            | NULL           | 404 | resourceNotFound         | NULL
            forbidden transition           | PUT | /soft-token/status          | -              | -                            | {"status":66}  | 422 | businessValidationFailed | status
            rollback of a PRE_ASSIGNED one | PUT | /soft-token/status/rollback | -              | -                            | NULL           | 422 | businessValidationFailed | status
            verifier failure               | GET | /certified-phone            | Authorization  | Bearer broken                | NULL           | 500 | serverUnavailable        | NULL
            failure behind the read        | GET | /certified-phone            | Authorization  | Bearer boom                  | NULL           | 500 | serverUnavailable        | NULL
            failure behind the change      | PUT | /soft-token/status          | Authorization  | Bearer boom                  | NULL           | 500 | serverUnavailable        | NULL
            database down on rollback      | PUT | /soft-token/status/rollback | Authorization  | Bearer db-down               | NULL           | 503 | serverUnavailable        | NULL
            """)
    void refusesWithTheSeedsErrorEnvelope(String scenario, String method, String path, String header, String value,
                                          String body, int status, String code, String location) throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        if (!header.equals("-")) {
            headers.put(header, value);
        }

        HttpResponse<String> response = send(method, path, headers, body);

        assertThat(response.statusCode()).as(scenario + " " + response.body()).isEqualTo(status);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("type").asText()).as(scenario).isEqualTo(status >= 500 ? "fatal" : "error");
        assertThat(error.get("code").asText()).as(scenario).isEqualTo(code);
        assertThat(error.get("details").asText()).as(scenario).startsWith(SEED_DETAILS.get(code));
        if (location == null) {
            assertThat(error.has("location")).as(scenario).isFalse();
        } else {
            assertThat(error.get("location").asText()).as(scenario).isEqualTo(location);
        }
        if ("uuid".equals(location)) {
            assertThat(error.has("uuid")).as(scenario).isFalse();
            assertThat(response.headers().firstValue("uuid")).as(scenario).isEmpty();
        } else {
            assertThat(error.get("uuid").asText()).as(scenario).isEqualTo(UUID_VALUE);
            assertThat(response.headers().firstValue("uuid")).as(scenario).contains(UUID_VALUE);
        }
        assertThat(error.get("timestamp").asText()).as(scenario).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(response.body()).doesNotContain("Exception", "\tat ", "connection refused");
        assertThat(storedStatus()).as("nothing changed").isEqualTo(SoftTokenStatus.PRE_ASSIGNED);
    }

    @Test
    void refusesABodyOverTheSizeLimitAsAnInvalidBody() throws Exception {
        String padding = "x".repeat((int) HttpServer.MAX_BODY_BYTES);
        HttpResponse<String> response = send("PUT", "/soft-token/status", Map.of(),
                "{\"status\":65,\"padding\":\"" + padding + "\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("code").asText()).isEqualTo("invalidRequest");
        assertThat(error.get("location").asText()).isEqualTo("body");
        assertThat(storedStatus()).isEqualTo(SoftTokenStatus.PRE_ASSIGNED);
    }

    /**
     * Like most clients, this one writes the whole body before it reads, here over a network slower than loopback. A
     * server that answered and closed while the megabyte was still arriving would reset the connection, and the
     * client would get no answer at all.
     */
    @Test
    void answersAClientThatWritesAWholeMebibyteBeforeReading() throws Exception {
        byte[] body = ("{\"status\":65,\"padding\":\"" + "x".repeat(1024 * 1024 - 26) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        URI uri = URI.create(base + "/soft-token/status");
        String head = "PUT " + uri.getPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nclient_id: " + CLIENT
                + "\r\nAuthorization: Bearer jane\r\nuuid: " + UUID_VALUE + "\r\nAccept-Language: en\r\n"
                + "countryCode: US\r\nbusinessCode: retail\r\nchannelId: mobile\r\nsessionId: s-4711\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";

        String answer;
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            for (int sent = 0; sent < body.length; sent += 64 * 1024) {
                Thread.sleep(20); // a network slower than loopback: the body is still arriving when it is judged
                out.write(body, sent, Math.min(64 * 1024, body.length - sent));
                out.flush();
            }
            answer = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
        }

        assertThat(body).hasSize(1024 * 1024);
        assertThat(answer).isEqualTo("HTTP/1.1 400");
        assertThat(storedStatus()).isEqualTo(SoftTokenStatus.PRE_ASSIGNED);
    }

    @Test
    void namesTheBrokenRuleOfABusinessValidationFailure() throws Exception {
        JsonNode error = JSON.readTree(send("PUT", "/soft-token/status", Map.of(), "{\"status\":66}").body());

        assertThat(error.get("details").asText()).isEqualTo(
                "Business validation error occured on one or more parameters: softtoken.status.transition");
    }

    @Test
    void headIsAnsweredWithTheStatusGetWouldHave() throws Exception {
        for (Map<String, String> headers : List.of(Map.<String, String>of(), Map.of("Authorization", "Bearer jane-write"),
                Map.of("Authorization", "Bearer john"))) {
            HttpResponse<String> get = send("GET", "/certified-phone", headers, null);
            HttpResponse<String> head = send("HEAD", "/certified-phone", headers, null);

            assertThat(head.statusCode()).as("HEAD with %s", headers).isEqualTo(get.statusCode());
        }
    }

    @Test
    void explainsAccessNotConfiguredWithTheSeedsMoreInfo() throws Exception {
        JsonNode byCountry = JSON.readTree(send("GET", "/certified-phone", Map.of("countryCode", "CA"), null).body());
        JsonNode byScope = JSON.readTree(
                send("GET", "/certified-phone", Map.of("Authorization", "Bearer jane-write"), null).body());
        JsonNode notFound = JSON.readTree(
                send("GET", "/certified-phone", Map.of("Authorization", "Bearer john"), null).body());

        assertThat(byCountry.get("moreInfo").asText()).isEqualTo(
                "Channel/Country/Business provided in the request is not supported currently");
        assertThat(byScope.get("moreInfo").asText()).isEqualTo(
                "The access token does not grant the scope this operation requires");
        assertThat(notFound.get("moreInfo").asText()).isEqualTo("Empty resource/resource not found");
    }

    @ParameterizedTest(name = "Accept-Language: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            es                    | es | Las credenciales de autorización faltan o no son válidas
            es-MX                 | es | Las credenciales de autorización faltan o no son válidas
            fr-CA, es;q=0.5       | es | Las credenciales de autorización faltan o no son válidas
            en                    | en | Authorization credentials are missing or invalid
            fr                    | en | Authorization credentials are missing or invalid
            es;q=0.2, en;q=0.8    | en | Authorization credentials are missing or invalid
            ;;not a language;;    | en | Authorization credentials are missing or invalid
            """)
    void writesTheDetailsInTheCallersLanguageFallingBackToEnglish(String acceptLanguage, String language,
                                                                  String details) throws Exception {
        HttpResponse<String> response = send("GET", "/certified-phone",
                Map.of("Accept-Language", acceptLanguage, "Authorization", "Bearer forged"), null);

        assertThat(JSON.readTree(response.body()).get("details").asText()).isEqualTo(details);
        assertThat(response.headers().firstValue("Content-Language")).contains(language);
    }

    @Test
    void writesMoreInfoInSpanishToo() throws Exception {
        JsonNode error = JSON.readTree(send("GET", "/certified-phone",
                Map.of("Accept-Language", "es", "countryCode", "CA"), null).body());

        assertThat(error.get("details").asText()).isEqualTo(
                "La operación solicitada no está configurada para acceder a este recurso");
        assertThat(error.get("moreInfo").asText()).isEqualTo(
                "El canal, país o negocio indicado en la solicitud no está habilitado actualmente");
    }

    @ParameterizedTest
    @EnumSource(SecurityError.class)
    void everyErrorHasItsTextsInEveryLanguage(SecurityError error) {
        assertThat(error.details(Language.EN)).isNotBlank().isNotEqualTo(error.details(Language.ES));
        assertThat(error.details(Language.ES)).isNotBlank();
        assertThat(error.moreInfo(Language.ES) == null).isEqualTo(error.moreInfo(Language.EN) == null);
    }

    private static SoftTokenStatus storedStatus() {
        return PORTS.softTokens().find(BANK_A, JANE.id()).orElseThrow().status();
    }

    /**
     * A request with every header of seed 003 set to a valid value for Jane, {@code overrides} replacing them
     * (a null value removes the header); PUT status requests get {@link #STATUS_BODY} unless {@code body} is given.
     */
    private static HttpResponse<String> send(String method, String path, Map<String, String> overrides, String body)
            throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("client_id", CLIENT);
        headers.put("Authorization", "Bearer jane");
        headers.put("Accept", "application/json");
        headers.put("uuid", UUID_VALUE);
        headers.put("Accept-Language", "en");
        headers.put("countryCode", "US");
        headers.put("businessCode", "retail");
        headers.put("channelId", "mobile");
        headers.put("sessionId", "s-4711");
        if (method.equals("PUT")) {
            headers.put("Content-Type", "application/json");
        }
        headers.putAll(overrides);
        String payload = body != null ? body : path.equals("/soft-token/status") ? STATUS_BODY : "";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, payload.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(payload));
        headers.forEach((name, value) -> {
            if (value != null) {
                request.header(name, value);
            }
        });
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static AccessToken token(String institution, String customer, String... scopes) {
        return new AccessToken(Optional.of(institution), Optional.of(customer), Optional.of(CLIENT),
                Optional.of("subject"), Set.of(scopes), NOW.plusSeconds(3600));
    }
}
