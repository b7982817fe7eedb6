package io.contactinfo.adapter.persistence;

import static io.contactinfo.adapter.persistence.Sql.instant;
import static io.contactinfo.adapter.persistence.Sql.string;
import static io.contactinfo.adapter.persistence.Sql.utc;
import static io.contactinfo.adapter.persistence.Sql.uuid;

import io.contactinfo.application.port.out.AuditLog;
import io.contactinfo.application.port.out.AuditRecord;
import io.contactinfo.domain.institution.InstitutionId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Audit records, in the tables {@code audit_record} and {@code audit_change}, appended in the caller's unit of work.
 * Their values arrive masked (see {@link AuditRecord}).
 */
public final class JdbiAuditLog implements AuditLog {

    private static final String INSERT_RECORD = """
            INSERT INTO audit_record (id, institution_id, recorded_at, client_id, subject, correlation_id, action,
                                      target)
            VALUES (:id, :institutionId, :recordedAt, :clientId, :subject, :correlationId, :action, :target)
            """;
    private static final String INSERT_CHANGE = """
            INSERT INTO audit_change (record_id, position, field, before_value, after_value)
            VALUES (:recordId, :position, :field, :before, :after)
            """;
    // Index (institution_id, seq).
    private static final String SELECT_RECORDS =
            "SELECT * FROM audit_record WHERE institution_id = :institutionId ORDER BY seq";
    // The primary key (record_id, position).
    private static final String SELECT_CHANGES =
            "SELECT * FROM audit_change WHERE record_id IN (<ids>) ORDER BY record_id, position";

    private final Jdbi jdbi;

    public JdbiAuditLog(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public void append(AuditRecord record) {
        jdbi.useTransaction(handle -> {
            handle.createUpdate(INSERT_RECORD)
                    .bind("id", record.id())
                    .bind("institutionId", record.institutionId().value())
                    .bind("recordedAt", utc(record.at()))
                    .bind("clientId", record.clientId())
                    .bind("subject", record.subject())
                    .bind("correlationId", record.correlationId())
                    .bind("action", record.action())
                    .bind("target", record.target().orElse(null))
                    .execute();
            List<AuditRecord.Change> changes = record.changes();
            if (changes.isEmpty()) {
                return;
            }
            PreparedBatch batch = handle.prepareBatch(INSERT_CHANGE);
            for (int position = 0; position < changes.size(); position++) {
                AuditRecord.Change change = changes.get(position);
                batch.bind("recordId", record.id())
                        .bind("position", position)
                        .bind("field", change.field())
                        .bind("before", change.before().orElse(null))
                        .bind("after", change.after().orElse(null))
                        .add();
            }
            batch.execute();
        });
    }

    /** The institution's audit records, oldest first; for operators and tests. */
    public List<AuditRecord> records(InstitutionId institutionId) {
        return jdbi.withHandle(handle -> {
            List<RecordRow> rows = handle.createQuery(SELECT_RECORDS)
                    .bind("institutionId", institutionId.value())
                    .map((rs, ctx) -> new RecordRow(uuid(rs, "id"), new AuditRecord(uuid(rs, "id"),
                            instant(rs, "recorded_at"), institutionId, rs.getString("client_id"),
                            rs.getString("subject"), rs.getString("correlation_id"), rs.getString("action"),
                            string(rs, "target"), List.of())))
                    .list();
            if (rows.isEmpty()) {
                return List.of();
            }
            Map<UUID, List<AuditRecord.Change>> changes = new HashMap<>();
            handle.createQuery(SELECT_CHANGES)
                    .bindList("ids", rows.stream().map(RecordRow::id).toList())
                    .map((rs, ctx) -> Map.entry(uuid(rs, "record_id"), new AuditRecord.Change(
                            rs.getString("field"), string(rs, "before_value"), string(rs, "after_value"))))
                    .forEach(e -> changes.computeIfAbsent(e.getKey(), id -> new ArrayList<>()).add(e.getValue()));
            return rows.stream().map(row -> withChanges(row.record(), changes.getOrDefault(row.id(), List.of())))
                    .toList();
        });
    }

    private static AuditRecord withChanges(AuditRecord r, List<AuditRecord.Change> changes) {
        return new AuditRecord(r.id(), r.at(), r.institutionId(), r.clientId(), r.subject(), r.correlationId(),
                r.action(), r.target(), changes);
    }

    private record RecordRow(UUID id, AuditRecord record) {
    }
}
