package io.contactinfo.adapter.persistence;

import static io.contactinfo.adapter.persistence.Sql.instant;
import static io.contactinfo.adapter.persistence.Sql.utc;
import static io.contactinfo.adapter.persistence.Sql.uuid;

import io.contactinfo.application.port.out.IdempotencyStore;
import io.contactinfo.domain.institution.InstitutionId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Outcomes of requests by idempotency key, in the table {@code idempotency_record}. Its primary key decides which of
 * two concurrent twins wins.
 */
public final class JdbiIdempotencyStore implements IdempotencyStore {

    private static final String FIND = """
            SELECT * FROM idempotency_record WHERE institution_id = :institutionId AND request_key = :key
            """;
    private static final String INSERT = """
            INSERT INTO idempotency_record (institution_id, request_key, fingerprint, outcome, created_at)
            VALUES (:institutionId, :key, :fingerprint, :outcome, :createdAt)
            """;

    // Index (created_at).
    private static final String PURGE = "DELETE FROM idempotency_record WHERE created_at < :olderThan";

    private final Jdbi jdbi;

    public JdbiIdempotencyStore(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public Optional<Entry> find(InstitutionId institutionId, UUID key) {
        return jdbi.withHandle(handle -> handle.createQuery(FIND)
                .bind("institutionId", institutionId.value())
                .bind("key", key)
                .map((rs, ctx) -> new Entry(new InstitutionId(rs.getString("institution_id")),
                        uuid(rs, "request_key"), rs.getString("fingerprint"), rs.getString("outcome"),
                        instant(rs, "created_at")))
                .findOne());
    }

    @Override
    public boolean add(Entry entry) {
        return jdbi.inTransaction(handle -> Sql.insertUnlessDuplicate(handle, h -> h.createUpdate(INSERT)
                .bind("institutionId", entry.institutionId().value())
                .bind("key", entry.key())
                .bind("fingerprint", entry.fingerprint())
                .bind("outcome", entry.outcome())
                .bind("createdAt", utc(entry.createdAt()))
                .execute()));
    }

    @Override
    public int purge(Instant olderThan) {
        return jdbi.withHandle(handle -> handle.createUpdate(PURGE).bind("olderThan", utc(olderThan)).execute());
    }
}
