package io.contactinfo.application.port.in;

import io.contactinfo.domain.contact.EmailAddress;
import io.contactinfo.domain.contact.PhoneNumber;
import io.contactinfo.domain.user.PostalAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * A change of a customer's contact info through the Contact Info API (seed 001): the email address alone,
 * or the phone number and/or the postal address.
 *
 * @param caller        who asks
 * @param userIdType    how {@code userId} names the customer
 * @param userId        the institution customer id, or a login id or email address
 * @param phone         the number to replace and its replacement, when the phone changes
 * @param email         the new email address, when the email changes
 * @param postalAddress the new home address, when the postal address changes
 */
public record UpdateContactInfoCommand(CallerContext caller, UserIdType userIdType, String userId,
                                       Optional<PhoneChange> phone, Optional<EmailAddress> email,
                                       Optional<PostalAddress> postalAddress) {

    /** How the path value of the Contact Info API names the customer (SPEC §4.4). */
    public enum UserIdType {
        /** The institution customer id. */
        CUSTOMER_ID,
        /** The customer's login id or, failing that, email address, without regard to case. */
        LOGIN_ID
    }

    /** The phone that has {@code oldNumber} gets {@code newNumber}, keeping its type and default. */
    public record PhoneChange(PhoneNumber oldNumber, PhoneNumber newNumber) {

        public PhoneChange {
            Objects.requireNonNull(oldNumber, "oldNumber");
            Objects.requireNonNull(newNumber, "newNumber");
        }
    }

    /**
     * @throws InvalidCommandException on {@code email} when the email comes with a phone or postal address,
     *                                 on {@code contactInfo} when nothing is to change
     */
    public UpdateContactInfoCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(userIdType, "userIdType");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(postalAddress, "postalAddress");
        if (email.isPresent() && (phone.isPresent() || postalAddress.isPresent())) {
            throw new InvalidCommandException("email",
                    "the email address is updated alone, not with the phone number or postal address");
        }
        if (email.isEmpty() && phone.isEmpty() && postalAddress.isEmpty()) {
            throw new InvalidCommandException("contactInfo",
                    "give the email address, or the phone number and/or the postal address");
        }
    }
}
