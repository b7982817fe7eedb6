package io.contactinfo.adapter.persistence;

import static io.contactinfo.adapter.persistence.Sql.uuid;

import io.contactinfo.adapter.persistence.crypto.FieldCipher;
import io.contactinfo.application.port.out.Notification;
import io.contactinfo.application.port.out.NotificationOutbox;
import io.contactinfo.application.port.out.OutboxQueue;
import io.contactinfo.domain.contact.Channel;
import io.contactinfo.domain.institution.InstitutionId;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * Notifications waiting for delivery, in the table {@code notification_outbox}, written in the caller's unit of work
 * so that they commit with the change that caused them. The parameters, an OTP code among them, are stored
 * encrypted by a {@link FieldCipher}.
 *
 * <p>As the {@link OutboxQueue}, it hands them to dispatchers: a claim selects due rows {@code FOR UPDATE SKIP
 * LOCKED} (H2 2.x and PostgreSQL alike) and moves their {@code due_at} to the end of the lease in the same
 * transaction, so concurrent claims, in one process or in several, never take the same row; a row another claim
 * has locked is skipped, not waited for. A report on a row that is no longer pending (delivered or rejected after a
 * lease ran out and another dispatcher took it) changes nothing.
 */
public final class JdbiNotificationOutbox implements NotificationOutbox, OutboxQueue {

    /** The width of {@code last_error}. */
    private static final int REASON_LENGTH = 255;

    private static final String INSERT = """
            INSERT INTO notification_outbox (message_id, institution_id, channel, destination, kind,
                                             parameters_enc, enqueued_at)
            VALUES (:messageId, :institutionId, :channel, :destination, :kind, :parameters, :enqueuedAt)
            """;
    // Index (institution_id, seq).
    private static final String SELECT_PENDING = """
            SELECT * FROM notification_outbox
             WHERE institution_id = :institutionId AND status = 'PENDING'
             ORDER BY seq
            """;
    // Index (status, seq), read in its order up to the batch, then the batch's rows locked by primary key. H2
    // sorts the whole result of a FOR UPDATE query rather than read an index in order, so the locking and the
    // ordering are two queries; `ORDER BY status, seq` names the index's columns for it. Two claims that picked
    // the same rows at the same moment: the second skips what the first locked, and finds them leased once the
    // first commits.
    private static final String SELECT_DUE = """
            SELECT * FROM notification_outbox
             WHERE message_id IN (SELECT message_id FROM notification_outbox
                                   WHERE status = 'PENDING' AND (due_at IS NULL OR due_at <= :now)
                                   ORDER BY status, seq
                                   LIMIT :max)
               AND status = 'PENDING' AND (due_at IS NULL OR due_at <= :now)
             ORDER BY seq
               FOR UPDATE SKIP LOCKED
            """;
    // Primary key.
    private static final String SELECT_ONE_DUE = """
            SELECT * FROM notification_outbox
             WHERE message_id = :messageId AND status = 'PENDING' AND (due_at IS NULL OR due_at <= :now)
               FOR UPDATE SKIP LOCKED
            """;
    private static final String LEASE = """
            UPDATE notification_outbox SET due_at = :leaseEnd, attempts = attempts + 1 WHERE message_id IN (<ids>)
            """;
    private static final String DELIVERED = """
            UPDATE notification_outbox SET status = 'DELIVERED', sent_at = :at, due_at = NULL
             WHERE message_id = :messageId AND status = 'PENDING'
            """;
    private static final String RETRY_LATER = """
            UPDATE notification_outbox SET due_at = :nextAttemptAt, last_error = :reason
             WHERE message_id = :messageId AND status = 'PENDING'
            """;
    private static final String REJECTED = """
            UPDATE notification_outbox SET status = 'REJECTED', rejected_at = :at, last_error = :reason, due_at = NULL
             WHERE message_id = :messageId AND status = 'PENDING'
            """;
    // Both databases yield NULL for || with a NULL, so COALESCE keeps the reason alone; LEFT cuts to the width.
    private static final String WITHDRAWN = """
            UPDATE notification_outbox SET status = 'REJECTED', rejected_at = :at, due_at = NULL,
                                           last_error = LEFT(COALESCE(:reason || ': ' || last_error, :reason), %d)
             WHERE message_id = :messageId AND status = 'PENDING'
            """.formatted(REASON_LENGTH);
    private static final String LAST_ERROR = "SELECT last_error FROM notification_outbox WHERE message_id = :messageId";

    private final Jdbi jdbi;
    private final FieldCipher cipher;

    public JdbiNotificationOutbox(Jdbi jdbi, FieldCipher cipher) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    @Override
    public void enqueue(Notification notification) {
        jdbi.useHandle(handle -> handle.createUpdate(INSERT)
                .bind("messageId", notification.messageId())
                .bind("institutionId", notification.institution().value())
                .bind("channel", notification.channel().name())
                .bind("destination", notification.destination())
                .bind("kind", notification.kind().name())
                .bind("parameters", cipher.encrypt(encode(notification.parameters()),
                        context(notification.messageId())))
                .bind("enqueuedAt", Sql.utc(Instant.now()))
                .execute());
    }

    /** The institution's notifications neither delivered nor rejected, oldest first. */
    public List<Notification> pending(InstitutionId institutionId) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT_PENDING)
                .bind("institutionId", institutionId.value())
                .map((rs, ctx) -> notification(rs))
                .list());
    }

    /** Why the last attempt to deliver the notification failed, if one did. */
    public Optional<String> lastError(UUID messageId) {
        return jdbi.withHandle(handle -> handle.createQuery(LAST_ERROR)
                .bind("messageId", messageId)
                .mapTo(String.class)
                .findOne());
    }

    @Override
    public List<Claimed> claim(int max, Instant now, Duration lease) {
        return jdbi.inTransaction(handle -> {
            List<Claimed> claimed = handle.createQuery(SELECT_DUE)
                    .bind("now", Sql.utc(now))
                    .bind("max", max)
                    .map((rs, ctx) -> new Claimed(notification(rs), rs.getInt("attempts") + 1))
                    .list();
            if (!claimed.isEmpty()) {
                handle.createUpdate(LEASE)
                        .bind("leaseEnd", Sql.utc(now.plus(lease)))
                        .bindList("ids", claimed.stream().map(c -> c.notification().messageId()).toList())
                        .execute();
            }
            return claimed;
        });
    }

    @Override
    public Optional<Claimed> claim(UUID messageId, Instant now, Duration lease) {
        return jdbi.inTransaction(handle -> {
            Optional<Claimed> claimed = handle.createQuery(SELECT_ONE_DUE)
                    .bind("messageId", messageId)
                    .bind("now", Sql.utc(now))
                    .map((rs, ctx) -> new Claimed(notification(rs), rs.getInt("attempts") + 1))
                    .findOne();
            claimed.ifPresent(taken -> handle.createUpdate(LEASE)
                    .bind("leaseEnd", Sql.utc(now.plus(lease)))
                    .bindList("ids", List.of(messageId))
                    .execute());
            return claimed;
        });
    }

    @Override
    public void delivered(UUID messageId, Instant at) {
        jdbi.useHandle(handle -> handle.createUpdate(DELIVERED)
                .bind("messageId", messageId)
                .bind("at", Sql.utc(at))
                .execute());
    }

    @Override
    public void retryLater(UUID messageId, String reason, Instant nextAttemptAt) {
        jdbi.useHandle(handle -> handle.createUpdate(RETRY_LATER)
                .bind("messageId", messageId)
                .bind("reason", fitting(reason))
                .bind("nextAttemptAt", Sql.utc(nextAttemptAt))
                .execute());
    }

    @Override
    public void rejected(UUID messageId, String reason, Instant at) {
        reject(REJECTED, messageId, reason, at);
    }

    @Override
    public void withdrawn(UUID messageId, String reason, Instant at) {
        reject(WITHDRAWN, messageId, reason, at);
    }

    private void reject(String statement, UUID messageId, String reason, Instant at) {
        jdbi.useHandle(handle -> handle.createUpdate(statement)
                .bind("messageId", messageId)
                .bind("reason", fitting(reason))
                .bind("at", Sql.utc(at))
                .execute());
    }

    private Notification notification(ResultSet rs) throws SQLException {
        UUID messageId = uuid(rs, "message_id");
        return new Notification(messageId, new InstitutionId(rs.getString("institution_id")),
                Channel.valueOf(rs.getString("channel")), rs.getString("destination"),
                Notification.Kind.valueOf(rs.getString("kind")),
                decode(cipher.decrypt(rs.getString("parameters_enc"), context(messageId))));
    }

    private static String fitting(String reason) {
        return reason.length() <= REASON_LENGTH ? reason : reason.substring(0, REASON_LENGTH);
    }

    private static String context(UUID messageId) {
        return "notification_outbox.parameters:" + messageId;
    }

    /** {@code name=value&...}, URL-encoded: parameters are few and short. */
    private static String encode(Map<String, String> parameters) {
        return new TreeMap<>(parameters).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> decode(String encoded) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (encoded.isEmpty()) {
            return parameters;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }
}
