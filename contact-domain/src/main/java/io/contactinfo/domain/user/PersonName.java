package io.contactinfo.domain.user;

import java.util.Objects;
import java.util.Optional;

/** A user's name (seed 002, "profileData"): first and last name required, middle name optional. */
public record PersonName(FirstName first, Optional<MiddleName> middle, LastName last) {

    public PersonName {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(middle, "middle");
        Objects.requireNonNull(last, "last");
    }

    /** A name from its parts as sent; a missing or empty middle name is no middle name. */
    public static PersonName of(String first, String middle, String last) {
        return new PersonName(new FirstName(first),
                Optional.ofNullable(middle).filter(m -> !m.isEmpty()).map(MiddleName::new),
                new LastName(last));
    }
}
