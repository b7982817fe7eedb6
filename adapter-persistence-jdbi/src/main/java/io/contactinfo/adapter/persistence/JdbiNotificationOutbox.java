package io.contactinfo.adapter.persistence;

import static io.contactinfo.adapter.persistence.Sql.uuid;

import io.contactinfo.adapter.persistence.crypto.FieldCipher;
import io.contactinfo.application.port.out.Notification;
import io.contactinfo.application.port.out.NotificationOutbox;
import io.contactinfo.domain.contact.Channel;
import io.contactinfo.domain.institution.InstitutionId;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * Notifications waiting for delivery, in the table {@code notification_outbox}, written in the caller's unit of work
 * so that they commit with the change that caused them. The parameters, an OTP code among them, are stored
 * encrypted by a {@link FieldCipher}; a dispatcher (not part of this class) delivers and marks them.
 */
public final class JdbiNotificationOutbox implements NotificationOutbox {

    private static final String INSERT = """
            INSERT INTO notification_outbox (message_id, institution_id, channel, destination, kind,
                                             parameters_enc, enqueued_at)
            VALUES (:messageId, :institutionId, :channel, :destination, :kind, :parameters, :enqueuedAt)
            """;
    // Index (institution_id, seq).
    private static final String SELECT_PENDING = """
            SELECT * FROM notification_outbox
             WHERE institution_id = :institutionId AND sent_at IS NULL
             ORDER BY seq
            """;

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

    /** The institution's notifications not yet delivered, oldest first. */
    public List<Notification> pending(InstitutionId institutionId) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT_PENDING)
                .bind("institutionId", institutionId.value())
                .map((rs, ctx) -> {
                    UUID messageId = uuid(rs, "message_id");
                    return new Notification(messageId, institutionId, Channel.valueOf(rs.getString("channel")),
                            rs.getString("destination"), Notification.Kind.valueOf(rs.getString("kind")),
                            decode(cipher.decrypt(rs.getString("parameters_enc"), context(messageId))));
                })
                .list());
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
