package io.contactinfo.application.port.out;

import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.user.InstitutionCustomerId;
import io.contactinfo.domain.user.User;
import java.util.Optional;

/** Where users are kept. Every look-up is scoped by institution: there is no cross-tenant read. */
public interface UserRepository {

    Optional<User> findByCustomerId(InstitutionId institutionId, InstitutionCustomerId customerId);

    /**
     * Stores a new user with its phones and email, all or nothing.
     *
     * @throws IllegalStateException when the institution already has a user with that customer id
     */
    void add(User user);

    /** True when the institution has at least one user; used to load demo data only once. */
    boolean hasUsers(InstitutionId institutionId);
}
