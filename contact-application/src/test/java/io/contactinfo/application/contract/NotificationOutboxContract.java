package io.contactinfo.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactinfo.application.port.out.Notification;
import io.contactinfo.application.port.out.NotificationOutbox;
import io.contactinfo.application.port.out.OutboxQueue;
import io.contactinfo.application.port.out.OutboxQueue.Claimed;
import io.contactinfo.domain.contact.Channel;
import io.contactinfo.domain.institution.InstitutionId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link NotificationOutbox} keeps until delivery, and how its {@link OutboxQueue} hands it out; extend
 * it once per implementation. Claims take notifications of every institution: an implementation on a database runs
 * these tests on an outbox of their own, which each claiming test first drains.
 */
public abstract class NotificationOutboxContract {

    private static final Instant NOW = Instant.parse("2024-03-01T10:15:30.123456Z");
    private static final Duration LEASE = Duration.ofMinutes(5);

    protected final InstitutionId bankA = new InstitutionId("bank-" + UUID.randomUUID());
    protected final InstitutionId bankB = new InstitutionId("bank-" + UUID.randomUUID());

    /** The implementation under test. */
    protected abstract NotificationOutbox notificationOutbox();

    /** The queue over the same notifications as {@link #notificationOutbox()}. */
    protected abstract OutboxQueue outboxQueue();

    /** The institution's notifications enqueued in the implementation under test and not delivered, oldest first. */
    protected abstract List<Notification> pendingOf(InstitutionId institutionId);

    /** Why the implementation under test last recorded the notification as not delivered, if it did. */
    protected abstract Optional<String> lastError(UUID messageId);

    @Test
    void givenNotifications_enqueue_keepsThemInOrderWithTheirParameters() {
        Notification code = new Notification(UUID.randomUUID(), bankA, Channel.SMS, "2125550147",
                Notification.Kind.OTP_CODE, Map.of("code", "012345"));
        Notification changed = new Notification(UUID.randomUUID(), bankA, Channel.EMAIL, "jane@example.com",
                Notification.Kind.CONTACT_CHANGED, Map.of("changed", "phone & email", "name", "Zoë = Jane", "x", ""));
        Notification none = new Notification(UUID.randomUUID(), bankA, Channel.VOICE, "2125550147",
                Notification.Kind.SOFT_TOKEN_CHANGED, Map.of());
        Notification elsewhere = new Notification(UUID.randomUUID(), bankB, Channel.SMS, "2125550147",
                Notification.Kind.OTP_CODE, Map.of("code", "999999"));

        notificationOutbox().enqueue(code);
        notificationOutbox().enqueue(elsewhere);
        notificationOutbox().enqueue(changed);
        notificationOutbox().enqueue(none);

        assertThat(pendingOf(bankA)).containsExactly(code, changed, none);
        assertThat(pendingOf(bankB)).containsExactly(elsewhere);
    }

    @Test
    void givenDueNotifications_claim_takesAtMostMaxOldestFirstAsFirstAttempts() {
        drain();
        Notification first = aNotification(bankA, "111111");
        Notification second = aNotification(bankB, "222222");
        Notification third = aNotification(bankA, "333333");
        List.of(first, second, third).forEach(notificationOutbox()::enqueue);

        assertThat(outboxQueue().claim(2, NOW, LEASE))
                .containsExactly(new Claimed(first, 1), new Claimed(second, 1));
        assertThat(outboxQueue().claim(2, NOW, LEASE)).containsExactly(new Claimed(third, 1));
        assertThat(outboxQueue().claim(2, NOW, LEASE)).isEmpty();
    }

    @Test
    void givenAClaimNotReportedOn_claim_takesItAgainOnceTheLeaseEnded() {
        drain();
        Notification notification = aNotification(bankA, "111111");
        notificationOutbox().enqueue(notification);
        outboxQueue().claim(10, NOW, LEASE);

        assertThat(outboxQueue().claim(10, NOW.plus(LEASE).minusNanos(1000), LEASE)).isEmpty();
        assertThat(outboxQueue().claim(10, NOW.plus(LEASE), LEASE))
                .containsExactly(new Claimed(notification, 2));
        assertThat(pendingOf(bankA)).containsExactly(notification);
    }

    @Test
    void givenADeliveredNotification_claim_neverTakesItAgain() {
        drain();
        Notification notification = aNotification(bankA, "111111");
        notificationOutbox().enqueue(notification);
        outboxQueue().claim(10, NOW, LEASE);

        outboxQueue().delivered(notification.messageId(), NOW);

        assertThat(outboxQueue().claim(10, NOW.plus(Duration.ofDays(365)), LEASE)).isEmpty();
        assertThat(pendingOf(bankA)).isEmpty();
    }

    @Test
    void givenARetryLater_claim_takesItAgainFromTheNextAttemptOn() {
        drain();
        Notification notification = aNotification(bankA, "111111");
        notificationOutbox().enqueue(notification);
        outboxQueue().claim(10, NOW, LEASE);
        Instant next = NOW.plusSeconds(30);

        outboxQueue().retryLater(notification.messageId(), "gateway timeout", next);

        assertThat(outboxQueue().claim(10, next.minusNanos(1000), LEASE)).isEmpty();
        assertThat(outboxQueue().claim(10, next, LEASE)).containsExactly(new Claimed(notification, 2));
        assertThat(pendingOf(bankA)).containsExactly(notification);
    }

    @Test
    void givenARejectedNotification_claim_neverTakesItAgain() {
        drain();
        Notification notification = aNotification(bankA, "111111");
        notificationOutbox().enqueue(notification);
        outboxQueue().claim(10, NOW, LEASE);

        outboxQueue().rejected(notification.messageId(), "invalid number", NOW);

        assertThat(outboxQueue().claim(10, NOW.plus(Duration.ofDays(365)), LEASE)).isEmpty();
        assertThat(pendingOf(bankA)).isEmpty();
    }

    @Test
    void givenAFailedAttempt_withdrawn_neverTakesItAgain_andKeepsWhyTheAttemptFailed() {
        drain();
        Notification tried = aNotification(bankA, "111111");
        Notification untried = aNotification(bankA, "222222");
        notificationOutbox().enqueue(tried);
        notificationOutbox().enqueue(untried);
        outboxQueue().claim(tried.messageId(), NOW, LEASE);
        outboxQueue().retryLater(tried.messageId(), "gateway timeout", NOW.plusSeconds(30));

        outboxQueue().withdrawn(tried.messageId(), "withdrawn", NOW);
        outboxQueue().withdrawn(untried.messageId(), "withdrawn", NOW);

        assertThat(outboxQueue().claim(10, NOW.plus(Duration.ofDays(365)), LEASE)).isEmpty();
        assertThat(pendingOf(bankA)).isEmpty();
        assertThat(lastError(tried.messageId())).contains("withdrawn: gateway timeout");
        assertThat(lastError(untried.messageId())).contains("withdrawn");
    }

    /** What a passcode the provider refused meets: the refusal already ended it, and is what stays. */
    @Test
    void givenARejectedNotification_withdrawn_changesNothing() {
        drain();
        Notification notification = aNotification(bankA, "111111");
        notificationOutbox().enqueue(notification);
        outboxQueue().claim(notification.messageId(), NOW, LEASE);
        outboxQueue().rejected(notification.messageId(), "invalid number", NOW);

        outboxQueue().withdrawn(notification.messageId(), "withdrawn", NOW);

        assertThat(lastError(notification.messageId())).contains("invalid number");
    }

    @Test
    void givenADeliveredNotification_aLateRetryLaterOfAnExpiredClaim_leavesItDelivered() {
        drain();
        Notification notification = aNotification(bankA, "111111");
        notificationOutbox().enqueue(notification);
        outboxQueue().claim(10, NOW, LEASE);
        outboxQueue().claim(10, NOW.plus(LEASE), LEASE);
        outboxQueue().delivered(notification.messageId(), NOW.plus(LEASE));

        outboxQueue().retryLater(notification.messageId(), "timeout", NOW.plus(LEASE));
        outboxQueue().rejected(notification.messageId(), "timeout", NOW.plus(LEASE));
        outboxQueue().withdrawn(notification.messageId(), "withdrawn", NOW.plus(LEASE));

        assertThat(outboxQueue().claim(10, NOW.plus(Duration.ofDays(365)), LEASE)).isEmpty();
        assertThat(pendingOf(bankA)).isEmpty();
        assertThat(lastError(notification.messageId())).isEmpty();
    }

    @Test
    void givenADueNotification_claimItsId_takesItAlone_andNotWhileItsLeaseRuns() {
        Notification wanted = aNotification(bankA, "111111");
        Notification other = aNotification(bankA, "222222");
        notificationOutbox().enqueue(other);
        notificationOutbox().enqueue(wanted);

        assertThat(outboxQueue().claim(wanted.messageId(), NOW, LEASE)).contains(new Claimed(wanted, 1));
        assertThat(outboxQueue().claim(wanted.messageId(), NOW, LEASE)).isEmpty();
        assertThat(outboxQueue().claim(wanted.messageId(), NOW.plus(LEASE), LEASE)).contains(new Claimed(wanted, 2));
        assertThat(outboxQueue().claim(10, NOW, LEASE)).extracting(Claimed::notification).contains(other)
                .doesNotContain(wanted);
    }

    @Test
    void givenADeliveredOrUnknownNotification_claimItsId_takesNothing() {
        Notification notification = aNotification(bankA, "111111");
        notificationOutbox().enqueue(notification);
        outboxQueue().claim(notification.messageId(), NOW, LEASE);
        outboxQueue().delivered(notification.messageId(), NOW);

        assertThat(outboxQueue().claim(notification.messageId(), NOW.plus(Duration.ofDays(1)), LEASE)).isEmpty();
        assertThat(outboxQueue().claim(UUID.randomUUID(), NOW, LEASE)).isEmpty();
    }

    /** Delivers whatever earlier tests left due, so that claims see only this test's notifications. */
    private void drain() {
        for (Claimed left : outboxQueue().claim(100_000, NOW.plus(Duration.ofDays(3650)), LEASE)) {
            outboxQueue().delivered(left.notification().messageId(), NOW);
        }
    }

    private static Notification aNotification(InstitutionId institution, String code) {
        return new Notification(UUID.randomUUID(), institution, Channel.SMS, "2125550147",
                Notification.Kind.OTP_CODE, Map.of("code", code));
    }
}
