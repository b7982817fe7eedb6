package io.contactinfo.adapter.notification;

import io.contactinfo.application.port.out.Delivery;
import io.contactinfo.application.port.out.Notification;
import io.contactinfo.application.port.out.NotificationSender;
import io.contactinfo.domain.contact.Channel;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Objects;
import java.util.Properties;

/**
 * Delivers email notifications through an SMTP server, with Jakarta Mail (Eclipse Angus): one message per
 * notification, {@code multipart/alternative} with a plain-text and an HTML body, in the notification's language
 * (see {@link MessageTemplates}).
 *
 * <p>The {@code Message-ID} header is {@code <messageId@domain of the from address>}: every attempt to deliver one
 * notification carries the same id, so a receiver can drop duplicates.
 *
 * <p>What the server answers decides what becomes of the notification: a permanent (5xx) refusal of the recipient
 * or of the message is {@link Delivery.Rejected}; a temporary (4xx) one, a refused login or sender (the server's
 * configuration, which an operator can fix), a connection that fails or times out are {@link Delivery.RetryLater}.
 * A reason names the reply code and the command, never an address or the server's text.
 */
public final class SmtpNotificationSender implements NotificationSender {

    private final SmtpSettings settings;
    private final MessageTemplates templates;
    private final Clock clock;
    private final Session session;
    private final InternetAddress from;

    public SmtpNotificationSender(SmtpSettings settings, MessageTemplates templates, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.templates = Objects.requireNonNull(templates, "templates");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.session = Session.getInstance(properties(settings));
        this.from = settings.fromAddress();
    }

    /** The session's properties: one protocol, {@code smtp}, with TLS from the start or by STARTTLS. */
    static Properties properties(SmtpSettings settings) {
        Properties properties = new Properties();
        properties.setProperty("mail.transport.protocol", "smtp");
        properties.setProperty("mail.smtp.host", settings.host());
        properties.setProperty("mail.smtp.port", Integer.toString(settings.port()));
        properties.setProperty("mail.smtp.connectiontimeout", millis(settings.connectTimeout()));
        properties.setProperty("mail.smtp.timeout", millis(settings.readTimeout()));
        properties.setProperty("mail.smtp.writetimeout", millis(settings.writeTimeout()));
        properties.setProperty("mail.smtp.auth", Boolean.toString(settings.username().isPresent()));
        switch (settings.security()) {
            case NONE -> {
                // a relay on a trusted network: nothing to add
            }
            case STARTTLS -> {
                properties.setProperty("mail.smtp.starttls.enable", "true");
                properties.setProperty("mail.smtp.starttls.required", "true");
                properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case TLS -> {
                properties.setProperty("mail.smtp.ssl.enable", "true");
                properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
        }
        return properties;
    }

    @Override
    public Delivery send(Notification notification) {
        if (notification.channel() != Channel.EMAIL) {
            return new Delivery.Rejected("the SMTP sender delivers email, not " + notification.channel());
        }
        InternetAddress to;
        try {
            to = new InternetAddress(notification.destination(), true);
        } catch (AddressException e) {
            return new Delivery.Rejected("not an email address");
        }
        RenderedMessage rendered;
        try {
            rendered = templates.render(notification, clock.instant());
        } catch (UndeliverableMessageException e) {
            return new Delivery.Rejected(e.getMessage());
        }
        try {
            MimeMessage message = message(notification, to, rendered);
            if (settings.username().isPresent()) {
                Transport.send(message, settings.username().get(), settings.password());
            } else {
                Transport.send(message);
            }
            return new Delivery.Delivered();
        } catch (MessagingException e) {
            return SmtpFailures.classify(e);
        }
    }

    private MimeMessage message(Notification notification, InternetAddress to, RenderedMessage rendered)
            throws MessagingException {
        String domain = from.getAddress().substring(from.getAddress().lastIndexOf('@') + 1);
        MimeMessage message = new IdentifiedMessage(session, "<" + notification.messageId() + "@" + domain + ">");
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, to);
        message.setSubject(rendered.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(clock.instant()));
        message.setHeader("Content-Language", rendered.language().code());
        // RFC 3834: an automatic message, so that vacation responders do not answer it.
        message.setHeader("Auto-Submitted", "auto-generated");

        MimeBodyPart text = new MimeBodyPart();
        text.setText(rendered.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(rendered.html(), StandardCharsets.UTF_8.name(), "html");
        // Simplest first: a reader shows the last part it can display.
        MimeMultipart alternatives = new MimeMultipart("alternative", text, html);
        message.setContent(alternatives);
        return message;
    }

    private static String millis(Duration duration) {
        return Long.toString(duration.toMillis());
    }

    /** A message whose {@code Message-ID} is the notification's, not one Jakarta Mail makes up when it is saved. */
    private static final class IdentifiedMessage extends MimeMessage {

        private final String messageId;

        IdentifiedMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
