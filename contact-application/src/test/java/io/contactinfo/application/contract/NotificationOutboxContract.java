package io.contactinfo.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactinfo.application.port.out.Notification;
import io.contactinfo.application.port.out.NotificationOutbox;
import io.contactinfo.domain.contact.Channel;
import io.contactinfo.domain.institution.InstitutionId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link NotificationOutbox} keeps until delivery; extend it once per implementation. */
public abstract class NotificationOutboxContract {

    protected final InstitutionId bankA = new InstitutionId("bank-" + UUID.randomUUID());
    protected final InstitutionId bankB = new InstitutionId("bank-" + UUID.randomUUID());

    /** The implementation under test. */
    protected abstract NotificationOutbox notificationOutbox();

    /** The institution's notifications enqueued in the implementation under test and not delivered, oldest first. */
    protected abstract List<Notification> pendingOf(InstitutionId institutionId);

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
}
