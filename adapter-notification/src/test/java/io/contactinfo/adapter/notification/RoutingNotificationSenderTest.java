package io.contactinfo.adapter.notification;

import static io.contactinfo.adapter.notification.SampleNotifications.EMAIL;
import static io.contactinfo.adapter.notification.SampleNotifications.PHONE;
import static org.assertj.core.api.Assertions.assertThat;

import io.contactinfo.application.port.out.Delivery;
import io.contactinfo.application.port.out.Notification;
import io.contactinfo.application.port.out.NotificationSender;
import io.contactinfo.domain.contact.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutingNotificationSenderTest {

    private final List<String> handedTo = new ArrayList<>();

    @Test
    void eachNotification_goesToTheProviderOfItsChannel() {
        var router = new RoutingNotificationSender(Map.of(Channel.EMAIL, provider("smtp"),
                Channel.SMS, provider("webhook"), Channel.VOICE, provider("webhook")));

        router.send(SampleNotifications.otp(Channel.SMS, PHONE));
        router.send(SampleNotifications.otp(Channel.EMAIL, EMAIL));
        router.send(SampleNotifications.otp(Channel.VOICE, PHONE));

        assertThat(handedTo).containsExactly("webhook SMS", "smtp EMAIL", "webhook VOICE");
    }

    @Test
    void aChannelWithoutAProvider_isRetriedLater_untilOneIsConfigured() {
        var router = new RoutingNotificationSender(Map.of(Channel.EMAIL, provider("smtp")));

        Delivery delivery = router.send(SampleNotifications.otp(Channel.SMS, PHONE));

        assertThat(delivery).isEqualTo(new Delivery.RetryLater("no provider configured for SMS"));
        assertThat(handedTo).isEmpty();
    }

    @Test
    void aChannelWithoutAProvider_goesToTheFallbackWhenThereIsOne() {
        var router = new RoutingNotificationSender(Map.of(Channel.EMAIL, provider("smtp")), provider("log"));

        router.send(SampleNotifications.otp(Channel.VOICE, PHONE));
        router.send(SampleNotifications.otp(Channel.EMAIL, EMAIL));

        assertThat(handedTo).containsExactly("log VOICE", "smtp EMAIL");
    }

    private NotificationSender provider(String name) {
        return (Notification notification) -> {
            handedTo.add(name + " " + notification.channel());
            return new Delivery.Delivered();
        };
    }
}
