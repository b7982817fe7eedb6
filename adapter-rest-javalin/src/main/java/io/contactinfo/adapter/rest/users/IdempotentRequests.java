package io.contactinfo.adapter.rest.users;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contactinfo.application.port.in.IdempotentRequest;
import io.contactinfo.application.port.in.RunIdempotentRequestUseCase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The {@code X-GD-RequestID} as an idempotency key (SPEC §5.2), the Users API's side of
 * {@link RunIdempotentRequestUseCase}: what makes two requests the same (their fingerprint), and the answers kept and
 * replayed (their HTTP status and body). A request whose key was seen with the same fingerprint gets the stored
 * answer back without its work being done again, on any server instance; with another fingerprint, 409.
 */
final class IdempotentRequests {

    private final RunIdempotentRequestUseCase runOnce;
    private final ObjectMapper json;

    IdempotentRequests(RunIdempotentRequestUseCase runOnce, ObjectMapper json) {
        this.runOnce = Objects.requireNonNull(runOnce, "runOnce");
        this.json = Objects.requireNonNull(json, "json");
    }

    /**
     * What an answer was: its HTTP status and body.
     *
     * @param replayed true when it is a stored outcome answered again
     */
    record Outcome(int status, JsonNode body, boolean replayed) {

        /** Whether a retry replays it: the core's answers; not the server's failures nor the token's. */
        boolean replayable() {
            return status < 500 && status != 401 && status != 403;
        }
    }

    /**
     * A SHA-256 of the request: method, path (program, account, user) and body as read, its fields in a fixed
     * order, so that spacing, key order or ignored fields do not make another request.
     */
    String fingerprint(String method, String path, Object body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((method + ' ' + path + '\n').getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest(json.writeValueAsBytes(body)));
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The stored outcome of the request's key, or {@code work}'s; a failure {@code work} throws is answered as
     * {@code refusal} makes it, and kept when {@linkplain Outcome#replayable() replayable}.
     *
     * @throws io.contactinfo.application.port.in.IdempotencyKeyReusedException when the key was used for another
     *                                                                           request
     */
    Outcome run(IdempotentRequest request, Supplier<Outcome> work, Function<RuntimeException, Outcome> refusal) {
        RunIdempotentRequestUseCase.Result result = runOnce.run(request, new RunIdempotentRequestUseCase.Work() {
            @Override
            public String run() {
                return serialize(work.get());
            }

            @Override
            public Optional<String> refused(RuntimeException failure) {
                Outcome refused = refusal.apply(failure);
                return refused.replayable() ? Optional.of(serialize(refused)) : Optional.empty();
            }
        });
        return deserialize(result.outcome(), result.replayed());
    }

    private String serialize(Outcome outcome) {
        ObjectNode node = json.createObjectNode();
        node.put("status", outcome.status());
        node.set("body", outcome.body());
        return node.toString();
    }

    private Outcome deserialize(String stored, boolean replayed) {
        try {
            JsonNode node = json.readTree(stored);
            return new Outcome(node.get("status").asInt(), node.get("body"), replayed);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored outcome", e);
        }
    }
}
