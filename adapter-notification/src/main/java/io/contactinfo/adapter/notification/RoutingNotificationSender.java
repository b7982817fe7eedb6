package io.contactinfo.adapter.notification;

import io.contactinfo.application.port.out.Delivery;
import io.contactinfo.application.port.out.Notification;
import io.contactinfo.application.port.out.NotificationSender;
import io.contactinfo.domain.contact.Channel;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Hands each notification to the provider of its channel: email to SMTP, SMS and voice to the webhook, say.
 *
 * <p>A channel without a provider goes to the fallback: in dev mode the log; otherwise, by default, nowhere yet —
 * {@code RetryLater("no provider configured for SMS")}, so the message waits in the outbox (and its back-off) for
 * an operator to configure one, until its attempts run out.
 */
public final class RoutingNotificationSender implements NotificationSender {

    private final Map<Channel, NotificationSender> providers;
    private final NotificationSender fallback;

    /** Channels without a provider are retried later. */
    public RoutingNotificationSender(Map<Channel, NotificationSender> providers) {
        this(providers, notification ->
                new Delivery.RetryLater("no provider configured for " + notification.channel()));
    }

    /** Channels without a provider go to {@code fallback}. */
    public RoutingNotificationSender(Map<Channel, NotificationSender> providers, NotificationSender fallback) {
        this.providers = providers.isEmpty() ? Map.of() : new EnumMap<>(providers);
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    @Override
    public Delivery send(Notification notification) {
        return providers.getOrDefault(notification.channel(), fallback).send(notification);
    }
}
