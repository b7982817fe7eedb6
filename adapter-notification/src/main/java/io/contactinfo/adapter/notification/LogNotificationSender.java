package io.contactinfo.adapter.notification;

import io.contactinfo.application.port.out.Delivery;
import io.contactinfo.application.port.out.Notification;
import io.contactinfo.application.port.out.NotificationSender;
import io.contactinfo.domain.contact.Channel;
import io.contactinfo.domain.contact.EmailAddress;
import io.contactinfo.domain.contact.PhoneNumber;
import io.contactinfo.domain.rule.RuleViolation;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * Dev mode's sender (SPEC §7): "delivers" each notification by writing one line to the log, the
 * destination masked. A passcode is shown only when {@code showCodes} is set — in dev mode, so a
 * person trying the API can use it; never in production.
 */
public final class LogNotificationSender implements NotificationSender {

    private static final String CODE = "code";

    private final boolean showCodes;
    private final Consumer<String> log;

    /** Writes to the {@code io.contactinfo.adapter.notification.LogNotificationSender} logger. */
    public LogNotificationSender(boolean showCodes) {
        this(showCodes, LoggerFactory.getLogger(LogNotificationSender.class)::info);
    }

    LogNotificationSender(boolean showCodes, Consumer<String> log) {
        this.showCodes = showCodes;
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public Delivery send(Notification notification) {
        Map<String, String> shown = new TreeMap<>(notification.parameters());
        if (!showCodes && shown.containsKey(CODE)) {
            shown.put(CODE, "******");
        }
        log.accept("notification " + notification.messageId() + " " + notification.kind() + " by "
                + notification.channel() + " to " + masked(notification.channel(), notification.destination())
                + " " + shown);
        return new Delivery.Delivered();
    }

    private static String masked(Channel channel, String destination) {
        try {
            return channel == Channel.EMAIL ? new EmailAddress(destination).masked()
                    : new PhoneNumber(destination).masked();
        } catch (RuleViolation notADestination) {
            return "***";
        }
    }
}
