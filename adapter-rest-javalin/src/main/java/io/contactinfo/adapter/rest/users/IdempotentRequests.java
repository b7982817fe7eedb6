package io.contactinfo.adapter.rest.users;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contactinfo.application.port.out.IdempotencyStore;
import io.contactinfo.domain.institution.InstitutionId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The {@code X-GD-RequestID} as an idempotency key (SPEC §5.2): a request whose key was seen with the same
 * fingerprint gets the stored outcome back without its work being done again; with another fingerprint, 409.
 *
 * <p>Requests with one key run one at a time in this server (striped locks), so twins arriving together on one
 * instance do the work once. <b>Remaining race:</b> the look-up, the work and the storing of the outcome are not
 * one unit of work (the adapter cannot reach {@code UnitOfWork}): twins on two server instances may both do the
 * work; the second to store is told so by {@link IdempotencyStore#add} and answers with the first one's outcome.
 * Closing it needs the application layer to find, work and add in one transaction (see the README).
 */
final class IdempotentRequests {

    private static final int STRIPES = 64;

    private final IdempotencyStore store;
    private final Clock clock;
    private final ObjectMapper json;
    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    IdempotentRequests(IdempotencyStore store, Clock clock, ObjectMapper json) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.json = Objects.requireNonNull(json, "json");
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
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
     * The stored outcome of the key, or {@code work}'s, stored when replayable.
     *
     * @throws UsersApiException {@link UsersError#REQUEST_ID_REUSED} when the key was used for another request
     */
    Outcome run(InstitutionId institution, UUID key, String fingerprint, Supplier<Outcome> work) {
        ReentrantLock lock = stripes[Math.floorMod(Objects.hash(institution, key), STRIPES)];
        lock.lock();
        try {
            Optional<Outcome> stored = stored(institution, key, fingerprint);
            if (stored.isPresent()) {
                return stored.get();
            }
            Outcome outcome = work.get();
            if (outcome.replayable() && !store.add(new IdempotencyStore.Entry(institution, key, fingerprint,
                    serialize(outcome), clock.instant()))) {
                // A twin on another server instance stored its outcome first: answer as it did.
                return stored(institution, key, fingerprint).orElse(outcome);
            }
            return outcome;
        } finally {
            lock.unlock();
        }
    }

    private Optional<Outcome> stored(InstitutionId institution, UUID key, String fingerprint) {
        return store.find(institution, key).map(entry -> {
            if (!entry.fingerprint().equals(fingerprint)) {
                throw new UsersApiException(UsersError.REQUEST_ID_REUSED);
            }
            return deserialize(entry.outcome());
        });
    }

    private String serialize(Outcome outcome) {
        ObjectNode node = json.createObjectNode();
        node.put("status", outcome.status());
        node.set("body", outcome.body());
        return node.toString();
    }

    private Outcome deserialize(String stored) {
        try {
            JsonNode node = json.readTree(stored);
            return new Outcome(node.get("status").asInt(), node.get("body"), true);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored outcome", e);
        }
    }
}
