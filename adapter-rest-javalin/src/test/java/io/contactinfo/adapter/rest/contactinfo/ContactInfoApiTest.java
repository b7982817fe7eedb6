package io.contactinfo.adapter.rest.contactinfo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactinfo.adapter.rest.HttpServer;
import io.contactinfo.application.inmemory.InMemoryUserRepository;
import io.contactinfo.application.port.in.ListContactMethodsUseCase;
import io.contactinfo.application.port.out.AccessToken;
import io.contactinfo.application.port.out.AccessTokenRejectedException;
import io.contactinfo.application.port.out.AccessTokenVerifier;
import io.contactinfo.application.service.ListContactMethodsService;
import io.contactinfo.domain.contact.Email;
import io.contactinfo.domain.contact.EmailAddress;
import io.contactinfo.domain.contact.EmailId;
import io.contactinfo.domain.contact.Phone;
import io.contactinfo.domain.contact.PhoneId;
import io.contactinfo.domain.contact.PhoneNumber;
import io.contactinfo.domain.contact.PhoneType;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.user.InstitutionCustomerId;
import io.contactinfo.domain.user.User;
import io.contactinfo.domain.user.UserId;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Contact Info API over real HTTP, with the core on in-memory ports and tokens from a table. */
class ContactInfoApiTest {

    private static final String CORRELATION_ID = "0b6f3a52-58c2-4d4e-9f57-0e0c1f6e2a41";
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Token strings this test's verifier knows, standing in for signed JWTs. */
    private static final Map<String, AccessToken> TOKENS = Map.of(
            "jane", token(Optional.of("bank-a"), Optional.of("c-1001"), "institution-users:read"),
            "write-only", token(Optional.of("bank-a"), Optional.of("c-1001"), "institution-users:write"),
            "ghost", token(Optional.of("bank-a"), Optional.of("c-9999"), "institution-users:read"),
            "other-bank", token(Optional.of("bank-b"), Optional.of("c-1001"), "institution-users:read"),
            "no-institution", token(Optional.empty(), Optional.of("c-1001"), "institution-users:read"),
            "no-customer", token(Optional.of("bank-a"), Optional.empty(), "institution-users:read"));

    private static final AccessTokenVerifier VERIFIER = token -> switch (token) {
        case "expired" -> throw new AccessTokenRejectedException(AccessTokenRejectedException.Reason.EXPIRED);
        case "broken" -> throw new IllegalStateException("a bug in the verifier");
        default -> Optional.ofNullable(TOKENS.get(token)).orElseThrow(
                () -> new AccessTokenRejectedException(AccessTokenRejectedException.Reason.UNTRUSTED));
    };

    private static Javalin server;
    private static String base;

    @BeforeAll
    static void start() {
        var users = new InMemoryUserRepository();
        users.add(User.create(UserId.random(), new InstitutionId("bank-a"), new InstitutionCustomerId("c-1001"),
                List.of(new Phone(PhoneId.random(), new PhoneNumber("2125550147"), PhoneType.MOBILE, false, true, NOW),
                        new Phone(PhoneId.random(), new PhoneNumber("2125550123"), PhoneType.HOME, false, false, NOW)),
                Optional.of(new Email(EmailId.random(), new EmailAddress("jane.doe@example.com"), true, NOW))));
        ListContactMethodsUseCase service = new ListContactMethodsService(users);
        ListContactMethodsUseCase failing = query -> {
            if (query.customerId().value().equals("c-1001") && query.caller().clientId().equals("boom")) {
                throw new IllegalStateException("unexpected");
            }
            return service.list(query);
        };
        server = HttpServer.create(List.of(new ContactInfoApi(VERIFIER, failing))).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + server.port() + ContactInfoApi.BASE_PATH;
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void listsTheCustomersContactMethodsMaskedAndEchoesTheCorrelationId() throws Exception {
        HttpResponse<String> response = get("/customers/c-1001/contact-methods", "Bearer jane", CORRELATION_ID);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("correlationId")).contains(CORRELATION_ID);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode methods = JSON.readTree(response.body()).get("contactMethods");
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
    void contactMethodIdsAreStableAcrossRequests() throws Exception {
        String first = get("/customers/c-1001/contact-methods", "Bearer jane", CORRELATION_ID).body();
        String second = get("/customers/c-1001/contact-methods", "Bearer jane", CORRELATION_ID).body();
        assertThat(first).isEqualTo(second);
    }

    @ParameterizedTest(name = "{0}: {1} {2}")
    @CsvSource(nullValues = "NULL", textBlock = """
            missing correlation id,       /customers/c-1001/contact-methods, Bearer jane,           NULL,                                 400, UXU_10006
            correlation id not a GUID,    /customers/c-1001/contact-methods, Bearer jane,           not-a-guid,                           400, UXU_10007
            lenient UUID form refused,    /customers/c-1001/contact-methods, Bearer jane,           1-1-1-1-1,                            400, UXU_10007
            missing Authorization,        /customers/c-1001/contact-methods, NULL,                  0b6f3a52-58c2-4d4e-9f57-0e0c1f6e2a41, 400, UXU_10005
            not a Bearer Authorization,   /customers/c-1001/contact-methods, Basic amFuZTpwdw==,    0b6f3a52-58c2-4d4e-9f57-0e0c1f6e2a41, 400, UXU_10009
            Bearer without a token,       /customers/c-1001/contact-methods, Bearer ,               0b6f3a52-58c2-4d4e-9f57-0e0c1f6e2a41, 400, UXU_10009
            untrusted token,              /customers/c-1001/contact-methods, Bearer forged,         0b6f3a52-58c2-4d4e-9f57-0e0c1f6e2a41, 400, UXU_10001
            expired token,                /customers/c-1001/contact-methods, Bearer expired,        0b6f3a52-58c2-4d4e-9f57-0e0c1f6e2a41, 400, UXU_10003
            no institution claim,         /customers/c-1001/contact-methods, Bearer no-institution, 0b6f3a52-58c2-4d4e-9f57-0e0c1f6e2a41, 400, UXU_10004
            no customer claim,            /customers/c-1001/contact-methods, Bearer no-customer,    0b6f3a52-58c2-4d4e-9f57-0e0c1f6e2a41, 400, UXU_10010
            token of another customer,    /customers/c-1002/contact-methods, Bearer jane,           0b6f3a52-58c2-4d4e-9f57-0e0c1f6e2a41, 400, UXU_10011
            malformed customer id,        /customers/c!1001/contact-methods, Bearer jane,           0b6f3a52-58c2-4d4e-9f57-0e0c1f6e2a41, 400, UXU_10012
            unknown path,                 /customers/c-1001/nothing-here,    Bearer jane,           0b6f3a52-58c2-4d4e-9f57-0e0c1f6e2a41, 400, UXU_10013
            read scope missing,           /customers/c-1001/contact-methods, Bearer write-only,     0b6f3a52-58c2-4d4e-9f57-0e0c1f6e2a41, 403, UXU_10002
            customer not on record,       /customers/c-9999/contact-methods, Bearer ghost,          0b6f3a52-58c2-4d4e-9f57-0e0c1f6e2a41, 400, UXU_88890
            customer of another bank,     /customers/c-1001/contact-methods, Bearer other-bank,     0b6f3a52-58c2-4d4e-9f57-0e0c1f6e2a41, 400, UXU_88890
            verifier failure,             /customers/c-1001/contact-methods, Bearer broken,         0b6f3a52-58c2-4d4e-9f57-0e0c1f6e2a41, 500, UXU_99998
            """)
    void refusesWithTheSeedsErrorCode(String scenario, String path, String authorization, String correlationId,
                                      int status, String code) throws Exception {
        HttpResponse<String> response = get(path, authorization, correlationId);

        assertThat(response.statusCode()).as(scenario + " " + response.body()).isEqualTo(status);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("code").asText()).as(scenario).isEqualTo(code);
        assertThat(body.get("message").asText()).as(scenario).isEqualTo(
                UxuError.valueOf(errorNamed(code)).message());
        if (code.equals("UXU_10006") || code.equals("UXU_10007")) {
            assertThat(body.has("correlationId")).isFalse();
        } else {
            assertThat(body.get("correlationId").asText()).isEqualTo(CORRELATION_ID);
        }
        assertThat(response.body()).doesNotContain("Exception", "\tat ");
    }

    private static String errorNamed(String code) {
        for (UxuError error : UxuError.values()) {
            if (error.code().equals(code)) {
                return error.name();
            }
        }
        throw new IllegalArgumentException(code);
    }

    private static HttpResponse<String> get(String path, String authorization, String correlationId)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (correlationId != null) {
            request.header("correlationId", correlationId);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static AccessToken token(Optional<String> institution, Optional<String> customer, String scope) {
        return new AccessToken(institution, customer, Optional.of("test-client"), Optional.of("subject"),
                Set.of(scope), NOW.plusSeconds(3600));
    }
}
