package io.contactinfo.domain.user;

import io.contactinfo.domain.contact.ContactMethod;
import io.contactinfo.domain.contact.Email;
import io.contactinfo.domain.contact.Phone;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The part of a {@link User} that listing contact methods and sending a passcode read: who the user is, and the
 * phones and email the contact methods derive from. A repository can load it without the rest of the user (no
 * profile, no identifying data to decrypt).
 *
 * @param phones in the user's order
 */
public record UserContacts(UserId userId, InstitutionCustomerId customerId, List<Phone> phones,
                           Optional<Email> email) {

    public UserContacts {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(customerId, "customerId");
        phones = List.copyOf(phones);
        Objects.requireNonNull(email, "email");
    }

    /** See {@link ContactMethod#of}. */
    public List<ContactMethod> contactMethods() {
        return ContactMethod.of(phones, email);
    }
}
