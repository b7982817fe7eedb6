package io.contactinfo.adapter.persistence;

import io.contactinfo.application.port.out.UserRepository;
import io.contactinfo.domain.contact.Email;
import io.contactinfo.domain.contact.EmailAddress;
import io.contactinfo.domain.contact.EmailId;
import io.contactinfo.domain.contact.Phone;
import io.contactinfo.domain.contact.PhoneId;
import io.contactinfo.domain.contact.PhoneNumber;
import io.contactinfo.domain.contact.PhoneType;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.user.InstitutionCustomerId;
import io.contactinfo.domain.user.User;
import io.contactinfo.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** The users, their phones and their email in the tables of {@code V1__users_phones_emails.sql}. */
public final class JdbiUserRepository implements UserRepository {

    /** The SQLSTATE both H2 and PostgreSQL report for a broken unique constraint. */
    private static final String UNIQUE_VIOLATION = "23505";

    // One statement, so the user, its email and its phones come from the same snapshot in one round trip.
    // Every join and the order follow an index: the unique (institution_id, customer_id), the unique
    // email.user_id and the unique (phone.user_id, position).
    private static final String FIND_BY_CUSTOMER_ID = """
            SELECT u.id AS user_id,
                   e.id AS email_id, e.address, e.is_verified AS email_verified, e.updated_at AS email_updated_at,
                   p.id AS phone_id, p.number, p.type, p.is_default, p.is_verified AS phone_verified,
                   p.updated_at AS phone_updated_at
              FROM app_user u
              LEFT JOIN email e ON e.user_id = u.id
              LEFT JOIN phone p ON p.user_id = u.id
             WHERE u.institution_id = :institutionId AND u.customer_id = :customerId
             ORDER BY p.position
            """;

    private static final String INSERT_USER = """
            INSERT INTO app_user (id, institution_id, customer_id, created_at)
            VALUES (:id, :institutionId, :customerId, CURRENT_TIMESTAMP)
            """;

    private static final String INSERT_PHONE = """
            INSERT INTO phone (id, user_id, position, number, type, is_default, is_verified, updated_at)
            VALUES (:id, :userId, :position, :number, :type, :isDefault, :isVerified, :updatedAt)
            """;

    private static final String INSERT_EMAIL = """
            INSERT INTO email (id, user_id, address, address_normalized, is_verified, updated_at)
            VALUES (:id, :userId, :address, :addressNormalized, :isVerified, :updatedAt)
            """;

    // The leading column of the unique (institution_id, customer_id) index answers it.
    private static final String HAS_USERS = """
            SELECT EXISTS (SELECT 1 FROM app_user WHERE institution_id = :institutionId)
            """;

    private final Jdbi jdbi;

    public JdbiUserRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public Optional<User> findByCustomerId(InstitutionId institutionId, InstitutionCustomerId customerId) {
        List<Row> rows = jdbi.withHandle(handle -> handle.createQuery(FIND_BY_CUSTOMER_ID)
                .bind("institutionId", institutionId.value())
                .bind("customerId", customerId.value())
                .map(JdbiUserRepository::row)
                .list());
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Row first = rows.get(0);
        List<Phone> phones = rows.stream().map(Row::phone).filter(Objects::nonNull).toList();
        return Optional.of(User.reconstitute(first.userId(), institutionId, customerId, phones,
                Optional.ofNullable(first.email())));
    }

    /**
     * Stores the user, its phones and its email in one transaction: all of them or nothing.
     *
     * @throws IllegalStateException when the user's id, or its customer id in its institution, is already stored
     */
    @Override
    public void add(User user) {
        jdbi.useTransaction(handle -> {
            insertUser(handle, user);
            insertPhones(handle, user);
            user.email().ifPresent(email -> insertEmail(handle, user.id(), email));
        });
    }

    @Override
    public boolean hasUsers(InstitutionId institutionId) {
        return jdbi.withHandle(handle -> handle.createQuery(HAS_USERS)
                .bind("institutionId", institutionId.value())
                .mapTo(Boolean.class)
                .one());
    }

    private static void insertUser(Handle handle, User user) {
        try {
            handle.createUpdate(INSERT_USER)
                    .bind("id", user.id().value())
                    .bind("institutionId", user.institutionId().value())
                    .bind("customerId", user.customerId().value())
                    .execute();
        } catch (UnableToExecuteStatementException e) {
            // The same exception the in-memory repository throws, so callers see one behaviour per port.
            if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                throw new IllegalStateException("user or customer already exists in its institution", e);
            }
            throw e;
        }
    }

    private static void insertPhones(Handle handle, User user) {
        List<Phone> phones = user.phones();
        if (phones.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch(INSERT_PHONE);
        for (int position = 0; position < phones.size(); position++) {
            Phone phone = phones.get(position);
            batch.bind("id", phone.id().value())
                    .bind("userId", user.id().value())
                    .bind("position", position)
                    .bind("number", phone.number().digits())
                    .bind("type", phone.type().name())
                    .bind("isDefault", phone.isDefault())
                    .bind("isVerified", phone.isVerified())
                    .bind("updatedAt", utc(phone.lastUpdated()))
                    .add();
        }
        batch.execute();
    }

    private static void insertEmail(Handle handle, UserId userId, Email email) {
        handle.createUpdate(INSERT_EMAIL)
                .bind("id", email.id().value())
                .bind("userId", userId.value())
                .bind("address", email.address().value())
                .bind("addressNormalized", email.address().normalized())
                .bind("isVerified", email.isVerified())
                .bind("updatedAt", utc(email.lastUpdated()))
                .execute();
    }

    /** One row of the find query: the user, its email if any, and one of its phones if any. */
    private record Row(UserId userId, Email email, Phone phone) {
    }

    private static Row row(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Row(new UserId(rs.getObject("user_id", UUID.class)), email(rs), phone(rs));
    }

    private static Email email(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("email_id", UUID.class);
        if (id == null) {
            return null;
        }
        return new Email(new EmailId(id), new EmailAddress(rs.getString("address")),
                rs.getBoolean("email_verified"), instant(rs, "email_updated_at"));
    }

    private static Phone phone(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("phone_id", UUID.class);
        if (id == null) {
            return null;
        }
        return new Phone(new PhoneId(id), new PhoneNumber(rs.getString("number")),
                PhoneType.valueOf(rs.getString("type")), rs.getBoolean("is_default"),
                rs.getBoolean("phone_verified"), instant(rs, "phone_updated_at"));
    }

    // Instants travel as OffsetDateTime in UTC: a java.sql.Timestamp would pass through the JVM's time zone.
    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
