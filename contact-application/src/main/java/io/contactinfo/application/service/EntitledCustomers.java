package io.contactinfo.application.service;

import io.contactinfo.application.port.in.CallerContext;
import io.contactinfo.application.port.in.NotFoundException;
import io.contactinfo.application.port.out.UserRepository;
import io.contactinfo.domain.user.InstitutionCustomerId;
import io.contactinfo.domain.user.User;
import io.contactinfo.domain.user.UserContacts;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the customer a use case acts on, among those the caller may act on: the customers of the caller's
 * institution, and only the token's own customer when the token was issued for one. Any other customer is
 * indistinguishable from one that does not exist.
 */
final class EntitledCustomers {

    private final UserRepository users;

    EntitledCustomers(UserRepository users) {
        this.users = Objects.requireNonNull(users, "users");
    }

    /** @throws NotFoundException {@code CUSTOMER} unless the caller may act on that customer */
    User byCustomerId(CallerContext caller, InstitutionCustomerId customerId) {
        return entitled(caller, users.findByCustomerId(caller.institutionId(), customerId));
    }

    /** @throws NotFoundException {@code CUSTOMER} unless the caller may act on that customer */
    UserContacts contactsByCustomerId(CallerContext caller, InstitutionCustomerId customerId) {
        return users.findContactsByCustomerId(caller.institutionId(), customerId)
                .filter(contacts -> mayActOn(caller, contacts.customerId()))
                .orElseThrow(() -> new NotFoundException(NotFoundException.Resource.CUSTOMER));
    }

    /**
     * The one customer whose login id, or else email address, is {@code value} (SPEC §4.4).
     *
     * @throws NotFoundException {@code CUSTOMER} when none or several match, never saying which
     */
    User byLoginId(CallerContext caller, String value) {
        List<User> matches = users.findByLoginIdOrEmail(caller.institutionId(), value);
        return entitled(caller, matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty());
    }

    /**
     * The customer the caller's token was issued for (the Security API acts on no other).
     *
     * @throws NotFoundException {@code CUSTOMER} when the token names none, or none of the caller's institution
     */
    User tokenCustomer(CallerContext caller) {
        return caller.customerId().map(customerId -> byCustomerId(caller, customerId))
                .orElseThrow(() -> new NotFoundException(NotFoundException.Resource.CUSTOMER));
    }

    private static User entitled(CallerContext caller, Optional<User> user) {
        return user.filter(u -> mayActOn(caller, u.customerId()))
                .orElseThrow(() -> new NotFoundException(NotFoundException.Resource.CUSTOMER));
    }

    private static boolean mayActOn(CallerContext caller, InstitutionCustomerId customerId) {
        return caller.customerId().map(customerId::equals).orElse(true);
    }
}
