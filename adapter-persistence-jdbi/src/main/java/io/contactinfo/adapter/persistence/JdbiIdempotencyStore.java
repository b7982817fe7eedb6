package io.contactinfo.adapter.persistence;

import static io.contactinfo.adapter.persistence.Sql.instant;
import static io.contactinfo.adapter.persistence.Sql.utc;
import static io.contactinfo.adapter.persistence.Sql.uuid;

import io.contactinfo.application.port.out.IdempotencyStore;
import io.contactinfo.domain.institution.InstitutionId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Outcomes of requests by idempotency key, in the table {@code idempotency_record}. A key is locked through its row
 * in {@code idempotency_key_lock} (see {@link Sql#lockRow}), held until the transaction ends.
 */
public final class JdbiIdempotencyStore implements IdempotencyStore {

    private static final String LOCK = """
            SELECT request_key FROM idempotency_key_lock
             WHERE institution_id = :institutionId AND request_key = :key
               FOR UPDATE
            """;
    private static final String INSERT_LOCK = """
            INSERT INTO idempotency_key_lock (institution_id, request_key, created_at)
            VALUES (:institutionId, :key, CURRENT_TIMESTAMP)
            """;
    private static final String FIND = """
            SELECT * FROM idempotency_record WHERE institution_id = :institutionId AND request_key = :key
            """;
    private static final String INSERT = """
            INSERT INTO idempotency_record (institution_id, request_key, fingerprint, outcome, created_at)
            VALUES (:institutionId, :key, :fingerprint, :outcome, :createdAt)
            """;

    // Indexes (created_at).
    private static final String PURGE = "DELETE FROM idempotency_record WHERE created_at < :olderThan";
    private static final String PURGE_LOCKS = "DELETE FROM idempotency_key_lock WHERE created_at < :olderThan";

    private final Jdbi jdbi;

    public JdbiIdempotencyStore(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public void lock(InstitutionId institutionId, UUID key) {
        jdbi.useTransaction(handle -> Sql.lockRow(handle, LOCK, INSERT_LOCK,
                Map.of("institutionId", institutionId.value(), "key", key)));
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
        return jdbi.inTransaction(handle -> {
            handle.createUpdate(PURGE_LOCKS).bind("olderThan", utc(olderThan)).execute();
            return handle.createUpdate(PURGE).bind("olderThan", utc(olderThan)).execute();
        });
    }
}
