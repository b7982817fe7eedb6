package io.contactinfo.domain.contact;

/** Where a passcode or a notice is sent: a phone number or an email address. */
public sealed interface Destination permits PhoneNumber, EmailAddress {

    /** The form that may leave the domain: in responses, logs and audit records. */
    String masked();

    /** The form two spellings of one destination share: digits, or the lower-cased address. */
    String normalized();

    /** True when both name the same destination (email addresses compare without regard to case). */
    default boolean sameAs(Destination other) {
        return other != null && getClass() == other.getClass() && normalized().equals(other.normalized());
    }
}
