package io.contactinfo.application.inmemory;

import io.contactinfo.application.port.out.IdempotencyStore;
import io.contactinfo.domain.institution.InstitutionId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An {@link IdempotencyStore} in a map. It locks nothing itself: the {@link InMemoryUnitOfWork} already runs one
 * unit of work at a time.
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore, InMemoryUnitOfWork.Transactional {

    private record Key(InstitutionId institutionId, UUID key) {
    }

    private final Map<Key, Entry> entries = new HashMap<>();

    @Override
    public void lock(InstitutionId institutionId, UUID key) {
        // One unit of work at a time already.
    }

    @Override
    public synchronized Optional<Entry> find(InstitutionId institutionId, UUID key) {
        return Optional.ofNullable(entries.get(new Key(institutionId, key)));
    }

    @Override
    public synchronized boolean add(Entry entry) {
        return entries.putIfAbsent(new Key(entry.institutionId(), entry.key()), entry) == null;
    }

    @Override
    public synchronized int purge(Instant olderThan) {
        int before = entries.size();
        entries.values().removeIf(entry -> entry.createdAt().isBefore(olderThan));
        return before - entries.size();
    }

    @Override
    public synchronized Object snapshot() {
        return new HashMap<>(entries);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        entries.clear();
        entries.putAll((Map<Key, Entry>) snapshot);
    }
}
