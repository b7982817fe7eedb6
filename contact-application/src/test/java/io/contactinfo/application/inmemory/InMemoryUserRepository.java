package io.contactinfo.application.inmemory;

import io.contactinfo.application.port.out.UserRepository;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.user.InstitutionCustomerId;
import io.contactinfo.domain.user.User;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link UserRepository} in a map, for tests of the core without a database. */
public final class InMemoryUserRepository implements UserRepository, InMemoryUnitOfWork.Transactional {

    private record Key(InstitutionId institutionId, InstitutionCustomerId customerId) {
    }

    private final Map<Key, User> users = new ConcurrentHashMap<>();

    @Override
    public Optional<User> findByCustomerId(InstitutionId institutionId, InstitutionCustomerId customerId) {
        return Optional.ofNullable(users.get(new Key(institutionId, customerId)));
    }

    @Override
    public void add(User user) {
        Key key = new Key(user.institutionId(), user.customerId());
        if (users.putIfAbsent(key, user) != null) {
            throw new IllegalStateException("customer already exists in its institution");
        }
    }

    @Override
    public Object snapshot() {
        return Map.copyOf(users);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        users.clear();
        users.putAll((Map<Key, User>) snapshot);
    }

    @Override
    public boolean hasUsers(InstitutionId institutionId) {
        return users.keySet().stream().anyMatch(key -> key.institutionId().equals(institutionId));
    }
}
