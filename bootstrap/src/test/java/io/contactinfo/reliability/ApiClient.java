package io.contactinfo.reliability;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.contactinfo.adapter.auth.TokenMinter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The three dialects' requests as a client sends them, over real sockets with {@link HttpClient}: the headers each
 * requires, a fresh trace id per request unless one is given, and tokens minted with the server's dev key.
 */
final class ApiClient {

    /** One JSON value and nothing after it, as a strict client reads an answer. */
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    static final String CONTACT_INFO = "/digitalbanking/ux-users/v1";
    static final String SECURITY = "/v1/x-global/security";
    static final Set<String> ALL_SCOPES = Set.of("institution-users:read", "institution-users:write");
    /** The client id dev tokens carry, which the Security API's {@code client_id} header must match. */
    static final String CLIENT_ID = TokenMinter.CLIENT_ID;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final URI root;
    private final TokenMinter minter;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    ApiClient(URI root, TokenMinter minter) {
        this.root = root;
        this.minter = minter;
    }

    /** An answer: status, body, headers. */
    record Answer(int status, String body, HttpHeaders headers) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (" + status + "): " + body, e);
            }
        }

        /** The Users API's first {@code responseDetails} entry as {@code code/subCode}. */
        String usersCode() {
            JsonNode detail = json().path("responseDetails").path(0);
            return detail.path("code").asInt() + "/" + detail.path("subCode").asInt();
        }
    }

    URI root() {
        return root;
    }

    /** The same server, with tokens minted anew: after the server's clock moved on by hours. */
    ApiClient withFreshTokens() {
        return new ApiClient(root, minter);
    }

    /** A token with both scopes for the institution and, when not null, the customer; minted once. */
    String token(String institution, String customer) {
        return tokens.computeIfAbsent(institution + "|" + customer,
                key -> minter.mint(institution, customer, ALL_SCOPES, Duration.ofHours(2)));
    }

    /** A Contact Info API request as the customer's own token makes it. */
    HttpRequest contactInfo(String method, String institution, String customer, String path, String body,
                            UUID correlationId) {
        return builder(CONTACT_INFO + path, method, body)
                .header("Authorization", "Bearer " + token(institution, customer))
                .header("correlationId", correlationId.toString()).build();
    }

    /** A Users API request under {@code /programs/{institution}} with an institution token. */
    HttpRequest users(String method, String institution, String path, String body, UUID requestId) {
        return builder("/programs/" + institution + path, method, body)
                .header("Authorization", "Bearer " + token(institution, null))
                .header("X-GD-RequestID", requestId.toString()).build();
    }

    /** A Users API request under {@code /programs/{program}} with a token of another institution. */
    Answer usersOfProgram(String method, String tokenInstitution, String program, String path, String body) {
        return send(builder("/programs/" + program + path, method, body)
                .header("Authorization", "Bearer " + token(tokenInstitution, null))
                .header("X-GD-RequestID", UUID.randomUUID().toString()).build());
    }

    /** A Security API request with every header seed 003 requires, for the United States, as the demo bank enables. */
    HttpRequest security(String method, String institution, String customer, String path, String body, UUID uuid) {
        return builder(SECURITY + path, method, body)
                .header("Authorization", "Bearer " + token(institution, customer))
                .header("uuid", uuid.toString()).header("client_id", CLIENT_ID).header("countryCode", "US")
                .header("businessCode", "retail").header("channelId", "web").build();
    }

    Answer contactInfo(String method, String institution, String customer, String path, String body) {
        return send(contactInfo(method, institution, customer, path, body, UUID.randomUUID()));
    }

    Answer users(String method, String institution, String path, String body) {
        return send(users(method, institution, path, body, UUID.randomUUID()));
    }

    Answer security(String method, String institution, String customer, String path, String body) {
        return send(security(method, institution, customer, path, body, UUID.randomUUID()));
    }

    Answer get(String path) {
        return send(builder(path, "GET", null).build());
    }

    /** Whether {@code /health/ready} answers 200 (the database answers). */
    boolean ready() {
        try {
            return get("/health/ready").status() == 200;
        } catch (UncheckedIOException down) {
            return false;
        }
    }

    private HttpRequest.Builder builder(String path, String method, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(root.resolve(path)).timeout(REQUEST_TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        return builder;
    }

    static Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static CompletableFuture<Answer> sendAsync(HttpRequest request) {
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> new Answer(response.statusCode(), response.body(), response.headers()));
    }
}
