package io.contactinfo.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.Update;

/** What every repository of this module needs from JDBC and SQL, written once for H2 and PostgreSQL alike. */
final class Sql {

    /** The SQLSTATE both H2 and PostgreSQL report for a broken unique constraint. */
    static final String UNIQUE_VIOLATION = "23505";

    private Sql() {
    }

    // Instants travel as OffsetDateTime in UTC: a java.sql.Timestamp would pass through the JVM's time zone.
    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return instant(rs, rs.findColumn(column));
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static UUID uuid(ResultSet rs, String column) throws SQLException {
        return uuid(rs, rs.findColumn(column));
    }

    static UUID uuid(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    /**
     * Binds a UUID that may be absent. An absent one goes as a null of type OTHER, which PostgreSQL accepts in a
     * uuid column; JDBI's untyped null would be a varchar there.
     */
    static <S extends SqlStatement<S>> S bindUuid(S statement, String name, Optional<UUID> value) {
        return value.isPresent() ? statement.bind(name, value.get()) : statement.bindNull(name, Types.OTHER);
    }

    static Optional<String> string(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getString(column));
    }

    /** The SQLSTATE of the first SQLException among the causes of {@code e}, if any. */
    static Optional<String> sqlState(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return Optional.of(sql.getSQLState());
            }
        }
        return Optional.empty();
    }

    static boolean isUniqueViolation(Throwable e) {
        return sqlState(e).filter(UNIQUE_VIOLATION::equals).isPresent();
    }

    /**
     * Runs {@code insert} on a handle in a transaction and tells whether it stored a row: false when it broke a
     * unique constraint. A savepoint undoes the failed statement alone, since PostgreSQL refuses every further
     * statement of a transaction in which one failed.
     */
    static boolean insertUnlessDuplicate(Handle handle, Consumer<Handle> insert) {
        String savepoint = "before_insert";
        handle.savepoint(savepoint);
        try {
            insert.accept(handle);
        } catch (RuntimeException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            handle.rollbackToSavepoint(savepoint);
            return false;
        }
        handle.releaseSavepoint(savepoint);
        return true;
    }

    /** How often a new lock row's insert may lose to a concurrent one before the lock is given up as unattainable. */
    private static final int LOCK_ATTEMPTS = 100;

    /**
     * Locks a row that stands for a key (a phone number, a destination) for the rest of the transaction, on a handle
     * in a transaction. A new key's row is inserted, which locks it as well; when a concurrent transaction inserted
     * it first, its row is locked once that transaction commits.
     *
     * @param lockSql   selects the row {@code FOR UPDATE}
     * @param insertSql inserts the row
     * @param key       the parameters both statements bind: the row's primary key
     * @return whether this transaction inserted the row: the key is new
     */
    static boolean lockRow(Handle handle, String lockSql, String insertSql, Map<String, ?> key) {
        for (int attempt = 0; attempt < LOCK_ATTEMPTS; attempt++) {
            if (handle.createQuery(lockSql).bindMap(key).mapToMap().findOne().isPresent()) {
                return false;
            }
            if (insertUnlessDuplicate(handle, h -> h.createUpdate(insertSql).bindMap(key).execute())) {
                return true;
            }
        }
        throw new IllegalStateException("the row could not be locked");
    }

    /**
     * Updates the row, or inserts it when there is none, on a handle in a transaction. When a concurrent
     * transaction inserts the same row first, its row is updated.
     *
     * @param binding binds the parameters both statements share
     */
    static void upsert(Handle handle, String updateSql, String insertSql, UnaryOperator<Update> binding) {
        if (binding.apply(handle.createUpdate(updateSql)).execute() > 0
                || insertUnlessDuplicate(handle, h -> binding.apply(h.createUpdate(insertSql)).execute())) {
            return;
        }
        binding.apply(handle.createUpdate(updateSql)).execute();
    }
}
