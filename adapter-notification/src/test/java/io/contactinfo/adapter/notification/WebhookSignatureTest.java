package io.contactinfo.adapter.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactinfo.adapter.notification.WebhookSignature.Verification;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookSignatureTest {

    private static final String SECRET = "a-shared-secret-of-at-least-32-chars";
    private static final long SIGNED_AT = 1_709_288_130L;
    private static final String TIMESTAMP = Long.toString(SIGNED_AT);
    private static final String BODY = "{\"messageId\":\"42\"}";
    private static final Instant NOW = Instant.ofEpochSecond(SIGNED_AT);
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    @Test
    void theSignature_isTheHexHmacSha256OfTimestampDotBody() {
        // Computed independently: python3 -c "import hmac,hashlib; print(hmac.new(b'<secret>',
        //   b'1709288130.{\"messageId\":\"42\"}', hashlib.sha256).hexdigest())"
        assertThat(WebhookSignature.sign(SECRET, SIGNED_AT, BODY))
                .isEqualTo("v1=a723ca9aeb0c0cd3d9b90b4c9e0bffa6baec607d1eaa0b9b5c6c39d3cebfbf67");
    }

    @Test
    void whatWasSigned_verifies() {
        String header = WebhookSignature.sign(SECRET, SIGNED_AT, BODY);

        assertThat(WebhookSignature.verify(SECRET, TIMESTAMP, BODY, header, NOW, TOLERANCE))
                .isEqualTo(Verification.VALID);
    }

    @Test
    void anotherBodyTimestampOrSecret_doesNotVerify() {
        String header = WebhookSignature.sign(SECRET, SIGNED_AT, BODY);

        assertThat(WebhookSignature.verify(SECRET, TIMESTAMP, BODY.replace("42", "43"), header, NOW, TOLERANCE))
                .isEqualTo(Verification.MISMATCH);
        assertThat(WebhookSignature.verify(SECRET, Long.toString(SIGNED_AT + 1), BODY, header, NOW, TOLERANCE))
                .isEqualTo(Verification.MISMATCH);
        assertThat(WebhookSignature.verify(SECRET + "x", TIMESTAMP, BODY, header, NOW, TOLERANCE))
                .isEqualTo(Verification.MISMATCH);
    }

    @Test
    void aTimestampFurtherFromNowThanTheTolerance_isStale_eitherWay() {
        String header = WebhookSignature.sign(SECRET, SIGNED_AT, BODY);

        assertThat(WebhookSignature.verify(SECRET, TIMESTAMP, BODY, header, NOW.plus(TOLERANCE), TOLERANCE))
                .isEqualTo(Verification.VALID);
        assertThat(WebhookSignature.verify(SECRET, TIMESTAMP, BODY, header, NOW.plus(TOLERANCE).plusSeconds(1),
                TOLERANCE)).isEqualTo(Verification.STALE);
        assertThat(WebhookSignature.verify(SECRET, TIMESTAMP, BODY, header, NOW.minus(TOLERANCE).minusSeconds(1),
                TOLERANCE)).isEqualTo(Verification.STALE);
    }

    @Test
    void oneValidSignatureAmongSeveral_verifies_soASecretCanBeRotated() {
        String header = WebhookSignature.sign("the-old-secret-of-at-least-32-characters", SIGNED_AT, BODY) + ", "
                + WebhookSignature.sign(SECRET, SIGNED_AT, BODY);

        assertThat(WebhookSignature.verify(SECRET, TIMESTAMP, BODY, header, NOW, TOLERANCE))
                .isEqualTo(Verification.VALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a723ca9aeb0c", "v2=a723ca9aeb0c", "v1=not-hex"})
    void anUnreadableSignatureHeader_isMalformed(String header) {
        assertThat(WebhookSignature.verify(SECRET, TIMESTAMP, BODY, header, NOW, TOLERANCE))
                .isEqualTo(Verification.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-1", "1709288130.5", "soon"})
    void anUnreadableTimestamp_isMalformed(String timestamp) {
        String header = WebhookSignature.sign(SECRET, SIGNED_AT, BODY);

        assertThat(WebhookSignature.verify(SECRET, timestamp, BODY, header, NOW, TOLERANCE))
                .isEqualTo(Verification.MALFORMED);
    }

    @Test
    void missingHeaders_areMalformed() {
        assertThat(WebhookSignature.verify(SECRET, null, BODY, "v1=00", NOW, TOLERANCE))
                .isEqualTo(Verification.MALFORMED);
        assertThat(WebhookSignature.verify(SECRET, TIMESTAMP, BODY, null, NOW, TOLERANCE))
                .isEqualTo(Verification.MALFORMED);
    }
}
