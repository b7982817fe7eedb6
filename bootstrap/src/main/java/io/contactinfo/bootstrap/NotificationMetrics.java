package io.contactinfo.bootstrap;

import io.contactinfo.application.port.in.DispatchNotificationsUseCase;
import io.contactinfo.application.port.in.DispatchReport;
import io.contactinfo.domain.contact.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Counts the outbox's notifications by channel and outcome, from what the dispatcher reports — its runs and the
 * passcodes it sends at once: on {@code /metrics} as
 * {@code contactinfo_notifications_total{channel="SMS",outcome="delivered"}} (outcomes {@code delivered},
 * {@code retried}, {@code rejected}; a message whose attempts ran out counts as rejected). Every series exists from
 * the start, at zero, so a rate over it is defined before the first failure.
 */
final class NotificationMetrics {

    static final String NAME = "contactinfo.notifications";

    private final Map<Channel, Map<DispatchReport.Outcome, Counter>> counters = new EnumMap<>(Channel.class);

    NotificationMetrics(MeterRegistry registry) {
        for (Channel channel : Channel.values()) {
            Map<DispatchReport.Outcome, Counter> byOutcome = new EnumMap<>(DispatchReport.Outcome.class);
            for (DispatchReport.Outcome outcome : DispatchReport.Outcome.values()) {
                byOutcome.put(outcome, Counter.builder(NAME)
                        .description("Notifications handed to a provider, by channel and outcome")
                        .tag("channel", channel.name())
                        .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                        .register(registry));
            }
            counters.put(channel, byOutcome);
        }
    }

    /** The dispatcher, counting what it does. */
    DispatchNotificationsUseCase counting(DispatchNotificationsUseCase dispatcher) {
        return new DispatchNotificationsUseCase() {
            @Override
            public DispatchReport dispatchOnce() {
                DispatchReport report = dispatcher.dispatchOnce();
                report.dispatched().forEach(NotificationMetrics.this::count);
                return report;
            }

            @Override
            public Optional<DispatchReport.Dispatched> dispatchNow(UUID messageId) {
                Optional<DispatchReport.Dispatched> dispatched = dispatcher.dispatchNow(messageId);
                dispatched.ifPresent(NotificationMetrics.this::count);
                return dispatched;
            }

            @Override
            public void withdraw(UUID messageId) {
                dispatcher.withdraw(messageId);
            }
        };
    }

    private void count(DispatchReport.Dispatched dispatched) {
        counters.get(dispatched.channel()).get(dispatched.outcome()).increment();
    }
}
