package io.contactinfo.application.inmemory;

import io.contactinfo.application.port.out.SoftTokenRepository;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.softtoken.SoftToken;
import io.contactinfo.domain.user.UserId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A {@link SoftTokenRepository} in a map. */
public final class InMemorySoftTokenRepository implements SoftTokenRepository, InMemoryUnitOfWork.Transactional {

    private record Key(InstitutionId institutionId, UserId userId) {
    }

    private final Map<Key, SoftToken> tokens = new HashMap<>();

    @Override
    public synchronized Optional<SoftToken> find(InstitutionId institutionId, UserId userId) {
        return Optional.ofNullable(tokens.get(new Key(institutionId, userId)));
    }

    @Override
    public synchronized void save(InstitutionId institutionId, SoftToken token) {
        tokens.put(new Key(institutionId, token.userId()), token);
    }

    @Override
    public synchronized Object snapshot() {
        return new HashMap<>(tokens);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        tokens.clear();
        tokens.putAll((Map<Key, SoftToken>) snapshot);
    }
}
