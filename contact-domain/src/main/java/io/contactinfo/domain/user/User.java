package io.contactinfo.domain.user;

import io.contactinfo.domain.contact.ContactMethod;
import io.contactinfo.domain.contact.Email;
import io.contactinfo.domain.contact.Phone;
import io.contactinfo.domain.contact.Phones;
import io.contactinfo.domain.institution.InstitutionId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A customer of an institution, with the phones and email the institution keeps for them. */
public final class User {

    private final UserId id;
    private final InstitutionId institutionId;
    private final InstitutionCustomerId customerId;
    private final List<Phone> phones;
    private final Optional<Email> email;

    private User(UserId id, InstitutionId institutionId, InstitutionCustomerId customerId, List<Phone> phones,
                 Optional<Email> email) {
        this.id = Objects.requireNonNull(id, "id");
        this.institutionId = Objects.requireNonNull(institutionId, "institutionId");
        this.customerId = Objects.requireNonNull(customerId, "customerId");
        this.phones = List.copyOf(phones);
        this.email = Objects.requireNonNull(email, "email");
    }

    /** A new user; the phones obey {@link Phones#withOneDefault}. */
    public static User create(UserId id, InstitutionId institutionId, InstitutionCustomerId customerId,
                              List<Phone> phones, Optional<Email> email) {
        return new User(id, institutionId, customerId, Phones.withOneDefault(phones), email);
    }

    /** A user as it was stored; for repositories only, the rules held when it was saved. */
    public static User reconstitute(UserId id, InstitutionId institutionId, InstitutionCustomerId customerId,
                                    List<Phone> phones, Optional<Email> email) {
        return new User(id, institutionId, customerId, phones, email);
    }

    public List<ContactMethod> contactMethods() {
        return ContactMethod.of(phones, email);
    }

    public UserId id() {
        return id;
    }

    public InstitutionId institutionId() {
        return institutionId;
    }

    public InstitutionCustomerId customerId() {
        return customerId;
    }

    public List<Phone> phones() {
        return phones;
    }

    public Optional<Email> email() {
        return email;
    }
}
