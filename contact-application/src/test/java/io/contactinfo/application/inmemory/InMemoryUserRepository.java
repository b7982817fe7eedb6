package io.contactinfo.application.inmemory;

import io.contactinfo.application.port.out.UserRepository;
import io.contactinfo.domain.account.AccountId;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.user.InstitutionCustomerId;
import io.contactinfo.domain.user.User;
import io.contactinfo.domain.user.UserContacts;
import io.contactinfo.domain.user.UserId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link UserRepository} in a map, for tests of the core without a database. */
public final class InMemoryUserRepository implements UserRepository, InMemoryUnitOfWork.Transactional {

    private record Key(InstitutionId institutionId, InstitutionCustomerId customerId) {
    }

    /** In insertion order, so users of an account come back in the order they were added. */
    private final Map<Key, User> users = new LinkedHashMap<>();

    @Override
    public synchronized Optional<User> findByCustomerId(InstitutionId institutionId,
                                                        InstitutionCustomerId customerId) {
        return Optional.ofNullable(users.get(new Key(institutionId, customerId)));
    }

    @Override
    public synchronized Optional<UserContacts> findContactsByCustomerId(InstitutionId institutionId,
                                                                        InstitutionCustomerId customerId) {
        return findByCustomerId(institutionId, customerId).map(User::contacts);
    }

    @Override
    public synchronized Optional<User> findById(InstitutionId institutionId, UserId userId) {
        return users.values().stream()
                .filter(user -> user.institutionId().equals(institutionId) && user.id().equals(userId))
                .findFirst();
    }

    @Override
    public synchronized List<User> findByAccount(InstitutionId institutionId, AccountId accountId) {
        return users.values().stream()
                .filter(user -> user.institutionId().equals(institutionId)
                        && user.accountId().filter(accountId::equals).isPresent())
                .toList();
    }

    @Override
    public synchronized List<User> findByLoginIdOrEmail(InstitutionId institutionId, String value) {
        return users.values().stream()
                .filter(user -> user.institutionId().equals(institutionId) && user.isKnownBy(value))
                .toList();
    }

    @Override
    public synchronized void add(User user) {
        Key key = new Key(user.institutionId(), user.customerId());
        boolean loginIdTaken = user.profile().loginId()
                .map(loginId -> users.values().stream().anyMatch(other -> other.institutionId()
                        .equals(user.institutionId()) && other.profile().loginId().filter(taken -> loginId.matches(taken.value())).isPresent()))
                .orElse(false);
        if (users.containsKey(key) || findById(user.institutionId(), user.id()).isPresent() || loginIdTaken) {
            throw new IllegalStateException("user or customer already exists in its institution");
        }
        users.put(key, user);
    }

    @Override
    public synchronized void update(User user) {
        Key key = new Key(user.institutionId(), user.customerId());
        User stored = users.get(key);
        if (stored == null || !stored.id().equals(user.id())) {
            throw new IllegalStateException("no such user to update");
        }
        users.put(key, user);
    }

    @Override
    public synchronized boolean hasUsers(InstitutionId institutionId) {
        return users.keySet().stream().anyMatch(key -> key.institutionId().equals(institutionId));
    }

    @Override
    public synchronized Object snapshot() {
        return new LinkedHashMap<>(users);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        users.clear();
        users.putAll((Map<Key, User>) snapshot);
    }
}
