package io.contactinfo.adapter.notification;

import static io.contactinfo.adapter.notification.SampleNotifications.CODE;
import static io.contactinfo.adapter.notification.SampleNotifications.NOW;
import static io.contactinfo.adapter.notification.SampleNotifications.PHONE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactinfo.adapter.notification.WebhookSignature.Verification;
import io.contactinfo.adapter.notification.testing.RecordingGateway;
import io.contactinfo.application.port.out.Delivery;
import io.contactinfo.application.port.out.Notification;
import io.contactinfo.domain.contact.Channel;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SMS and voice posted to a real local HTTP gateway, which checks each signature as a receiver should. */
class WebhookNotificationSenderTest {

    private static final String SECRET = "whsec-0123456789abcdef0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final MessageTemplates templates = MessageTemplates.load(Language.EN);
    private final RecordingGateway gateway = RecordingGateway.start(SECRET, clock);

    @AfterEach
    void stopGateway() {
        gateway.close();
    }

    @Test
    void anSms_isPostedAsSignedJson_andTheGatewaysSignatureCheckPasses() throws Exception {
        Notification otp = SampleNotifications.otp(Channel.SMS, PHONE);

        Delivery delivery = sender(gateway.url(), SECRET).send(otp);

        assertThat(delivery).isEqualTo(new Delivery.Delivered());
        RecordingGateway.Request request = onlyRequest();
        assertThat(request.verification()).isEqualTo(Verification.VALID);
        assertThat(request.idempotencyKey()).isEqualTo(otp.messageId().toString());
        assertThat(request.contentType()).isEqualTo("application/json; charset=utf-8");
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.get("messageId").asText()).isEqualTo(otp.messageId().toString());
        assertThat(body.get("institution").asText()).isEqualTo("demo-bank");
        assertThat(body.get("channel").asText()).isEqualTo("SMS");
        assertThat(body.get("to").asText()).isEqualTo("+1" + PHONE);
        assertThat(body.get("kind").asText()).isEqualTo("OTP_CODE");
        assertThat(body.get("language").asText()).isEqualTo("en");
        assertThat(body.get("text").asText()).isEqualTo(CODE + " is your verification code. It expires in 5 min. "
                + "Never share it with anyone.");
    }

    @Test
    void aVoiceCallInSpanish_saysTheCodeDigitByDigit() throws Exception {
        Notification otp = SampleNotifications.inLanguage(SampleNotifications.otp(Channel.VOICE, PHONE), "es");

        assertThat(sender(gateway.url(), SECRET).send(otp)).isEqualTo(new Delivery.Delivered());

        JsonNode body = JSON.readTree(onlyRequest().body());
        assertThat(body.get("channel").asText()).isEqualTo("VOICE");
        assertThat(body.get("language").asText()).isEqualTo("es");
        assertThat(body.get("text").asText()).startsWith("Tu código de verificación es: 4, 8, 2, 9, 1, 3.");
    }

    @Test
    void quotesAndLineBreaksInAValue_readBackAsSent() throws Exception {
        Notification changed = SampleNotifications.of(Notification.Kind.CONTACT_CHANGED, Channel.SMS, PHONE,
                Map.of("changed", "\"email\"\n\\ \u0001 ñ"));

        sender(gateway.url(), SECRET).send(changed);

        assertThat(JSON.readTree(onlyRequest().body()).get("text").asText())
                .contains("changed: \"email\"\n\\ \u0001 ñ.");
    }

    @Test
    void aGatewayWithAnotherSecret_refusesTheSignature_andTheMessageIsRejected() {
        Delivery delivery = sender(gateway.url(), "another-secret-of-at-least-32-characters")
                .send(SampleNotifications.otp(Channel.SMS, PHONE));

        assertThat(onlyRequest().verification()).isEqualTo(Verification.MISMATCH);
        assertThat(delivery).isEqualTo(new Delivery.Rejected("webhook answered 401"));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 403, 404, 410, 422})
    void aClientErrorAnswer_isRejected(int status) {
        gateway.answerNext(status);

        Delivery delivery = sender(gateway.url(), SECRET).send(SampleNotifications.otp(Channel.SMS, PHONE));

        assertThat(delivery).isEqualTo(new Delivery.Rejected("webhook answered " + status));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504, 429, 408})
    void aServerErrorThrottlingOrTimeoutAnswer_isRetriedLater(int status) {
        gateway.answerNext(status);

        Delivery delivery = sender(gateway.url(), SECRET).send(SampleNotifications.otp(Channel.SMS, PHONE));

        assertThat(delivery).isEqualTo(new Delivery.RetryLater("webhook answered " + status));
    }

    @Test
    void aGatewayTooSlowToAnswer_timesOutAndIsRetriedLater() {
        gateway.stall(Duration.ofSeconds(3));
        WebhookNotificationSender impatient = new WebhookNotificationSender(
                WebhookSettings.of(gateway.url(), SECRET, Duration.ofMillis(300)), templates, clock);

        Delivery delivery = impatient.send(SampleNotifications.otp(Channel.SMS, PHONE));

        assertThat(delivery).isEqualTo(new Delivery.RetryLater("webhook timed out"));
    }

    @Test
    void aGatewayThatIsDown_isRetriedLater() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        Delivery delivery = sender(URI.create("http://127.0.0.1:" + closedPort + "/messages"), SECRET)
                .send(SampleNotifications.otp(Channel.SMS, PHONE));

        assertThat(delivery).isEqualTo(new Delivery.RetryLater("webhook unreachable"));
    }

    @Test
    void anEmail_orANumberThatIsNotTenDigits_isRejectedWithoutARequest() {
        WebhookNotificationSender sender = sender(gateway.url(), SECRET);

        assertThat(sender.send(SampleNotifications.otp(Channel.EMAIL, "jane.doe@example.com")))
                .isEqualTo(new Delivery.Rejected("the webhook delivers SMS and voice, not EMAIL"));
        assertThat(sender.send(SampleNotifications.otp(Channel.SMS, "+12125550147")))
                .isEqualTo(new Delivery.Rejected("not a 10-digit phone number"));
        assertThat(gateway.requests()).isEmpty();
    }

    private WebhookNotificationSender sender(URI url, String secret) {
        return new WebhookNotificationSender(WebhookSettings.of(url, secret, Duration.ofSeconds(5)), templates, clock);
    }

    private RecordingGateway.Request onlyRequest() {
        assertThat(gateway.requests()).hasSize(1);
        return gateway.requests().get(0);
    }
}
