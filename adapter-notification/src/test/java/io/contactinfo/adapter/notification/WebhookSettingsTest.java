package io.contactinfo.adapter.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookSettingsTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    @ParameterizedTest
    @ValueSource(strings = {"https://sms.gateway.example/messages", "http://127.0.0.1:8081/messages",
        "http://localhost:8081/m", "http://[::1]:8081/m"})
    void aWebhookUrl_isHttps_orPlainHttpOnLoopback(String url) {
        assertThat(WebhookSettings.of(URI.create(url), SECRET, TEN_SECONDS).url()).isEqualTo(URI.create(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://sms.gateway.example/messages", "http://10.0.0.7/messages", "ftp://127.0.0.1/",
        "/messages"})
    void aWebhookUrl_inPlainHttpToAnotherHost_orNotHttp_isRefused(String url) {
        assertThatThrownBy(() -> WebhookSettings.of(URI.create(url), SECRET, TEN_SECONDS))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aShortWebhookSecret_isRefused_andNoSecretIsEverPrinted() {
        URI url = URI.create("https://sms.gateway.example/messages");

        assertThatThrownBy(() -> WebhookSettings.of(url, SECRET.substring(1), TEN_SECONDS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining(SECRET.substring(1));
        assertThat(WebhookSettings.of(url, SECRET, TEN_SECONDS).toString()).doesNotContain(SECRET);
    }
}
