package io.contactinfo.adapter.rest.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contactinfo.adapter.rest.HttpServer;
import io.contactinfo.adapter.rest.StrictJson;
import io.contactinfo.adapter.rest.users.encryption.ServerKeys;
import io.contactinfo.adapter.rest.users.encryption.UserDataDecryptor;
import io.contactinfo.application.inmemory.InMemoryPorts;
import io.contactinfo.application.port.in.EnrollUseCase;
import io.contactinfo.application.port.out.AccessToken;
import io.contactinfo.application.port.out.AccessTokenRejectedException;
import io.contactinfo.application.port.out.AccessTokenVerifier;
import io.contactinfo.application.port.out.StoreUnavailableException;
import io.contactinfo.application.service.ChangeAccountStatusService;
import io.contactinfo.application.service.EnrollService;
import io.contactinfo.application.service.ListUsersService;
import io.contactinfo.application.service.RunIdempotentRequestService;
import io.contactinfo.application.service.UpdateUserNameService;
import io.contactinfo.application.service.UpdateUserService;
import io.contactinfo.domain.contact.EmailPolicy;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Users API on a real server on a random port, over the real services on in-memory ports, with tokens from a
 * table instead of signed JWTs. One per test: each starts empty. The program of the default token is
 * {@code bank-a}; plain {@code userData} is accepted unless the server was made {@link UserDataPolicy#ENCRYPTED_ONLY};
 * {@code encryptedUserData} is decrypted with {@link #SERVER_KEY} unless the server was given other keys.
 */
final class UsersServer implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    static final String PROGRAM = "/programs/bank-a";
    static final ObjectMapper JSON = StrictJson.MAPPER;
    /** The one key of {@code encryptedUserData} a server has unless it is given others. */
    static final KeyPair SERVER_KEY = ServerKeys.generate();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The table of codes, as the server serves it. */
    private static final String CODES_PAGE = ResponseCodesPage.html(UsersErrors.all());
    private static final String READ = "institution-users:read";
    private static final String WRITE = "institution-users:write";

    private static final Map<String, AccessToken> TOKENS = Map.of(
            "bank-a", token("bank-a", "bank-a-client", READ, WRITE),
            "read-only", token("bank-a", "bank-a-client", READ),
            "write-only", token("bank-a", "bank-a-client", WRITE),
            "bank-b", token("bank-b", "bank-b-client", READ, WRITE),
            "no-institution", token(null, "bank-a-client", READ, WRITE),
            "store-down", token("bank-a", "store-down", READ, WRITE));

    private static final AccessTokenVerifier VERIFIER = token -> switch (token) {
        case "expired" -> throw new AccessTokenRejectedException(AccessTokenRejectedException.Reason.EXPIRED);
        default -> Optional.ofNullable(TOKENS.get(token)).orElseThrow(
                () -> new AccessTokenRejectedException(AccessTokenRejectedException.Reason.UNTRUSTED));
    };

    final InMemoryPorts ports = new InMemoryPorts();
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    /** How many enrollments the core was asked to do: a replay asks for none. */
    final AtomicInteger enrollments = new AtomicInteger();
    private final Javalin server;
    private final String base;

    UsersServer() {
        this(UserDataPolicy.PLAIN_ACCEPTED);
    }

    UsersServer(UserDataPolicy policy) {
        this(policy, ServerKeys.of(List.of(SERVER_KEY)));
    }

    UsersServer(UserDataPolicy policy, ServerKeys keys) {
        EnrollUseCase enroll = new EnrollService(ports.users(), ports.accounts(), ports.institutions(),
                ports.limits(), ports.audit(), ports.unitOfWork(), EmailPolicy.PRODUCTION, clock);
        var api = new UsersApi(VERIFIER,
                command -> {
                    enrollments.incrementAndGet();
                    if (command.caller().clientId().equals("store-down")) {
                        throw new StoreUnavailableException(new SQLException("Connection refused"));
                    }
                    return enroll.enroll(command);
                },
                new ChangeAccountStatusService(ports.accounts(), ports.users(), ports.audit(), ports.unitOfWork(),
                        clock),
                new ListUsersService(ports.accounts(), ports.users()),
                new UpdateUserService(ports.accounts(), ports.users(), ports.otps(), ports.institutions(),
                        ports.limits(), ports.audit(), ports.outbox(), ports.unitOfWork(), EmailPolicy.PRODUCTION,
                        clock),
                new UpdateUserNameService(ports.accounts(), ports.users(), ports.audit(), ports.unitOfWork(), clock),
                new RunIdempotentRequestService(ports.idempotency(), ports.unitOfWork(), clock), policy,
                new UserDataDecryptor(keys), clock);
        server = HttpServer.create(List.of(api)).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
        server.stop();
    }

    /** How many accounts the institutions have, all statuses. */
    int accounts() {
        return ((Map<?, ?>) ports.accounts().snapshot()).size();
    }

    /** A request with the bank-a token and a fresh X-GD-RequestID; the path is under {@link #PROGRAM}. */
    Call call(String method, String path) {
        return new Call(method, PROGRAM + path);
    }

    /** A request to a path as given, e.g. under another program. */
    Call callAbsolute(String method, String path) {
        return new Call(method, path);
    }

    /** Enrolls {@code body} and returns the 201 answer; fails the test on any other status. */
    JsonNode enroll(ObjectNode body) throws Exception {
        HttpResponse<String> response = call("POST", "/enrollments").json(body).send();
        if (response.statusCode() != 201) {
            throw new AssertionError("enrollment refused: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Moves the account to {@code status}; fails the test unless it is answered 200 / 0. */
    void status(String accountIdentifier, String status) throws Exception {
        HttpResponse<String> response = call("PUT", "/accounts/" + accountIdentifier + "/status")
                .json("{\"status\":\"" + status + "\"}").send();
        if (response.statusCode() != 200) {
            throw new AssertionError("status change refused: " + response.statusCode() + " " + response.body());
        }
    }

    /**
     * The detail's {@code url} is its code's row of the table of codes, and the page the server serves has that
     * row.
     */
    static void assertLeadsToItsRow(JsonNode detail) {
        String anchor = detail.get("code").asInt() + "-" + detail.get("subCode").asInt();
        assertThat(detail.get("url").asText()).isEqualTo(ResponseCodesPage.PATH + "#" + anchor);
        assertThat(CODES_PAGE).contains("<tr id=\"" + anchor + "\">");
    }

    /** Jane Doe of Pasadena: full SSN, date of birth, email, and the phones given (the first mobile, default). */
    static ObjectNode person(String ssn, String... phones) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode userData = body.putObject("userData");
        ObjectNode profile = userData.putObject("profileData");
        profile.put("firstName", "Jane").put("lastName", "Doe");
        profile.putArray("addresses").addObject()
                .put("addressLine1", "1234 E Foothill Blvd").put("addressLine2", "Ste 000").put("city", "Pasadena")
                .put("state", "CA").put("zipCode", "91107").put("type", "home").put("isDefault", true);
        if (ssn != null) {
            userData.putObject("identifyingData").put("dateOfBirth", "1980-05-17").put("ssn", ssn);
        }
        userData.putObject("email").put("emailAddress", "jane.doe@example.com");
        List<String> types = List.of("mobile", "home", "work");
        var numbers = userData.putArray("phoneNumbers");
        for (int i = 0; i < phones.length; i++) {
            numbers.addObject().put("number", phones[i]).put("type", types.get(i)).put("isDefault", i == 0);
        }
        return body;
    }

    final class Call {

        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
            headers.put("Authorization", "Bearer bank-a");
            headers.put(UsersApi.REQUEST_ID, UUID.randomUUID().toString());
        }

        Call token(String token) {
            return header("Authorization", "Bearer " + token);
        }

        Call requestId(String requestId) {
            return header(UsersApi.REQUEST_ID, requestId);
        }

        /** Sets a header; {@code null} leaves it out. */
        Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Call json(JsonNode json) {
            return json(json.toString());
        }

        Call json(String json) {
            headers.putIfAbsent("Content-Type", "application/json");
            body = HttpRequest.BodyPublishers.ofString(json);
            return this;
        }

        HttpResponse<String> send() throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).method(method, body);
            headers.forEach((name, value) -> {
                if (value != null) {
                    request.header(name, value);
                }
            });
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        JsonNode sendForJson() throws Exception {
            return JSON.readTree(send().body());
        }
    }

    private static AccessToken token(String institution, String clientId, String... scopes) {
        return new AccessToken(Optional.ofNullable(institution), Optional.empty(), Optional.of(clientId),
                Optional.of("subject"), Set.of(scopes), NOW.plusSeconds(3600));
    }
}
