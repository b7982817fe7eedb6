package io.contactinfo.application.port.in;

import java.util.Optional;

/**
 * Runs a request at most once per idempotency key (SPEC §5.2): a retry with the same key and the same request gets
 * the first outcome back without the work being done again, in this process or in any other sharing the store.
 *
 * <p>The outcome is the dialect's own answer, serialized; this layer keeps and replays it without reading it.
 */
public interface RunIdempotentRequestUseCase {

    /** What the request does, given it runs. */
    interface Work {

        /**
         * Does the request, in the unit of work that stores its outcome: both commit together or neither does.
         *
         * @return the serialized outcome to keep and answer
         */
        String run();

        /**
         * The outcome to keep for a failure {@link #run()} threw: the core's refusals are outcomes too, replayed
         * like a success. Empty for a failure that must not be replayed (the server's, the token's): it is thrown
         * on and nothing is kept.
         */
        Optional<String> refused(RuntimeException failure);
    }

    /**
     * What a request gave.
     *
     * @param outcome  the serialized outcome
     * @param replayed true when it is the stored outcome of an earlier run, answered again
     */
    record Result(String outcome, boolean replayed) {
    }

    /**
     * Runs {@code work} unless the key already has an outcome. Requests with one key run one after the other.
     *
     * @throws IdempotencyKeyReusedException when the key's outcome is another request's (another fingerprint)
     */
    Result run(IdempotentRequest request, Work work);
}
