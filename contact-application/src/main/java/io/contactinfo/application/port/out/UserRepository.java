package io.contactinfo.application.port.out;

import io.contactinfo.domain.account.AccountId;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.user.InstitutionCustomerId;
import io.contactinfo.domain.user.User;
import io.contactinfo.domain.user.UserContacts;
import io.contactinfo.domain.user.UserId;
import java.util.List;
import java.util.Optional;

/** Where users are kept. Every look-up is scoped by institution: there is no cross-tenant read. */
public interface UserRepository {

    Optional<User> findByCustomerId(InstitutionId institutionId, InstitutionCustomerId customerId);

    /**
     * The phones and email of the institution's user with that customer id: what contact methods derive from,
     * without the rest of the user. Never locks the user, also in a unit of work: what it reads is not changed
     * through it, and a known and an unknown customer cost the same one look-up (no password-reset prober can tell
     * them apart by the time of the answer).
     */
    Optional<UserContacts> findContactsByCustomerId(InstitutionId institutionId, InstitutionCustomerId customerId);

    Optional<User> findById(InstitutionId institutionId, UserId userId);

    /** The users under an account, in the order they were added. */
    List<User> findByAccount(InstitutionId institutionId, AccountId accountId);

    /**
     * The users whose login id, or else email address, is {@code value} without regard to case (SPEC §4.4).
     * More than one means the value identifies no one.
     */
    List<User> findByLoginIdOrEmail(InstitutionId institutionId, String value);

    /**
     * Stores a new user with its phones and email, all or nothing.
     *
     * @throws IllegalStateException when the institution already has a user with that customer id, or with that
     *                               login id (compared without regard to case)
     */
    void add(User user);

    /** Replaces the stored user with {@code user}, which has the same id and institution. */
    void update(User user);

    /**
     * Stores {@code changed} in place of {@code stored}, the same user as this unit of work read it: an
     * implementation may write only the parts that differ (the database's does). By default, {@link #update(User)}.
     *
     * @throws IllegalStateException when no user with that id, institution and customer id is stored
     */
    default void update(User stored, User changed) {
        update(changed);
    }

    /** True when the institution has at least one user; used to load demo data only once. */
    boolean hasUsers(InstitutionId institutionId);
}
