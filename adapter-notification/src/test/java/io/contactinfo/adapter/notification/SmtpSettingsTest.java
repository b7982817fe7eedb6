package io.contactinfo.adapter.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the SMTP settings refuse, and the Jakarta Mail session each security makes. */
class SmtpSettingsTest {

    private static final String FROM = "no-reply@bank.example";
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    @Test
    void startTls_isRequired_notMerelyTried_andTheServersNameChecked() {
        Properties session = SmtpNotificationSender.properties(
                SmtpSettings.of("smtp.bank.example", 587, SmtpSettings.Security.STARTTLS, FROM, TEN_SECONDS));

        assertThat(session).containsEntry("mail.smtp.starttls.enable", "true")
                .containsEntry("mail.smtp.starttls.required", "true")
                .containsEntry("mail.smtp.ssl.checkserveridentity", "true")
                .doesNotContainKey("mail.smtp.ssl.enable")
                .containsEntry("mail.smtp.auth", "false");
    }

    @Test
    void tls_startsTlsOnConnecting_andAuthenticatesWhenALoginIsSet() {
        Properties session = SmtpNotificationSender.properties(
                SmtpSettings.of("smtp.bank.example", 465, SmtpSettings.Security.TLS, FROM, TEN_SECONDS)
                        .withLogin("mailer", "secret"));

        assertThat(session).containsEntry("mail.smtp.ssl.enable", "true")
                .containsEntry("mail.smtp.ssl.checkserveridentity", "true")
                .doesNotContainKey("mail.smtp.starttls.enable")
                .containsEntry("mail.smtp.auth", "true");
    }

    @Test
    void eachTimeout_isPassedInMilliseconds() {
        Properties session = SmtpNotificationSender.properties(new SmtpSettings("relay", 25,
                SmtpSettings.Security.NONE, Optional.empty(), "", FROM, Duration.ofSeconds(3),
                Duration.ofSeconds(4), Duration.ofMillis(5500)));

        assertThat(session).containsEntry("mail.smtp.host", "relay").containsEntry("mail.smtp.port", "25")
                .containsEntry("mail.smtp.connectiontimeout", "3000").containsEntry("mail.smtp.timeout", "4000")
                .containsEntry("mail.smtp.writetimeout", "5500")
                .doesNotContainKeys("mail.smtp.starttls.enable", "mail.smtp.ssl.enable");
    }

    @ParameterizedTest
    @ValueSource(strings = {"no-reply", "two@bank.example, addresses@bank.example", "not an address"})
    void aFromThatIsNotOneAddressWithADomain_isRefused(String from) {
        assertThatThrownBy(() -> SmtpSettings.of("relay", 25, SmtpSettings.Security.NONE, from, TEN_SECONDS))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
