package io.contactinfo.adapter.notification;

import io.contactinfo.application.port.out.Delivery;
import io.contactinfo.application.port.out.Notification;
import io.contactinfo.application.port.out.NotificationSender;
import io.contactinfo.domain.contact.Channel;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Delivers SMS and voice notifications by posting them to an SMS/voice gateway's webhook, one JSON request each:
 *
 * <pre>{@code
 * POST <url>
 * Content-Type: application/json; charset=utf-8
 * Idempotency-Key: <messageId>
 * X-ContactInfo-Timestamp: <epoch seconds>
 * X-ContactInfo-Signature: v1=<hex HMAC-SHA256>      (see WebhookSignature)
 *
 * {"messageId":"…","institution":"…","channel":"SMS","to":"+12125550147","kind":"OTP_CODE","language":"en",
 *  "text":"…"}
 * }</pre>
 *
 * <p>{@code to} is the number in E.164 form (the service keeps NANP numbers only, so {@code +1} and ten digits);
 * {@code text} is the SMS text, or what a voice call says. Every attempt for one notification has the same
 * {@code Idempotency-Key}, so the gateway can drop duplicates.
 *
 * <p>The answer decides: 2xx is {@link Delivery.Delivered}; 408, 429, 5xx, a redirect (never followed: a
 * passcode goes only where it was configured to go), a time-out or a failed connection are
 * {@link Delivery.RetryLater}; any other 4xx is {@link Delivery.Rejected}.
 */
public final class WebhookNotificationSender implements NotificationSender {

    /** The header that carries the notification's message id, the same on every attempt. */
    public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

    private final WebhookSettings settings;
    private final MessageTemplates templates;
    private final Clock clock;
    private final HttpClient http;

    public WebhookNotificationSender(WebhookSettings settings, MessageTemplates templates, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.templates = Objects.requireNonNull(templates, "templates");
        this.clock = Objects.requireNonNull(clock, "clock");
        // HTTP/1.1: one short request per message gains nothing from HTTP/2, and a plain-http loopback gateway
        // would otherwise be asked to upgrade.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Delivery send(Notification notification) {
        if (notification.channel() == Channel.EMAIL) {
            return new Delivery.Rejected("the webhook delivers SMS and voice, not EMAIL");
        }
        if (!notification.destination().matches("\\d{10}")) {
            return new Delivery.Rejected("not a 10-digit phone number");
        }
        Instant now = clock.instant();
        RenderedMessage rendered;
        try {
            rendered = templates.render(notification, now);
        } catch (UndeliverableMessageException e) {
            return new Delivery.Rejected(e.getMessage());
        }
        String body = body(notification, rendered);
        long timestamp = now.getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(settings.url())
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header(IDEMPOTENCY_KEY_HEADER, notification.messageId().toString())
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(settings.secret(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            return answer(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (HttpConnectTimeoutException e) {
            return new Delivery.RetryLater("webhook connection timed out");
        } catch (HttpTimeoutException e) {
            return new Delivery.RetryLater("webhook timed out");
        } catch (ConnectException e) {
            return new Delivery.RetryLater("webhook unreachable");
        } catch (IOException e) {
            return new Delivery.RetryLater("webhook failed: " + e.getClass().getName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Delivery.RetryLater("webhook call interrupted");
        }
    }

    static Delivery answer(int status) {
        if (status >= 200 && status <= 299) {
            return new Delivery.Delivered();
        }
        String reason = "webhook answered " + status;
        boolean mayPass = status == 408 || status == 429 || status >= 500 || status < 400;
        return mayPass ? new Delivery.RetryLater(reason) : new Delivery.Rejected(reason);
    }

    private static String body(Notification notification, RenderedMessage rendered) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("messageId", notification.messageId().toString());
        fields.put("institution", notification.institution().value());
        fields.put("channel", notification.channel().name());
        fields.put("to", "+1" + notification.destination());
        fields.put("kind", notification.kind().name());
        fields.put("language", rendered.language().code());
        fields.put("text", notification.channel() == Channel.VOICE ? rendered.voice() : rendered.sms());
        StringBuilder json = new StringBuilder("{");
        fields.forEach((name, value) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append(quoted(name)).append(':').append(quoted(value));
        });
        return json.append('}').toString();
    }

    /** A JSON string: quotes, backslashes and control characters escaped; everything else as is (UTF-8). */
    static String quoted(String value) {
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
