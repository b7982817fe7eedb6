package io.contactinfo.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactinfo.adapter.notification.Language;
import io.contactinfo.adapter.notification.MessageTemplates;
import io.contactinfo.adapter.notification.RoutingNotificationSender;
import io.contactinfo.adapter.notification.WebhookNotificationSender;
import io.contactinfo.adapter.notification.WebhookSettings;
import io.contactinfo.adapter.notification.WebhookSignature.Verification;
import io.contactinfo.adapter.notification.testing.RecordingGateway;
import io.contactinfo.adapter.persistence.Database;
import io.contactinfo.adapter.persistence.DatabaseSettings;
import io.contactinfo.adapter.persistence.crypto.DataProtection;
import io.contactinfo.application.port.in.DispatchReport;
import io.contactinfo.application.port.in.DispatchReport.Dispatched;
import io.contactinfo.application.port.in.DispatchReport.Outcome;
import io.contactinfo.application.port.out.Delivery;
import io.contactinfo.application.port.out.Notification;
import io.contactinfo.application.port.out.NotificationSender;
import io.contactinfo.application.service.DispatchNotificationsService;
import io.contactinfo.domain.contact.Channel;
import io.contactinfo.domain.institution.InstitutionId;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notifications through the real dispatcher, the JDBI outbox on an H2 file and a real HTTP gateway, and the senders
 * the server picks for its configuration.
 */
class NotificationDeliveryTest {

    private static final Instant START = Instant.parse("2024-03-01T10:15:30Z");
    private static final String SECRET = "whsec-0123456789abcdef0123456789abcdef";
    private static final InstitutionId BANK = new InstitutionId("demo-bank");

    @TempDir
    Path directory;

    @Test
    void aGatewayAnswering503TwiceThen200_acceptsTheMessageOnce_underOneIdempotencyKey_andTheRowIsDelivered()
            throws Exception {
        var clock = new ControllableClock(START);
        try (Database database = Database.open(DatabaseSettings.of("jdbc:h2:file:" + directory.resolve("outbox")),
                DataProtection.generate());
             RecordingGateway gateway = RecordingGateway.start(SECRET, clock)) {
            gateway.answerNext(503, 503);
            NotificationSender webhook = new WebhookNotificationSender(WebhookSettings.of(gateway.url(), SECRET,
                    Duration.ofSeconds(5)), MessageTemplates.load(Language.EN), clock);
            var dispatcher = new DispatchNotificationsService(database.outboxQueue(),
                    new RoutingNotificationSender(Map.of(Channel.SMS, webhook)),
                    database.unitOfWork(), DispatchNotificationsService.Settings.DEFAULTS, clock);
            Notification otp = otp(Channel.SMS, "2125550147");
            database.notificationOutbox().enqueue(otp);

            // The defaults retry after 30 s, then after 1 minute.
            assertThat(dispatcher.dispatchOnce().dispatched()).containsExactly(new Dispatched(Channel.SMS,
                    Outcome.RETRIED));
            clock.advance(Duration.ofSeconds(29));
            assertThat(dispatcher.dispatchOnce()).isEqualTo(DispatchReport.NOTHING_DUE);
            clock.advance(Duration.ofSeconds(1));
            assertThat(dispatcher.dispatchOnce().dispatched()).containsExactly(new Dispatched(Channel.SMS,
                    Outcome.RETRIED));
            clock.advance(Duration.ofSeconds(60));
            assertThat(dispatcher.dispatchOnce().dispatched()).containsExactly(new Dispatched(Channel.SMS,
                    Outcome.DELIVERED));
            clock.advance(Duration.ofDays(1));
            assertThat(dispatcher.dispatchOnce()).isEqualTo(DispatchReport.NOTHING_DUE);

            assertThat(gateway.requests()).extracting(RecordingGateway.Request::status).containsExactly(503, 503, 200);
            assertThat(gateway.requests()).extracting(RecordingGateway.Request::idempotencyKey)
                    .containsOnly(otp.messageId().toString());
            assertThat(gateway.requests()).extracting(RecordingGateway.Request::verification)
                    .containsOnly(Verification.VALID);
            assertThat(gateway.accepted()).hasSize(1);
            assertThat(row(database, otp.messageId())).isEqualTo(new OutboxRow("DELIVERED", 3,
                    OffsetDateTime.ofInstant(START.plusSeconds(90), ZoneOffset.UTC), "webhook answered 503"));
        }
    }

    @Test
    void inDevMode_aChannelWithoutAProvider_isWrittenToTheLog() {
        NotificationSender sender = ContactInfoServer.notificationSender(configuration(Map.of()), Clock.systemUTC())
                .orElseThrow();

        assertThat(sender.send(otp(Channel.SMS, "2125550147"))).isEqualTo(new Delivery.Delivered());
    }

    @Test
    void outsideDevMode_withoutAnyProvider_nothingIsDispatched() {
        assertThat(ContactInfoServer.notificationSender(configuration(Map.of(Setting.MODE, "prod")),
                Clock.systemUTC())).isEmpty();
    }

    @Test
    void outsideDevMode_aChannelWithoutAProvider_waitsInTheOutbox() {
        var smtpOnly = Map.of(Setting.MODE, "prod", Setting.SMTP_HOST, "smtp.bank.example",
                Setting.SMTP_FROM, "no-reply@bank.example");

        Optional<NotificationSender> sender = ContactInfoServer.notificationSender(configuration(smtpOnly),
                Clock.systemUTC());

        assertThat(sender.orElseThrow().send(otp(Channel.VOICE, "2125550147")))
                .isEqualTo(new Delivery.RetryLater("no provider configured for VOICE"));
    }

    private Configuration configuration(Map<Setting, String> settings) {
        Map<String, String> variables = new HashMap<>();
        variables.put(Setting.DATA_DIR.variable(), directory.toString());
        if ("prod".equals(settings.get(Setting.MODE))) {
            // The other settings prod mode requires, so that only those under test are missing.
            Map<Setting, String> prod = ProdModeConfigurationTest.completeProd();
            prod.forEach((setting, value) -> variables.put(setting.variable(), value));
        }
        settings.forEach((setting, value) -> variables.put(setting.variable(), value));
        return Configuration.from(variables);
    }

    /** What {@code SendOtpService} enqueues, its code valid for five minutes from the start. */
    private static Notification otp(Channel channel, String destination) {
        return new Notification(UUID.randomUUID(), BANK, channel, destination, Notification.Kind.OTP_CODE,
                Map.of("code", "482913", "purpose", "CONTACT_VERIFICATION",
                        "expiresAt", START.plus(Duration.ofMinutes(5)).toString()));
    }

    private record OutboxRow(String status, int attempts, OffsetDateTime sentAt, String lastError) {
    }

    private static OutboxRow row(Database database, UUID messageId) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT status, attempts, sent_at, last_error FROM notification_outbox WHERE message_id = ?")) {
            select.setObject(1, messageId);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                return new OutboxRow(row.getString("status"), row.getInt("attempts"),
                        row.getObject("sent_at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC),
                        row.getString("last_error"));
            }
        }
    }

    /** A clock that stands still until the test moves it past a back-off. */
    private static final class ControllableClock extends Clock {

        private volatile Instant now;

        ControllableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
