package io.contactinfo.adapter.persistence;

import static io.contactinfo.adapter.persistence.Sql.instant;
import static io.contactinfo.adapter.persistence.Sql.utc;
import static io.contactinfo.adapter.persistence.Sql.uuid;

import io.contactinfo.application.port.out.SoftTokenRepository;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.softtoken.DeviceBinding;
import io.contactinfo.domain.softtoken.SoftToken;
import io.contactinfo.domain.softtoken.SoftTokenStatus;
import io.contactinfo.domain.user.UserId;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Each user's soft token, in the table {@code soft_token}, by its primary key (institution, user). */
public final class JdbiSoftTokenRepository implements SoftTokenRepository {

    private static final String FIND =
            "SELECT * FROM soft_token WHERE institution_id = :institutionId AND user_id = :userId";
    private static final String UPDATE = """
            UPDATE soft_token
               SET status = :status, previous_status = :previousStatus, device_id = :deviceId,
                   bound_at = :boundAt, status_changed_at = :statusChangedAt
             WHERE institution_id = :institutionId AND user_id = :userId
            """;
    private static final String INSERT = """
            INSERT INTO soft_token (institution_id, user_id, status, previous_status, device_id, bound_at,
                                    status_changed_at)
            VALUES (:institutionId, :userId, :status, :previousStatus, :deviceId, :boundAt, :statusChangedAt)
            """;

    private final Jdbi jdbi;

    public JdbiSoftTokenRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public Optional<SoftToken> find(InstitutionId institutionId, UserId userId) {
        return jdbi.withHandle(handle -> handle.createQuery(FIND)
                .bind("institutionId", institutionId.value())
                .bind("userId", userId.value())
                .map((rs, ctx) -> {
                    int previous = rs.getInt("previous_status");
                    Optional<SoftTokenStatus> previousStatus =
                            rs.wasNull() ? Optional.empty() : Optional.of(SoftTokenStatus.ofCode(previous));
                    String deviceId = rs.getString("device_id");
                    Optional<DeviceBinding> binding = deviceId == null ? Optional.empty()
                            : Optional.of(new DeviceBinding(deviceId, instant(rs, "bound_at")));
                    return SoftToken.reconstitute(new UserId(uuid(rs, "user_id")),
                            SoftTokenStatus.ofCode(rs.getInt("status")), previousStatus, binding,
                            instant(rs, "status_changed_at"));
                })
                .findOne());
    }

    @Override
    public void save(InstitutionId institutionId, SoftToken token) {
        jdbi.useTransaction(handle -> Sql.upsert(handle, UPDATE, INSERT, statement -> statement
                .bind("institutionId", institutionId.value())
                .bind("userId", token.userId().value())
                .bind("status", token.status().code())
                .bind("previousStatus", token.previousStatus().map(SoftTokenStatus::code).orElse(null))
                .bind("deviceId", token.deviceBinding().map(DeviceBinding::deviceId).orElse(null))
                .bindByType("boundAt", token.deviceBinding().map(b -> utc(b.boundAt())).orElse(null),
                        OffsetDateTime.class)
                .bind("statusChangedAt", utc(token.statusChangedAt()))));
    }
}
