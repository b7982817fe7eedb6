package io.contactinfo.adapter.rest.contactinfo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactinfo.application.port.out.Notification;
import io.contactinfo.domain.contact.Channel;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /customers/{customerId}/otp} and {@code .../otp/{otpId}:verify} over real HTTP, end to end: the code
 * is read from the outbox, as the customer would read it from the message. Refusals are in {@link UxuErrorCodesTest}.
 */
class OtpApiTest {

    private ContactInfoServer server;

    @BeforeEach
    void start() {
        server = new ContactInfoServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void sendsACodeToTheChosenMethodAndItsVerificationYieldsAContactVerificationId() throws Exception {
        String sms = contactMethodId(0);

        HttpResponse<String> sent = server.call("POST", "/customers/c-1001/otp")
                .json("{\"contactMethodId\":\"" + sms + "\",\"purpose\":\"CONTACT_VERIFICATION\"}").send();

        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        JsonNode otp = ContactInfoServer.JSON.readTree(sent.body());
        assertThat(otp.get("contactMethodId").asText()).isEqualTo(sms);
        assertThat(otp.get("channel").asText()).isEqualTo("SMS");
        assertThat(otp.get("destination").asText()).isEqualTo("(***) ***-0147");
        assertThat(Instant.parse(otp.get("expiresAt").asText())).isEqualTo(ContactInfoServer.NOW.plusSeconds(300));
        Notification message = server.delivered.get(0);
        assertThat(message.kind()).isEqualTo(Notification.Kind.OTP_CODE);
        assertThat(message.channel()).isEqualTo(Channel.SMS);
        assertThat(message.destination()).isEqualTo("2125550147");
        String code = message.parameters().get("code");
        assertThat(sent.body()).doesNotContain(code, "2125550147");

        HttpResponse<String> verified = verify(otp.get("otpId").asText(), code);

        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        JsonNode result = ContactInfoServer.JSON.readTree(verified.body());
        assertThat(result.get("verified").asBoolean()).isTrue();
        assertThat(UUID.fromString(result.get("contactVerificationId").asText())).isNotNull();
    }

    @Test
    void aPasswordResetCodeIsTheDefaultAndYieldsNoContactVerificationId() throws Exception {
        JsonNode otp = server.call("POST", "/customers/c-1001/otp")
                .json("{\"contactMethodId\":\"" + contactMethodId(3) + "\"}").sendForJson();
        Notification message = server.delivered.get(0);
        assertThat(message.channel()).isEqualTo(Channel.EMAIL);
        assertThat(message.parameters()).containsEntry("purpose", "PASSWORD_RESET");

        JsonNode result = ContactInfoServer.JSON.readTree(
                verify(otp.get("otpId").asText(), message.parameters().get("code")).body());

        assertThat(result.get("verified").asBoolean()).isTrue();
        assertThat(result.has("contactVerificationId")).isFalse();
    }

    @Test
    void aWrongCodeIsNotVerifiedUntilTheChallengeLocks() throws Exception {
        JsonNode otp = server.call("POST", "/customers/c-1001/otp")
                .json("{\"contactMethodId\":\"" + contactMethodId(0) + "\"}").sendForJson();
        String code = server.delivered.get(0).parameters().get("code");
        String wrong = code.equals("000000") ? "111111" : "000000";

        for (int attempt = 1; attempt < 5; attempt++) {
            HttpResponse<String> response = verify(otp.get("otpId").asText(), wrong);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(ContactInfoServer.JSON.readTree(response.body()).get("verified").asBoolean()).isFalse();
        }
        JsonNode locked = ContactInfoServer.JSON.readTree(verify(otp.get("otpId").asText(), wrong).body());
        assertThat(locked.get("code").asText()).isEqualTo("UXU_99999");
        assertThat(locked.get("message").asText()).endsWith(": code (otp.challenge.attempts-exhausted)");

        JsonNode afterLock = ContactInfoServer.JSON.readTree(verify(otp.get("otpId").asText(), code).body());
        assertThat(afterLock.get("code").asText()).isEqualTo("UXU_99999");
    }

    @Test
    void aVerifiedCodeCannotBeUsedAgain() throws Exception {
        JsonNode otp = server.call("POST", "/customers/c-1001/otp")
                .json("{\"contactMethodId\":\"" + contactMethodId(0) + "\"}").sendForJson();
        String code = server.delivered.get(0).parameters().get("code");
        assertThat(verify(otp.get("otpId").asText(), code).statusCode()).isEqualTo(200);

        JsonNode again = ContactInfoServer.JSON.readTree(verify(otp.get("otpId").asText(), code).body());

        assertThat(again.get("message").asText()).endsWith(": code (otp.challenge.already-verified)");
    }

    @Test
    void aCodeSentToAPhoneReplacedSinceCannotBeSentAnymore() throws Exception {
        String sms = contactMethodId(0);
        server.call("PUT", "/customers/c-1001:contact-info")
                .json("{\"phoneNumber\":{\"oldPhoneNumber\":\"2125550147\",\"newPhoneNumber\":\"2125550199\"}}").send();

        JsonNode refusal = server.call("POST", "/customers/c-1001/otp")
                .json("{\"contactMethodId\":\"" + sms + "\"}").sendForJson();

        assertThat(refusal.get("code").asText()).isEqualTo("UXU_88889");
    }

    private String contactMethodId(int index) throws Exception {
        return server.call("GET", "/customers/c-1001/contact-methods").sendForJson()
                .get("contactMethods").get(index).get("contactMethodId").asText();
    }

    private HttpResponse<String> verify(String otpId, String code) throws Exception {
        return server.call("POST", "/customers/c-1001/otp/" + otpId + ":verify")
                .json("{\"code\":\"" + code + "\"}").send();
    }
}
