package io.contactinfo.adapter.persistence;

import io.contactinfo.adapter.persistence.crypto.KeyedHash;
import io.contactinfo.application.port.out.LimitKey;
import io.contactinfo.application.port.out.LimitRegistry;
import io.contactinfo.domain.account.AccountId;
import io.contactinfo.domain.account.AccountStatus;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.limits.LinkedAccounts;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.Update;

/**
 * The links of phone numbers and SSNs to accounts, in the tables {@code limit_key} and {@code limit_link}.
 *
 * <p>Race-free through the database, whatever the number of processes: {@link #lockAndCount} locks the key's row
 * with {@code SELECT ... FOR UPDATE} (inserting it first when the key is new) and holds the lock until the
 * transaction ends, so a second enrollment for the same key waits, then counts the first one's link. Under READ
 * COMMITTED, the count that follows the lock sees every transaction that held the lock before.
 *
 * <p>An SSN is kept as its keyed hash (HMAC-SHA256), never as digits.
 */
public final class JdbiLimitRegistry implements LimitRegistry {

    private static final String LOCK_KEY = """
            SELECT key_value FROM limit_key
             WHERE institution_id = :institutionId AND kind = :kind AND key_value = :keyValue
               FOR UPDATE
            """;
    private static final String INSERT_KEY = """
            INSERT INTO limit_key (institution_id, kind, key_value) VALUES (:institutionId, :kind, :keyValue)
            """;
    // By the primary key's leading columns; the account by its primary key.
    private static final String COUNT = """
            SELECT COUNT(*) AS lifetime,
                   COALESCE(SUM(CASE WHEN l.is_held AND a.status IN (<activeStatuses>) THEN 1 ELSE 0 END), 0)
                       AS active
              FROM limit_link l
              LEFT JOIN account a ON a.id = l.account_id
             WHERE l.institution_id = :institutionId AND l.kind = :kind AND l.key_value = :keyValue
               AND l.account_id <> :except
            """;
    private static final String HOLD = """
            UPDATE limit_link SET is_held = :held
             WHERE institution_id = :institutionId AND kind = :kind AND key_value = :keyValue
               AND account_id = :accountId
            """;
    private static final String INSERT_LINK = """
            INSERT INTO limit_link (institution_id, kind, key_value, account_id, is_held, linked_at)
            VALUES (:institutionId, :kind, :keyValue, :accountId, :held, CURRENT_TIMESTAMP)
            """;

    /** The statuses that count as active, as the domain defines them. */
    private static final List<String> ACTIVE_STATUSES = Arrays.stream(AccountStatus.values())
            .filter(AccountStatus::countsAsActive).map(AccountStatus::name).toList();

    private final Jdbi jdbi;
    private final KeyedHash ssnHash;

    /** @param ssnHash the keyed hash that stands for an SSN */
    public JdbiLimitRegistry(Jdbi jdbi, KeyedHash ssnHash) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.ssnHash = Objects.requireNonNull(ssnHash, "ssnHash");
    }

    @Override
    public LinkedAccounts lockAndCount(InstitutionId institutionId, LimitKey key, AccountId except) {
        Key row = row(institutionId, key);
        return jdbi.inTransaction(handle -> {
            if (lock(handle, row)) {
                // A key this transaction has just stored has no links: a link needs its key's row (the foreign key),
                // and no other transaction links to it before this one ends, since link takes the key's lock first.
                return LinkedAccounts.NONE;
            }
            return row.bind(handle.createQuery(COUNT))
                    .bindList("activeStatuses", ACTIVE_STATUSES)
                    .bind("except", except.value())
                    .map((rs, ctx) -> new LinkedAccounts(rs.getInt("active"), rs.getInt("lifetime")))
                    .one();
        });
    }

    /**
     * Links the account to the key, or marks it held again; takes the key's lock like {@link #lockAndCount}. The
     * insert comes first: the account is almost always new to the key (an enrollment, a phone number added), and the
     * lock keeps any other transaction from linking it in between.
     */
    @Override
    public void link(InstitutionId institutionId, LimitKey key, AccountId account) {
        Key row = row(institutionId, key);
        jdbi.useTransaction(handle -> {
            lock(handle, row);
            if (!Sql.insertUnlessDuplicate(handle, h -> bindLink(h.createUpdate(INSERT_LINK), row, account, true)
                    .execute())) {
                bindLink(handle.createUpdate(HOLD), row, account, true).execute();
            }
        });
    }

    @Override
    public void release(InstitutionId institutionId, LimitKey key, AccountId account) {
        Key row = row(institutionId, key);
        jdbi.useHandle(handle -> bindLink(handle.createUpdate(HOLD), row, account, false).execute());
    }

    /** Locks the key's row for the rest of the transaction (see {@link Sql#lockRow}); true when the key is new. */
    private static boolean lock(Handle handle, Key row) {
        return Sql.lockRow(handle, LOCK_KEY, INSERT_KEY,
                Map.of("institutionId", row.institutionId(), "kind", row.kind(), "keyValue", row.keyValue()));
    }

    private static Update bindLink(Update update, Key row, AccountId account, boolean held) {
        return row.bind(update).bind("accountId", account.value()).bind("held", held);
    }

    private Key row(InstitutionId institutionId, LimitKey key) {
        if (key instanceof LimitKey.Phone phone) {
            return new Key(institutionId.value(), "PHONE", phone.number().digits());
        }
        String ssn = ((LimitKey.SocialSecurityNumber) key).ssn().digits();
        return new Key(institutionId.value(), "SSN", ssnHash.hex(ssn));
    }

    /** A key's primary key in {@code limit_key}. */
    private record Key(String institutionId, String kind, String keyValue) {

        <S extends SqlStatement<S>> S bind(S statement) {
            return statement.bind("institutionId", institutionId).bind("kind", kind).bind("keyValue", keyValue);
        }
    }
}
