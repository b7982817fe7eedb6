package io.contactinfo.application.service;

import io.contactinfo.application.port.in.DispatchNotificationsUseCase;
import io.contactinfo.application.port.out.Notification;
import io.contactinfo.application.port.out.NotificationOutbox;
import io.contactinfo.domain.contact.Channel;
import io.contactinfo.domain.contact.Destination;
import io.contactinfo.domain.contact.EmailAddress;
import io.contactinfo.domain.institution.InstitutionId;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Puts messages to a customer in the outbox; call it inside the unit of work of the change that causes them. */
final class CustomerNotices {

    private final NotificationOutbox outbox;

    CustomerNotices(NotificationOutbox outbox) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
    }

    /** @return the message's id, by which it can be {@linkplain DispatchNotificationsUseCase#dispatchNow sent now} */
    UUID send(InstitutionId institution, Channel channel, Destination destination, Notification.Kind kind,
              Map<String, String> parameters) {
        UUID messageId = UUID.randomUUID();
        outbox.enqueue(new Notification(messageId, institution, channel, address(destination), kind, parameters));
        return messageId;
    }

    /** The form a sender delivers to: the ten digits, or the email address as the customer spelled it. */
    private static String address(Destination destination) {
        return destination instanceof EmailAddress email ? email.value() : destination.normalized();
    }
}
