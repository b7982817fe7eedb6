package io.contactinfo.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactinfo.adapter.notification.Language;
import io.contactinfo.adapter.notification.SmtpSettings;
import io.contactinfo.adapter.notification.WebhookSettings;
import io.contactinfo.adapter.rest.security.AccessConfiguration;
import io.contactinfo.domain.institution.Institution;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.institution.LimitSettings;
import io.contactinfo.domain.otp.OtpPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The notification settings: read once, every mistake reported with the variable's name. */
class ConfigurationTest {

    @Test
    void securityAccess_isReadAsGrants_andAMalformedOneIsNamed() {
        Configuration configuration = read(Map.of(Setting.SECURITY_ACCESS, "bank-a:us:*:web, bank-b:*:retail:*,"));

        assertThat(configuration.securityAccess()).containsExactly(
                new AccessConfiguration.Grant("bank-a", "US", "*", "web"),
                new AccessConfiguration.Grant("bank-b", "*", "retail", "*"));
        assertThat(ContactInfoServer.securityAccess(configuration)
                .enables(new InstitutionId("bank-a"), "US", "any", "web")).isTrue();
        assertThat(ContactInfoServer.securityAccess(configuration)
                .enables(new InstitutionId("demo-bank"), "US", "any", "web")).isFalse();
        assertThatThrownBy(() -> read(Map.of(Setting.SECURITY_ACCESS, "bank-a:USA:*")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("CONTACTINFO_SECURITY_ACCESS lists 'bank-a:USA:*'");
    }

    @Test
    void accountLimits_areReadPerInstitution_andAMalformedOrOutOfRangeOneIsNamed() {
        Configuration configuration = read(Map.of(Setting.ACCOUNT_LIMITS, "bank-a:1/3:3/12, bank-b:2/2:1/1,"));

        assertThat(configuration.accountLimits()).containsExactly(
                new Institution(new InstitutionId("bank-a"), new LimitSettings(1, 3, 3, 12)),
                new Institution(new InstitutionId("bank-b"), new LimitSettings(2, 2, 1, 1)));
        assertThat(read(Map.of()).accountLimits()).isEmpty();
        for (String wrong : List.of("bank-a:4/3:2/10", "bank-a:0/3:2/10", "bank-a:1/3", "bank a:1/3:2/10",
                "bank-a:1/3:2/x")) {
            assertThatThrownBy(() -> read(Map.of(Setting.ACCOUNT_LIMITS, wrong)))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessage("CONTACTINFO_ACCOUNT_LIMITS lists '" + wrong + "', which is not "
                            + "institution:ssnActive/ssnLifetime:phoneActive/phoneLifetime with each active count "
                            + "from 1 to its lifetime count");
        }
        assertThatThrownBy(() -> read(Map.of(Setting.ACCOUNT_LIMITS, "bank-a:1/3:2/10,bank-a:1/3:1/10")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("lists an institution twice");
    }

    @Test
    void withoutSecurityAccess_devModeEnablesTheDemoInstitution() {
        assertThat(ContactInfoServer.securityAccess(read(Map.of()))
                .enables(new InstitutionId("demo-bank"), "US", "any", "web")).isTrue();
    }

    private static final String SECRET = "whsec-0123456789abcdef0123456789abcdef";

    @Test
    void byDefault_noProviderIsConfigured_andMessagesAreInEnglish() {
        Configuration.Notifications notifications = read(Map.of()).notifications();

        assertThat(notifications).isEqualTo(new Configuration.Notifications(Language.EN, Optional.empty(),
                Optional.empty()));
    }

    @Test
    void anSmtpServer_isReadWithItsLoginTimeoutsAndTheSecuritysPort() {
        Configuration configuration = read(Map.of(Setting.SMTP_HOST, "smtp.bank.example",
                Setting.SMTP_SECURITY, "tls", Setting.SMTP_FROM, "Example Bank <no-reply@bank.example>",
                Setting.SMTP_USERNAME, "mailer", Setting.SMTP_PASSWORD, "secret", Setting.SMTP_TIMEOUT, "1500ms",
                Setting.NOTIFICATION_LANGUAGE, "ES"));

        Duration timeout = Duration.ofMillis(1500);
        assertThat(configuration.notifications().smtp()).contains(new SmtpSettings("smtp.bank.example", 465,
                SmtpSettings.Security.TLS, Optional.of("mailer"), "secret", "Example Bank <no-reply@bank.example>",
                timeout, timeout, timeout));
        assertThat(configuration.notifications().language()).isEqualTo(Language.ES);
    }

    @ParameterizedTest
    @CsvSource({"NONE, 25", "STARTTLS, 587", "TLS, 465"})
    void withoutAPort_theSecuritysUsualPortIsUsed(String security, int port) {
        Configuration configuration = read(Map.of(Setting.SMTP_HOST, "relay", Setting.SMTP_SECURITY, security,
                Setting.SMTP_FROM, "no-reply@bank.example"));

        assertThat(configuration.notifications().smtp()).hasValueSatisfying(smtp -> {
            assertThat(smtp.port()).isEqualTo(port);
            assertThat(smtp.username()).isEmpty();
            assertThat(smtp.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        });
    }

    @Test
    void aWebhook_isReadWithItsSecretAndTimeout() {
        Configuration configuration = read(Map.of(Setting.WEBHOOK_URL, "https://sms.gateway.example/messages",
                Setting.WEBHOOK_SECRET, SECRET, Setting.WEBHOOK_TIMEOUT, "2m"));

        assertThat(configuration.notifications().webhook()).contains(WebhookSettings.of(
                URI.create("https://sms.gateway.example/messages"), SECRET, Duration.ofMinutes(2)));
    }

    @Test
    void mistakes_areReportedWithTheVariablesName_neverTheSecret() {
        Map<Setting, String> smtp = Map.of(Setting.SMTP_HOST, "relay", Setting.SMTP_FROM, "no-reply@bank.example");
        Map<Setting, String> webhook = Map.of(Setting.WEBHOOK_URL, "https://sms.gateway.example/messages",
                Setting.WEBHOOK_SECRET, SECRET);

        assertRefused(Map.of(Setting.SMTP_HOST, "relay"), "CONTACTINFO_SMTP_FROM is required when "
                + "CONTACTINFO_SMTP_HOST is set");
        assertRefused(with(smtp, Setting.SMTP_FROM, "no-reply"), "CONTACTINFO_SMTP_FROM must be one email address "
                + "with a domain");
        assertRefused(with(smtp, Setting.SMTP_USERNAME, "mailer"), "CONTACTINFO_SMTP_PASSWORD is required when "
                + "CONTACTINFO_SMTP_USERNAME is set");
        assertRefused(with(smtp, Setting.SMTP_SECURITY, "SSL"), "CONTACTINFO_SMTP_SECURITY must be one of NONE, "
                + "STARTTLS, TLS");
        assertRefused(with(smtp, Setting.SMTP_PORT, "0"), "CONTACTINFO_SMTP_PORT must be a port number from 1 to "
                + "65535");
        assertRefused(Map.of(Setting.WEBHOOK_URL, "https://sms.gateway.example/messages"),
                "CONTACTINFO_WEBHOOK_SECRET is required when CONTACTINFO_WEBHOOK_URL is set");
        assertRefused(with(webhook, Setting.WEBHOOK_SECRET, "short-secret"),
                "CONTACTINFO_WEBHOOK_SECRET must be at least 32 characters");
        assertRefused(with(webhook, Setting.WEBHOOK_URL, "http://sms.gateway.example/messages"),
                "CONTACTINFO_WEBHOOK_URL must be https (plain http only to a loopback address)");
        assertRefused(Map.of(Setting.NOTIFICATION_LANGUAGE, "fr"),
                "CONTACTINFO_NOTIFICATION_LANGUAGE must be one of en, es");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10", "0s", "-1s", "1d", "ten seconds", "99999999999s"})
    void aTimeoutThatIsNotAPositiveDurationInMsSMOrH_isRefused(String timeout) {
        assertRefused(Map.of(Setting.WEBHOOK_URL, "https://sms.gateway.example/messages",
                        Setting.WEBHOOK_SECRET, SECRET, Setting.WEBHOOK_TIMEOUT, timeout),
                "CONTACTINFO_WEBHOOK_TIMEOUT must be a positive duration such as 500ms, 10s, 1m or 24h");
    }

    @Test
    void theOtpNumbers_defaultToSpec45s_areReadFromTheirSettings_andOutOfBoundsOnesAreNamed() {
        assertThat(read(Map.of()).otpPolicy()).isEqualTo(OtpPolicy.DEFAULTS);
        assertThat(read(Map.of(Setting.OTP_CODE_LENGTH, "8", Setting.OTP_VALIDITY, "10m",
                Setting.OTP_MAX_ATTEMPTS, "3", Setting.OTP_RESEND_INTERVAL, "1m", Setting.OTP_MAX_SENDS_PER_HOUR, "4",
                Setting.OTP_PASSWORD_RESET_COOL_OFF, "48h", Setting.OTP_CONTACT_VERIFICATION_VALIDITY, "15m",
                Setting.OTP_MAX_FAILED_VERIFICATIONS_PER_HOUR, "50")).otpPolicy())
                .isEqualTo(new OtpPolicy(8, Duration.ofMinutes(10), 3, Duration.ofMinutes(1), 4,
                        Duration.ofMinutes(15), Duration.ofHours(48), 50));
        assertRefused(Map.of(Setting.OTP_CODE_LENGTH, "11"),
                "CONTACTINFO_OTP_CODE_LENGTH is out of its bounds: Digits of a one-time passcode, 6 to 10.");
        assertRefused(Map.of(Setting.OTP_VALIDITY, "11m"),
                "CONTACTINFO_OTP_VALIDITY is out of its bounds: How long a passcode can be verified, at most 10m.");
        assertThat(read(Map.of(Setting.OTP_RESEND_INTERVAL, "0s", Setting.OTP_PASSWORD_RESET_COOL_OFF, "0s"))
                .otpPolicy()).extracting(OtpPolicy::resendInterval, OtpPolicy::passwordResetCoolOff)
                .containsExactly(Duration.ZERO, Duration.ZERO);
        assertRefused(Map.of(Setting.OTP_VALIDITY, "0s"),
                "CONTACTINFO_OTP_VALIDITY must be a positive duration such as 500ms, 10s, 1m or 24h");
        assertRefused(Map.of(Setting.OTP_MAX_ATTEMPTS, "0"),
                "CONTACTINFO_OTP_MAX_ATTEMPTS must be a whole number from 1 up");
    }

    private static Map<Setting, String> with(Map<Setting, String> settings, Setting setting, String value) {
        Map<Setting, String> changed = new HashMap<>(settings);
        changed.put(setting, value);
        return changed;
    }

    private static void assertRefused(Map<Setting, String> settings, String message) {
        assertThatThrownBy(() -> read(settings)).isInstanceOf(ConfigurationException.class).hasMessage(message)
                .message().doesNotContain(SECRET);
    }

    private static Configuration read(Map<Setting, String> settings) {
        Map<String, String> variables = new HashMap<>();
        settings.forEach((setting, value) -> variables.put(setting.variable(), value));
        return Configuration.from(variables);
    }
}
