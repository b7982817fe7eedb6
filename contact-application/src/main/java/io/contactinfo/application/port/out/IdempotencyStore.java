package io.contactinfo.application.port.out;

import io.contactinfo.domain.institution.InstitutionId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The outcomes of requests that carried an idempotency key (the Users API's {@code X-GD-RequestID}),
 * so that a retry returns the first outcome instead of doing the work again.
 */
public interface IdempotencyStore {

    /**
     * @param institutionId the tenant: keys of different institutions never meet
     * @param key           the caller's request id
     * @param fingerprint   a hash of the request, so that the same key with another request is told apart
     * @param outcome       what to replay, as the dialect serialized it
     * @param createdAt     when the request completed, for purging after the retention window
     */
    record Entry(InstitutionId institutionId, UUID key, String fingerprint, String outcome, Instant createdAt) {
        public Entry {
            Objects.requireNonNull(institutionId, "institutionId");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(fingerprint, "fingerprint");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(createdAt, "createdAt");
        }
    }

    /**
     * Holds the key until the enclosing unit of work ends: a unit of work locking the same key meanwhile — in this
     * process or in another sharing the store — waits for it. A key need not have an entry to be locked.
     */
    void lock(InstitutionId institutionId, UUID key);

    Optional<Entry> find(InstitutionId institutionId, UUID key);

    /**
     * Stores the entry unless its key is already taken.
     *
     * @return false when an entry with the same institution and key exists (a concurrent twin won)
     */
    boolean add(Entry entry);

    /**
     * Deletes, in every institution, the entries created before {@code olderThan}, and what locked their keys: a
     * retry after that is treated as a new request.
     *
     * @return how many entries were deleted
     */
    int purge(Instant olderThan);
}
