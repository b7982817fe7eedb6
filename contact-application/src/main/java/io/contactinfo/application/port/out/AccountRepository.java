package io.contactinfo.application.port.out;

import io.contactinfo.domain.account.Account;
import io.contactinfo.domain.account.AccountId;
import io.contactinfo.domain.institution.InstitutionId;
import java.util.Optional;

/** Where accounts are kept, always looked up within one institution. */
public interface AccountRepository {

    Optional<Account> findById(InstitutionId institutionId, AccountId accountId);

    void add(Account account);

    /** Replaces the stored account with {@code account}, which has the same id and institution. */
    void update(Account account);
}
