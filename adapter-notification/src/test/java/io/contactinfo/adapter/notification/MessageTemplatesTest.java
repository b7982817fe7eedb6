package io.contactinfo.adapter.notification;

import static io.contactinfo.adapter.notification.SampleNotifications.CODE;
import static io.contactinfo.adapter.notification.SampleNotifications.EMAIL;
import static io.contactinfo.adapter.notification.SampleNotifications.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactinfo.application.port.out.Notification;
import io.contactinfo.domain.contact.Channel;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class MessageTemplatesTest {

    private final MessageTemplates templates = MessageTemplates.load(Language.EN);

    static Stream<Arguments> everyKindInEveryLanguage() {
        return Arrays.stream(Notification.Kind.values()).flatMap(kind ->
                Arrays.stream(Language.values()).map(language -> Arguments.of(kind, language)));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyKindInEveryLanguage")
    void everyKindInEveryLanguage_rendersEveryPartWithNoPlaceholderLeft(Notification.Kind kind, Language language) {
        Notification notification = SampleNotifications.of(kind, Channel.EMAIL, EMAIL,
                Map.of("language", language.code()));

        RenderedMessage message = templates.render(notification, NOW);

        assertThat(message.language()).isEqualTo(language);
        assertThat(Stream.of(message.subject(), message.text(), message.html(), message.sms(), message.voice()))
                .allSatisfy(part -> assertThat(part).isNotBlank().doesNotContain("{{", "}}"));
        assertThat(message.html()).startsWith("<!DOCTYPE html>").contains("<html lang=\"" + language.code() + "\">");
        assertThat(message.sms()).hasSizeLessThanOrEqualTo(160);
    }

    @Test
    void aPasscode_isInEveryBodyButNotTheSubject_andSpokenDigitByDigit() {
        RenderedMessage message = templates.render(SampleNotifications.otp(Channel.SMS, "2125550147"), NOW);

        assertThat(message.subject()).isEqualTo("Your verification code").doesNotContain(CODE);
        assertThat(message.text()).contains(CODE, "to reset your password", "expires in 5 minutes");
        assertThat(message.html()).contains(">" + CODE + "<");
        assertThat(message.sms()).isEqualTo(CODE + " is your verification code. It expires in 5 min. "
                + "Never share it with anyone.");
        assertThat(message.voice()).contains("4, 8, 2, 9, 1, 3");
    }

    @ParameterizedTest
    @CsvSource({"PT5M, 5", "PT4M1S, 5", "PT4M, 4", "PT0.5S, 1"})
    void theMinutesLeft_areRoundedUp(Duration left, String minutes) {
        Notification otp = SampleNotifications.otp(Channel.EMAIL, EMAIL);

        RenderedMessage message = templates.render(otp, NOW.plus(Duration.ofMinutes(5)).minus(left));

        assertThat(message.text()).contains("expires in " + minutes + " minutes");
    }

    @Test
    void aPasscodeThatExpiredBeforeDelivery_isUndeliverable() {
        Notification otp = SampleNotifications.otp(Channel.SMS, "2125550147");

        assertThatThrownBy(() -> templates.render(otp, NOW.plus(Duration.ofMinutes(5))))
                .isInstanceOf(UndeliverableMessageException.class)
                .hasMessage("the passcode expired before it could be delivered");
    }

    @Test
    void aMissingParameter_isUndeliverable_namingItButNoValue() {
        Notification otp = new Notification(SampleNotifications.otp(Channel.SMS, "2125550147").messageId(),
                SampleNotifications.BANK, Channel.SMS, "2125550147", Notification.Kind.OTP_CODE,
                Map.of("code", CODE, "expiresAt", NOW.plusSeconds(60).toString()));

        assertThatThrownBy(() -> templates.render(otp, NOW))
                .isInstanceOf(UndeliverableMessageException.class)
                .hasMessage("template otp-code.en needs parameter purpose")
                .message().doesNotContain(CODE);
    }

    @Test
    void eachItemOfAListValue_isPutInWordsOfTheMessagesLanguage() {
        Notification changed = SampleNotifications.of(Notification.Kind.CONTACT_CHANGED, Channel.EMAIL, EMAIL,
                Map.of("changed", "email,phoneNumbers"));

        assertThat(templates.render(changed, NOW).text()).contains("changed: email address, phone numbers.");
        assertThat(templates.render(SampleNotifications.inLanguage(changed, "es"), NOW).text())
                .contains("perfil: correo electrónico, números de teléfono.");
    }

    @Test
    void valuesAreHtmlEscapedInTheHtmlBodyOnly() {
        Notification changed = SampleNotifications.of(Notification.Kind.CONTACT_CHANGED, Channel.EMAIL, EMAIL,
                Map.of("changed", "<b>\"it's\" & more</b>"));

        RenderedMessage message = templates.render(changed, NOW);

        assertThat(message.html()).contains("&lt;b&gt;&quot;it&#39;s&quot; &amp; more&lt;/b&gt;")
                .doesNotContain("<b>\"it's\"");
        assertThat(message.text()).contains("<b>\"it's\" & more</b>");
    }

    @ParameterizedTest
    @CsvSource({"es, ES", "es-MX, ES", "ES_us, ES", "en-GB, EN", "fr, EN", "'', EN"})
    void theLanguageParameter_choosesTheLanguage_elseTheDefault(String tag, Language expected) {
        Notification otp = SampleNotifications.inLanguage(SampleNotifications.otp(Channel.EMAIL, EMAIL), tag);

        assertThat(templates.render(otp, NOW).language()).isEqualTo(expected);
    }

    @Test
    void withoutALanguageParameter_theConfiguredDefaultIsUsed() {
        RenderedMessage message = MessageTemplates.load(Language.ES)
                .render(SampleNotifications.otp(Channel.EMAIL, EMAIL), NOW);

        assertThat(message.language()).isEqualTo(Language.ES);
        assertThat(message.subject()).isEqualTo("Tu código de verificación");
        assertThat(message.text()).contains("para restablecer tu contraseña", CODE, "Vence en 5 minutos");
    }
}
