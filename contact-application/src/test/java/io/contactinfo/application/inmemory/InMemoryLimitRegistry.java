package io.contactinfo.application.inmemory;

import io.contactinfo.application.port.out.LimitKey;
import io.contactinfo.application.port.out.LimitRegistry;
import io.contactinfo.domain.account.AccountId;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.limits.LinkedAccounts;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link LimitRegistry} in maps. Its "lock" is the {@link InMemoryUnitOfWork}'s, which runs one
 * unit of work at a time; accounts' statuses come from the account repository.
 */
public final class InMemoryLimitRegistry implements LimitRegistry, InMemoryUnitOfWork.Transactional {

    private record Key(InstitutionId institutionId, LimitKey key) {
    }

    private final InMemoryAccountRepository accounts;
    /** For each key, every account ever linked, and whether its user still has the key. */
    private final Map<Key, Map<AccountId, Boolean>> links = new HashMap<>();

    public InMemoryLimitRegistry(InMemoryAccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public synchronized LinkedAccounts lockAndCount(InstitutionId institutionId, LimitKey key, AccountId except) {
        Map<AccountId, Boolean> linked = links.getOrDefault(new Key(institutionId, key), Map.of());
        int lifetime = 0;
        int active = 0;
        for (Map.Entry<AccountId, Boolean> link : linked.entrySet()) {
            if (link.getKey().equals(except)) {
                continue;
            }
            lifetime++;
            boolean open = accounts.findById(institutionId, link.getKey())
                    .map(account -> account.status().countsAsActive())
                    .orElse(false);
            if (link.getValue() && open) {
                active++;
            }
        }
        return new LinkedAccounts(active, lifetime);
    }

    @Override
    public synchronized void link(InstitutionId institutionId, LimitKey key, AccountId account) {
        links.computeIfAbsent(new Key(institutionId, key), k -> new LinkedHashMap<>()).put(account, true);
    }

    @Override
    public synchronized void release(InstitutionId institutionId, LimitKey key, AccountId account) {
        links.computeIfPresent(new Key(institutionId, key), (k, linked) -> {
            linked.computeIfPresent(account, (id, current) -> false);
            return linked;
        });
    }

    @Override
    public synchronized Object snapshot() {
        Map<Key, Map<AccountId, Boolean>> copy = new HashMap<>();
        links.forEach((key, linked) -> copy.put(key, new LinkedHashMap<>(linked)));
        return copy;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        links.clear();
        links.putAll((Map<Key, Map<AccountId, Boolean>>) snapshot);
    }
}
