package io.contactinfo.adapter.persistence;

import static io.contactinfo.adapter.persistence.Sql.instant;
import static io.contactinfo.adapter.persistence.Sql.utc;
import static io.contactinfo.adapter.persistence.Sql.uuid;

import io.contactinfo.application.port.out.AccountRepository;
import io.contactinfo.domain.account.Account;
import io.contactinfo.domain.account.AccountId;
import io.contactinfo.domain.account.AccountStatus;
import io.contactinfo.domain.institution.InstitutionId;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Update;

/** The accounts, in the table {@code account}; every query goes by its primary key. */
public final class JdbiAccountRepository implements AccountRepository {

    private static final String FIND = """
            SELECT id, institution_id, status, status_changed_at FROM account
             WHERE id = :id AND institution_id = :institutionId
            """;
    private static final String INSERT = """
            INSERT INTO account (id, institution_id, status, status_changed_at)
            VALUES (:id, :institutionId, :status, :statusChangedAt)
            """;
    private static final String UPDATE = """
            UPDATE account SET status = :status, status_changed_at = :statusChangedAt
             WHERE id = :id AND institution_id = :institutionId
            """;

    private final Jdbi jdbi;

    public JdbiAccountRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public Optional<Account> findById(InstitutionId institutionId, AccountId accountId) {
        return jdbi.withHandle(handle -> handle.createQuery(FIND)
                .bind("id", accountId.value())
                .bind("institutionId", institutionId.value())
                .map((rs, ctx) -> Account.reconstitute(new AccountId(uuid(rs, "id")),
                        new InstitutionId(rs.getString("institution_id")),
                        AccountStatus.valueOf(rs.getString("status")), instant(rs, "status_changed_at")))
                .findOne());
    }

    /** @throws IllegalStateException when an account with that id is already stored */
    @Override
    public void add(Account account) {
        jdbi.useTransaction(handle -> {
            if (!Sql.insertUnlessDuplicate(handle, h -> bind(h.createUpdate(INSERT), account).execute())) {
                throw new IllegalStateException("account already exists");
            }
        });
    }

    /** @throws IllegalStateException when the institution has no account with that id */
    @Override
    public void update(Account account) {
        int updated = jdbi.withHandle(handle -> bind(handle.createUpdate(UPDATE), account).execute());
        if (updated != 1) {
            throw new IllegalStateException("no such account to update");
        }
    }

    private static Update bind(Update update, Account account) {
        return update.bind("id", account.id().value())
                .bind("institutionId", account.institutionId().value())
                .bind("status", account.status().name())
                .bind("statusChangedAt", utc(account.statusChangedAt()));
    }
}
