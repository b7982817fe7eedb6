package io.contactinfo.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactinfo.application.inmemory.InMemoryPorts;
import io.contactinfo.application.port.in.DispatchReport;
import io.contactinfo.application.port.in.DispatchReport.Dispatched;
import io.contactinfo.application.port.in.DispatchReport.Outcome;
import io.contactinfo.application.port.out.Delivery;
import io.contactinfo.application.port.out.Notification;
import io.contactinfo.application.port.out.NotificationSender;
import io.contactinfo.application.port.out.UnitOfWork;
import io.contactinfo.application.service.DispatchNotificationsService.Settings;
import io.contactinfo.domain.contact.Channel;
import io.contactinfo.domain.institution.InstitutionId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class DispatchNotificationsServiceTest {

    private static final Instant NOW = Instant.parse("2024-03-01T10:15:30Z");
    private static final InstitutionId BANK = new InstitutionId("bank-a");
    /** Retries after 10 s, 20 s, 40 s, then every 60 s; the fifth failed attempt gives up. */
    private static final Settings SETTINGS = new Settings(10, Duration.ofMinutes(5), Duration.ofSeconds(10),
            Duration.ofSeconds(60), 5);

    private final InMemoryPorts ports = new InMemoryPorts();
    private final AdjustableClock clock = new AdjustableClock(NOW);
    private final ScriptedSender sender = new ScriptedSender();
    private final DispatchNotificationsService dispatcher =
            new DispatchNotificationsService(ports.outbox(), sender, ports.unitOfWork(), SETTINGS, clock);

    @Test
    void givenPendingNotifications_dispatchOnce_deliversEachOnceAndForgetsThem() {
        Notification first = enqueue("111111");
        Notification second = enqueue("222222");

        assertThat(dispatcher.dispatchOnce().handled()).isEqualTo(2);

        assertThat(sender.sent).containsExactly(first, second);
        assertThat(ports.outbox().pending()).isEmpty();
        clock.advance(Duration.ofDays(1));
        assertThat(dispatcher.dispatchOnce().handled()).isZero();
        assertThat(sender.sent).hasSize(2);
    }

    @Test
    void aWithdrawnNotification_isNeverDelivered_butOneAlreadyDeliveredStaysDelivered() {
        sender.script(() -> new Delivery.RetryLater("timeout"));
        Notification failed = enqueue("111111");
        assertThat(dispatcher.dispatchNow(failed.messageId())).hasValueSatisfying(
                dispatched -> assertThat(dispatched.outcome()).isEqualTo(DispatchReport.Outcome.RETRIED));
        Notification delivered = enqueue("222222");
        assertThat(dispatcher.dispatchNow(delivered.messageId())).hasValueSatisfying(
                dispatched -> assertThat(dispatched.outcome()).isEqualTo(DispatchReport.Outcome.DELIVERED));

        dispatcher.withdraw(failed.messageId());
        dispatcher.withdraw(delivered.messageId());

        assertThat(dispatchAfter(Duration.ofDays(1))).isZero();
        assertThat(sender.sent).containsExactly(failed, delivered);
        assertThat(ports.outbox().pending()).isEmpty();
        assertThat(ports.outbox().lastError(failed.messageId())).hasValueSatisfying(
                error -> assertThat(error).startsWith("withdrawn").endsWith(": timeout"));
        assertThat(ports.outbox().lastError(delivered.messageId())).isEmpty();
    }

    /** A commit per outcome made the dispatcher cost as much as the request that queued the notification. */
    @Test
    void givenABatch_dispatchOnce_recordsItsOutcomesInOneUnitOfWork() {
        sender.script(Delivery.Delivered::new, () -> new Delivery.RetryLater("timeout"),
                () -> new Delivery.Rejected("no such number"));
        for (int i = 0; i < 3; i++) {
            enqueue("00000" + i);
        }
        List<Boolean> sentInsideAUnitOfWork = new ArrayList<>();
        int[] units = {0};
        UnitOfWork counting = new UnitOfWork() {
            @Override
            public <T> T transactionally(Supplier<T> work) {
                units[0]++;
                return ports.unitOfWork().transactionally(work);
            }

            @Override
            public <T> T attempt(Supplier<T> work) {
                return ports.unitOfWork().attempt(work);
            }
        };
        NotificationSender watched = notification -> {
            sentInsideAUnitOfWork.add(units[0] > 0);
            return sender.send(notification);
        };

        DispatchReport report = new DispatchNotificationsService(ports.outbox(), watched, counting, SETTINGS, clock)
                .dispatchOnce();

        assertThat(report.dispatched()).extracting(Dispatched::outcome)
                .containsExactly(Outcome.DELIVERED, Outcome.RETRIED, Outcome.REJECTED);
        assertThat(units[0]).isEqualTo(1);
        assertThat(sentInsideAUnitOfWork).as("sent before the unit of work").containsExactly(false, false, false);
        assertThat(ports.outbox().pending()).hasSize(1);
    }

    @Test
    void givenMoreThanABatch_dispatchOnce_handlesOneBatch() {
        for (int i = 0; i < 15; i++) {
            enqueue("00000" + (i % 10));
        }

        assertThat(dispatcher.dispatchOnce().handled()).isEqualTo(10);
        assertThat(dispatcher.dispatchOnce().handled()).isEqualTo(5);
        assertThat(dispatcher.dispatchOnce().handled()).isZero();
    }

    @Test
    void givenAFailingAttempt_dispatchOnce_retriesAfterADoublingBackOffWithTheSameMessageId() {
        Notification notification = enqueue("111111");
        sender.script(() -> new Delivery.RetryLater("gateway timeout"), () -> new Delivery.RetryLater("timeout"),
                () -> new Delivery.RetryLater("timeout"), Delivery.Delivered::new);

        assertThat(dispatcher.dispatchOnce().handled()).isEqualTo(1);
        assertThat(ports.outbox().lastError(notification.messageId())).contains("gateway timeout");
        assertThat(dispatchAfter(Duration.ofSeconds(10).minusNanos(1))).isZero();
        assertThat(dispatchAfter(Duration.ofNanos(1))).isEqualTo(1);
        assertThat(dispatchAfter(Duration.ofSeconds(20).minusNanos(1))).isZero();
        assertThat(dispatchAfter(Duration.ofNanos(1))).isEqualTo(1);
        assertThat(dispatchAfter(Duration.ofSeconds(40).minusNanos(1))).isZero();
        assertThat(dispatchAfter(Duration.ofNanos(1))).isEqualTo(1);

        assertThat(sender.sent).hasSize(4).allSatisfy(sent -> assertThat(sent).isEqualTo(notification));
        assertThat(ports.outbox().pending()).isEmpty();
    }

    @Test
    void eachRun_reportsTheChannelAndOutcomeOfEveryNotificationItHandled() {
        enqueue("111111");
        enqueue("222222");
        Notification email = new Notification(UUID.randomUUID(), BANK, Channel.EMAIL, "jane.doe@example.com",
                Notification.Kind.CONTACT_CHANGED, Map.of("changed", "email"));
        ports.outbox().enqueue(email);
        sender.script(Delivery.Delivered::new, () -> new Delivery.RetryLater("timeout"),
                () -> new Delivery.Rejected("unknown mailbox"));

        DispatchReport report = dispatcher.dispatchOnce();

        assertThat(report.dispatched()).containsExactly(new Dispatched(Channel.SMS, Outcome.DELIVERED),
                new Dispatched(Channel.SMS, Outcome.RETRIED), new Dispatched(Channel.EMAIL, Outcome.REJECTED));
        assertThat(report.count(Outcome.RETRIED)).isEqualTo(1);
        assertThat(dispatcher.dispatchOnce()).isEqualTo(DispatchReport.NOTHING_DUE);
    }

    @Test
    void givenTheLastAttemptFailing_theReport_countsTheNotificationAsRejected() {
        enqueue("111111");
        sender.failAlways();
        for (int attempt = 1; attempt < SETTINGS.maxAttempts(); attempt++) {
            assertThat(dispatchAfter(Duration.ofMinutes(1))).isEqualTo(1);
        }
        clock.advance(Duration.ofMinutes(1));

        assertThat(dispatcher.dispatchOnce().dispatched())
                .containsExactly(new Dispatched(Channel.SMS, Outcome.REJECTED));
    }

    @Test
    void givenManyFailures_theBackOff_staysAtTheMaximumDelay() {
        Settings settings = new Settings(10, Duration.ofMinutes(5), Duration.ofSeconds(10), Duration.ofSeconds(60),
                100);

        assertThat(List.of(1, 2, 3, 4, 5, 99).stream().map(settings::backOff)).containsExactly(
                Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(40), Duration.ofSeconds(60),
                Duration.ofSeconds(60), Duration.ofSeconds(60));
    }

    @Test
    void givenARejection_dispatchOnce_neverTriesAgain() {
        Notification notification = enqueue("111111");
        sender.script(() -> new Delivery.Rejected("invalid number"));

        dispatcher.dispatchOnce();

        assertThat(ports.outbox().pending()).isEmpty();
        assertThat(ports.outbox().lastError(notification.messageId())).contains("invalid number");
        assertThat(dispatchAfter(Duration.ofDays(1))).isZero();
        assertThat(sender.sent).hasSize(1);
    }

    @Test
    void givenEveryAttemptFailing_dispatchOnce_rejectsTheNotificationAfterMaxAttempts() {
        Notification notification = enqueue("111111");
        sender.failAlways();

        for (int attempt = 1; attempt <= SETTINGS.maxAttempts(); attempt++) {
            assertThat(dispatchAfter(Duration.ofMinutes(1))).isEqualTo(1);
        }

        assertThat(dispatchAfter(Duration.ofDays(1))).isZero();
        assertThat(sender.sent).hasSize(SETTINGS.maxAttempts());
        assertThat(ports.outbox().pending()).isEmpty();
        assertThat(ports.outbox().lastError(notification.messageId())).contains("gave up after 5 attempts: down");
    }

    @Test
    void givenASenderThatThrows_dispatchOnce_retriesLaterWithoutTheExceptionsMessage() {
        Notification notification = enqueue("111111");
        sender.script(() -> {
            throw new IllegalStateException("cannot reach 2125550147");
        }, Delivery.Delivered::new);

        assertThat(dispatcher.dispatchOnce().handled()).isEqualTo(1);

        assertThat(ports.outbox().pending()).containsExactly(notification);
        assertThat(ports.outbox().lastError(notification.messageId()))
                .contains("sender failed: java.lang.IllegalStateException");
        assertThat(dispatchAfter(SETTINGS.baseDelay())).isEqualTo(1);
        assertThat(ports.outbox().pending()).isEmpty();
    }

    @Test
    void givenADispatcherThatDiedMidBatch_anotherOne_deliversAgainUnderTheSameMessageIdOnceTheLeaseEnded() {
        Notification notification = enqueue("111111");
        ports.outbox().claim(10, NOW, SETTINGS.lease()); // a dispatcher that never reported back

        assertThat(dispatchAfter(SETTINGS.lease().minusNanos(1))).isZero();
        assertThat(dispatchAfter(Duration.ofNanos(1))).isEqualTo(1);

        assertThat(sender.sent).singleElement().extracting(Notification::messageId)
                .isEqualTo(notification.messageId());
        assertThat(ports.outbox().pending()).isEmpty();
    }

    @Test
    void givenNonsense_settings_areRefused() {
        Duration second = Duration.ofSeconds(1);
        assertThatThrownBy(() -> new Settings(0, second, second, second, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Settings(1, Duration.ZERO, second, second, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Settings(1, second, Duration.ZERO, second, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Settings(1, second, second.multipliedBy(2), second, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Settings(1, second, second, second, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private int dispatchAfter(Duration wait) {
        clock.advance(wait);
        return dispatcher.dispatchOnce().handled();
    }

    private Notification enqueue(String code) {
        Notification notification = new Notification(UUID.randomUUID(), BANK, Channel.SMS, "2125550147",
                Notification.Kind.OTP_CODE, Map.of("code", code));
        ports.outbox().enqueue(notification);
        return notification;
    }

    /** Answers with its script, then delivers (or fails, once told to); records what it was handed. */
    private static final class ScriptedSender implements NotificationSender {

        final List<Notification> sent = new ArrayList<>();
        private final Deque<Supplier<Delivery>> script = new ArrayDeque<>();
        private boolean failAlways;

        @SafeVarargs
        final void script(Supplier<Delivery>... outcomes) {
            script.addAll(List.of(outcomes));
        }

        void failAlways() {
            failAlways = true;
        }

        @Override
        public Delivery send(Notification notification) {
            sent.add(notification);
            if (!script.isEmpty()) {
                return script.removeFirst().get();
            }
            return failAlways ? new Delivery.RetryLater("down") : new Delivery.Delivered();
        }
    }
}
