package io.contactinfo.adapter.notification;

import static io.contactinfo.adapter.notification.SampleNotifications.CODE;
import static io.contactinfo.adapter.notification.SampleNotifications.EMAIL;
import static io.contactinfo.adapter.notification.SampleNotifications.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.contactinfo.application.port.out.Delivery;
import io.contactinfo.application.port.out.Notification;
import io.contactinfo.domain.contact.Channel;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Email handed to a real SMTP server (GreenMail) over a real socket, and read back as a mail client would. */
class SmtpNotificationSenderTest {

    private static final String LOOPBACK = "127.0.0.1";
    private static final String LOGIN = "mailer";
    private static final String PASSWORD = "correct-horse-battery-staple";
    private static final String FROM = "Example Bank <no-reply@bank.example>";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @RegisterExtension
    static final GreenMailExtension MAIL_SERVER = new GreenMailExtension(smtpOnLoopback())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(LOGIN, PASSWORD));

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final MessageTemplates templates = MessageTemplates.load(Language.EN);

    @Test
    void anOtpCode_arrivesWithItsSubjectRecipientAndTheCodeInTheTextAndHtmlParts() throws Exception {
        Notification otp = SampleNotifications.otp(Channel.EMAIL, EMAIL);

        Delivery delivery = sender(settings(MAIL_SERVER.getSmtp().getPort())).send(otp);

        assertThat(delivery).isEqualTo(new Delivery.Delivered());
        MimeMessage received = onlyMessageReceived();
        assertThat(received.getSubject()).isEqualTo("Your verification code");
        assertThat(received.getRecipients(Message.RecipientType.TO)).containsExactly(new InternetAddress(EMAIL));
        assertThat(received.getFrom()).containsExactly(new InternetAddress(FROM));
        assertThat(received.getMessageID()).isEqualTo("<" + otp.messageId() + "@bank.example>");
        assertThat(received.getHeader("Content-Language", null)).isEqualTo("en");
        assertThat(received.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        assertThat(received.getSentDate()).isEqualTo(Date.from(NOW));
        assertThat(received.getContentType()).startsWith("multipart/alternative");
        MimeMultipart parts = (MimeMultipart) received.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(part(parts, 0, "text/plain")).contains(CODE, "to reset your password", "expires in 5 minutes");
        assertThat(part(parts, 1, "text/html")).contains(">" + CODE + "<", "<html lang=\"en\">");
    }

    @Test
    void inSpanish_theSubjectAndBothPartsAreSpanish() throws Exception {
        Notification otp = SampleNotifications.inLanguage(SampleNotifications.otp(Channel.EMAIL, EMAIL), "es-MX");

        Delivery delivery = sender(settings(MAIL_SERVER.getSmtp().getPort())).send(otp);

        assertThat(delivery).isEqualTo(new Delivery.Delivered());
        MimeMessage received = onlyMessageReceived();
        assertThat(received.getSubject()).isEqualTo("Tu código de verificación");
        assertThat(received.getHeader("Content-Language", null)).isEqualTo("es");
        MimeMultipart parts = (MimeMultipart) received.getContent();
        assertThat(part(parts, 0, "text/plain")).contains(CODE, "para restablecer tu contraseña", "Vence en 5 minutos");
        assertThat(part(parts, 1, "text/html")).contains(">" + CODE + "<", "<html lang=\"es\">", "contraseña");
    }

    @Test
    void everyAttemptAtOneNotification_carriesTheSameMessageId() throws Exception {
        Notification otp = SampleNotifications.otp(Channel.EMAIL, EMAIL);
        SmtpNotificationSender sender = sender(settings(MAIL_SERVER.getSmtp().getPort()));

        sender.send(otp);
        sender.send(otp);

        assertThat(MAIL_SERVER.getReceivedMessages()).hasSize(2).extracting(MimeMessage::getMessageID)
                .containsOnly("<" + otp.messageId() + "@bank.example>");
    }

    @Test
    void aWrongPassword_isRetriedLater_forAnOperatorToFix() {
        SmtpSettings wrongPassword = SmtpSettings.of(LOOPBACK, MAIL_SERVER.getSmtp().getPort(),
                SmtpSettings.Security.NONE, FROM, TIMEOUT).withLogin(LOGIN, "not-the-password");

        Delivery delivery = sender(wrongPassword).send(SampleNotifications.otp(Channel.EMAIL, EMAIL));

        assertThat(delivery).isEqualTo(new Delivery.RetryLater("SMTP authentication failed"));
        assertThat(MAIL_SERVER.getReceivedMessages()).isEmpty();
    }

    @Test
    void aServerThatIsDown_isRetriedLater() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            closedPort = socket.getLocalPort();
        }

        Delivery delivery = sender(settings(closedPort)).send(SampleNotifications.otp(Channel.EMAIL, EMAIL));

        assertThat(delivery).isEqualTo(new Delivery.RetryLater("SMTP server unreachable"));
    }

    @Test
    void aServerThatNeverGreets_timesOutAndIsRetriedLater() throws IOException {
        // The connection is accepted (the backlog), but no greeting ever comes.
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            SmtpSettings impatient = SmtpSettings.of(LOOPBACK, silent.getLocalPort(), SmtpSettings.Security.NONE,
                    FROM, Duration.ofMillis(300));

            Delivery delivery = sender(impatient).send(SampleNotifications.otp(Channel.EMAIL, EMAIL));

            assertThat(delivery).isEqualTo(new Delivery.RetryLater("SMTP server timed out"));
        }
    }

    @Test
    void aRecipientTheServerRefusesForGood_isRejected_andTheReasonNamesNoAddress() {
        String unknown = "nobody@example.com";
        GreenMail refusing = new RecipientRefusingGreenMail(smtpOnLoopback(),
                Map.of(unknown, "550 5.1.1 <" + unknown + ">: Recipient address rejected: User unknown"));
        refusing.start();
        try {
            Delivery delivery = sender(anonymous(refusing.getSmtp().getPort()))
                    .send(SampleNotifications.otp(Channel.EMAIL, unknown));

            assertThat(delivery).isEqualTo(new Delivery.Rejected("SMTP 550 5.1.1 to the recipient"));
            assertThat(refusing.getReceivedMessages()).isEmpty();
        } finally {
            refusing.stop();
        }
    }

    @Test
    void aRecipientTheServerCannotTakeNow_isRetriedLater() {
        String busy = "busy@example.com";
        GreenMail refusing = new RecipientRefusingGreenMail(smtpOnLoopback(),
                Map.of(busy, "450 4.2.1 Mailbox busy, try again later"));
        refusing.start();
        try {
            Delivery delivery = sender(anonymous(refusing.getSmtp().getPort()))
                    .send(SampleNotifications.otp(Channel.EMAIL, busy));

            assertThat(delivery).isEqualTo(new Delivery.RetryLater("SMTP 450 4.2.1 to the recipient"));
        } finally {
            refusing.stop();
        }
    }

    @Test
    void aDestinationThatIsNoEmailAddress_isRejectedWithoutCallingTheServer() {
        Notification notAnAddress = SampleNotifications.otp(Channel.EMAIL, "jane.doe@@example..com");

        Delivery delivery = sender(settings(MAIL_SERVER.getSmtp().getPort())).send(notAnAddress);

        assertThat(delivery).isEqualTo(new Delivery.Rejected("not an email address"));
        assertThat(MAIL_SERVER.getReceivedMessages()).isEmpty();
    }

    @Test
    void aPasscodeThatExpiredInTheOutbox_isRejectedWithoutCallingTheServer() {
        SmtpNotificationSender late = new SmtpNotificationSender(settings(MAIL_SERVER.getSmtp().getPort()),
                templates, Clock.fixed(NOW.plus(Duration.ofMinutes(6)), ZoneOffset.UTC));

        Delivery delivery = late.send(SampleNotifications.otp(Channel.EMAIL, EMAIL));

        assertThat(delivery).isEqualTo(new Delivery.Rejected("the passcode expired before it could be delivered"));
        assertThat(MAIL_SERVER.getReceivedMessages()).isEmpty();
    }

    private static ServerSetup smtpOnLoopback() {
        return new ServerSetup(0, LOOPBACK, ServerSetup.PROTOCOL_SMTP);
    }

    private static SmtpSettings settings(int port) {
        return anonymous(port).withLogin(LOGIN, PASSWORD);
    }

    private static SmtpSettings anonymous(int port) {
        return SmtpSettings.of(LOOPBACK, port, SmtpSettings.Security.NONE, FROM, TIMEOUT);
    }

    private SmtpNotificationSender sender(SmtpSettings settings) {
        return new SmtpNotificationSender(settings, templates, clock);
    }

    private static MimeMessage onlyMessageReceived() {
        MimeMessage[] received = MAIL_SERVER.getReceivedMessages();
        assertThat(received).hasSize(1);
        return received[0];
    }

    private static String part(MimeMultipart parts, int index, String type) throws Exception {
        BodyPart part = parts.getBodyPart(index);
        assertThat(part.getContentType()).startsWith(type).containsIgnoringCase("charset=UTF-8");
        return (String) part.getContent();
    }
}
