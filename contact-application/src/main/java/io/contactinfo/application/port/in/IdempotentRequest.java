package io.contactinfo.application.port.in;

import java.util.Objects;
import java.util.UUID;

/**
 * A request that carries an idempotency key (the Users API's {@code X-GD-RequestID}), and who sends it.
 *
 * @param caller      who asks; the key is the caller's institution's: keys of different institutions never meet
 * @param key         the caller's request id
 * @param fingerprint a hash of the request as the dialect read it, so that the same key sent with another request
 *                    is told apart from a retry
 */
public record IdempotentRequest(CallerContext caller, UUID key, String fingerprint) {

    public IdempotentRequest {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }
}
