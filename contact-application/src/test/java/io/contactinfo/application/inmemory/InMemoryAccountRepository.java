package io.contactinfo.application.inmemory;

import io.contactinfo.application.port.out.AccountRepository;
import io.contactinfo.domain.account.Account;
import io.contactinfo.domain.account.AccountId;
import io.contactinfo.domain.institution.InstitutionId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** An {@link AccountRepository} in a map. */
public final class InMemoryAccountRepository implements AccountRepository, InMemoryUnitOfWork.Transactional {

    private final Map<AccountId, Account> accounts = new HashMap<>();

    @Override
    public synchronized Optional<Account> findById(InstitutionId institutionId, AccountId accountId) {
        return Optional.ofNullable(accounts.get(accountId))
                .filter(account -> account.institutionId().equals(institutionId));
    }

    @Override
    public synchronized void add(Account account) {
        if (accounts.putIfAbsent(account.id(), account) != null) {
            throw new IllegalStateException("account already exists");
        }
    }

    @Override
    public synchronized void update(Account account) {
        Account stored = accounts.get(account.id());
        if (stored == null || !stored.institutionId().equals(account.institutionId())) {
            throw new IllegalStateException("no such account to update");
        }
        accounts.put(account.id(), account);
    }

    @Override
    public synchronized Object snapshot() {
        return new HashMap<>(accounts);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        accounts.clear();
        accounts.putAll((Map<AccountId, Account>) snapshot);
    }
}
