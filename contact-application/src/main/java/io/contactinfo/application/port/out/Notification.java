package io.contactinfo.application.port.out;

import io.contactinfo.domain.contact.Channel;
import io.contactinfo.domain.institution.InstitutionId;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A message to a customer, waiting in the outbox until a sender delivers it.
 *
 * <p>It carries the real destination and, for an OTP, the code: the sender needs them. That is
 * why a notification is never logged or audited, only its {@link #messageId()} and kind.
 *
 * @param messageId   stable across delivery attempts, so a receiver can drop duplicates
 * @param institution the tenant
 * @param channel     SMS, VOICE or EMAIL
 * @param destination the phone number's 10 digits or the email address
 * @param kind        which message it is
 * @param parameters  what the message's template fills in (e.g. {@code code}, {@code changed})
 */
public record Notification(UUID messageId, InstitutionId institution, Channel channel, String destination,
                           Kind kind, Map<String, String> parameters) {

    /** The messages the service sends. */
    public enum Kind {
        /** A one-time passcode. */
        OTP_CODE,
        /** A phone, email or postal address of the customer was changed. */
        CONTACT_CHANGED,
        /** The customer's soft token changed status. */
        SOFT_TOKEN_CHANGED
    }

    public Notification {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(institution, "institution");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(kind, "kind");
        parameters = Map.copyOf(parameters);
    }

    /** Only what may be logged: never the destination or the parameters. */
    @Override
    public String toString() {
        return "Notification[" + messageId + ", " + kind + " by " + channel + "]";
    }
}
