package io.contactinfo.application.service;

import io.contactinfo.domain.contact.ContactMethod;
import io.contactinfo.domain.contact.ContactMethodId;
import io.contactinfo.domain.contact.Destination;
import io.contactinfo.domain.contact.Phone;
import io.contactinfo.domain.user.UserContacts;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A contact method of a user together with what lies behind it: the unmasked destination, when it was
 * last set (for the password-reset cool-off) and, for a phone, the phone record.
 *
 * <p>A user lists its contact methods but does not say which phone or email each came from; the ids
 * derive from one phone or email alone, so listing the methods of each separately tells.
 */
record ContactMethodTarget(ContactMethod method, Destination destination, Instant lastUpdated,
                           Optional<Phone> phone) {

    ContactMethodTarget {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(lastUpdated, "lastUpdated");
        Objects.requireNonNull(phone, "phone");
    }

    /** The user's contact method with that id, if the user has it now. */
    static Optional<ContactMethodTarget> find(UserContacts user, ContactMethodId id) {
        for (Phone phone : user.phones()) {
            Optional<ContactMethod> method = withId(ContactMethod.of(List.of(phone), Optional.empty()), id);
            if (method.isPresent()) {
                return Optional.of(new ContactMethodTarget(method.get(), phone.number(), phone.lastUpdated(),
                        Optional.of(phone)));
            }
        }
        return user.email().flatMap(email -> withId(ContactMethod.of(List.of(), Optional.of(email)), id)
                .map(method -> new ContactMethodTarget(method, email.address(), email.lastUpdated(),
                        Optional.empty())));
    }

    private static Optional<ContactMethod> withId(List<ContactMethod> methods, ContactMethodId id) {
        return methods.stream().filter(m -> m.id().equals(id)).findFirst();
    }
}
