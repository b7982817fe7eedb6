package io.contactinfo.adapter.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactinfo.application.port.out.Delivery;
import io.contactinfo.application.port.out.Notification;
import io.contactinfo.domain.contact.Channel;
import io.contactinfo.domain.institution.InstitutionId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LogNotificationSenderTest {

    private static final InstitutionId BANK = new InstitutionId("demo-bank");

    private final List<String> lines = new ArrayList<>();

    @Test
    void inDevModeThePasscodeIsShownAndTheDestinationMasked() {
        var sender = new LogNotificationSender(true, lines::add);

        Delivery delivery = sender.send(otp("2125550147", Channel.SMS));

        assertThat(delivery).isInstanceOf(Delivery.Delivered.class);
        assertThat(lines).singleElement().satisfies(line -> assertThat(line)
                .contains("OTP_CODE by SMS to (***) ***-0147", "code=482913")
                .doesNotContain("2125550147"));
    }

    @Test
    void outsideDevModeThePasscodeIsNeverWritten() {
        var sender = new LogNotificationSender(false, lines::add);

        sender.send(otp("jane.doe@example.com", Channel.EMAIL));

        assertThat(lines).singleElement().satisfies(line -> assertThat(line)
                .contains("by EMAIL to j***@example.com", "code=******")
                .doesNotContain("482913", "jane.doe"));
    }

    private static Notification otp(String destination, Channel channel) {
        return new Notification(UUID.randomUUID(), BANK, channel, destination, Notification.Kind.OTP_CODE,
                Map.of("code", "482913", "purpose", "PASSWORD_RESET"));
    }
}
