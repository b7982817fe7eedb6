package io.contactinfo.application.port.out;

import io.contactinfo.domain.contact.PhoneNumber;
import io.contactinfo.domain.user.Ssn;
import java.util.Objects;

/** What the account limits count accounts by (SPEC §4.3): a phone number or an SSN. */
public sealed interface LimitKey {

    /** The accounts whose user has this phone number. */
    record Phone(PhoneNumber number) implements LimitKey {
        public Phone {
            Objects.requireNonNull(number, "number");
        }
    }

    /** The accounts whose user has this SSN; implementations store a keyed hash of it, never the digits. */
    record SocialSecurityNumber(Ssn ssn) implements LimitKey {
        public SocialSecurityNumber {
            Objects.requireNonNull(ssn, "ssn");
        }
    }
}
