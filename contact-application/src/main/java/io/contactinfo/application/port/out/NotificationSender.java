package io.contactinfo.application.port.out;

/**
 * Delivers a notification to its receiver: an SMS or voice gateway, a mail server.
 *
 * <p>A notification may be handed over more than once (after a retry, or when a dispatcher
 * outlived its lease); its {@link Notification#messageId()} stays the same, so an implementation
 * passes it on (a message-id header, an idempotency key) for the receiver to drop duplicates.
 */
public interface NotificationSender {

    /**
     * Hands the notification over. A failure is best returned as a {@link Delivery}; one thrown
     * counts as {@link Delivery.RetryLater}.
     */
    Delivery send(Notification notification);
}
