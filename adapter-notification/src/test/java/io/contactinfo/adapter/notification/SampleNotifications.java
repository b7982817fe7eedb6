package io.contactinfo.adapter.notification;

import io.contactinfo.application.port.out.Notification;
import io.contactinfo.domain.contact.Channel;
import io.contactinfo.domain.institution.InstitutionId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Notifications with the parameters the application's services give each kind (see their {@code notices}). */
final class SampleNotifications {

    static final Instant NOW = Instant.parse("2024-03-01T10:15:30Z");
    static final InstitutionId BANK = new InstitutionId("demo-bank");
    static final String CODE = "482913";
    static final String EMAIL = "jane.doe@example.com";
    static final String PHONE = "2125550147";

    private SampleNotifications() {
    }

    /** What {@code SendOtpService} enqueues: the code, the purpose and when the code expires (5 minutes). */
    static Notification otp(Channel channel, String destination) {
        return new Notification(UUID.randomUUID(), BANK, channel, destination, Notification.Kind.OTP_CODE,
                Map.of("code", CODE, "purpose", "PASSWORD_RESET",
                        "expiresAt", NOW.plus(Duration.ofMinutes(5)).toString()));
    }

    /** The parameters of each kind, as the services give them. */
    static Map<String, String> parameters(Notification.Kind kind) {
        return switch (kind) {
            case OTP_CODE -> Map.of("code", CODE, "purpose", "CONTACT_VERIFICATION",
                    "expiresAt", NOW.plus(Duration.ofMinutes(5)).toString());
            case CONTACT_CHANGED -> Map.of("changed", "email,phoneNumber,postalAddress");
            case SOFT_TOKEN_CHANGED -> Map.of("status", "SUSPENDED", "statusCode", "66");
        };
    }

    /** A notification of {@code kind} with its usual parameters, plus the ones given. */
    static Notification of(Notification.Kind kind, Channel channel, String destination, Map<String, String> extra) {
        Map<String, String> parameters = new HashMap<>(parameters(kind));
        parameters.putAll(extra);
        return new Notification(UUID.randomUUID(), BANK, channel, destination, kind, parameters);
    }

    /** The same notification in another language, by its {@code language} parameter. */
    static Notification inLanguage(Notification notification, String language) {
        Map<String, String> parameters = new HashMap<>(notification.parameters());
        parameters.put("language", language);
        return new Notification(notification.messageId(), notification.institution(), notification.channel(),
                notification.destination(), notification.kind(), parameters);
    }
}
