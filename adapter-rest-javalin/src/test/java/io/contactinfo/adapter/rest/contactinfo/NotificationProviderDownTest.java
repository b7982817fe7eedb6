package io.contactinfo.adapter.rest.contactinfo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactinfo.application.port.in.DispatchReport;
import io.contactinfo.application.port.out.Notification;
import io.contactinfo.domain.contact.Channel;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A notification provider that is down (the voice gateway, in {@link ContactInfoServer}): a passcode — which the
 * customer waits for — is answered 30002 and withdrawn, never delivered later; the send still counts, since a
 * gateway that did not answer may have sent it; a change of contact info, whose notice can follow later, is not
 * refused.
 */
class NotificationProviderDownTest {

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
    void aPasscodeByVoice_is503_30002_isWithdrawn_andAskingAgainOnceTheGatewayIsBackWorks() throws Exception {
        HttpResponse<String> response = server.call("POST", "/customers/c-1001/otp")
                .json(server.contactMethodOf(Channel.VOICE)).send();

        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode body = ContactInfoServer.JSON.readTree(response.body());
        assertThat(body.get("code").asText()).isEqualTo("UXU_30002");
        assertThat(body.get("message").asText()).isEqualTo("Error interacting with the external service");
        assertThat(server.ports.outbox().pending()).isEmpty();

        HttpResponse<String> atOnce = server.call("POST", "/customers/c-1001/otp")
                .json(server.contactMethodOf(Channel.VOICE)).send();
        assertThat(ContactInfoServer.JSON.readTree(atOnce.body()).get("message").asText())
                .as("the gateway may have called: 30 s between codes still").contains("otp.send.too-soon");
        server.voiceGatewayUp.set(true);
        server.clock.advance(Duration.ofMinutes(1));
        assertThat(server.dispatcher.dispatchOnce().count(DispatchReport.Outcome.DELIVERED))
                .as("the withdrawn passcode is never delivered").isZero();
        HttpResponse<String> again = server.call("POST", "/customers/c-1001/otp")
                .json(server.contactMethodOf(Channel.VOICE)).send();
        assertThat(again.statusCode()).isEqualTo(202);
    }

    @Test
    void aPasscodeBySms_whileOnlyTheVoiceGatewayIsDown_is202AndDelivered() throws Exception {
        HttpResponse<String> response = server.call("POST", "/customers/c-1001/otp")
                .json(server.contactMethodOf(Channel.SMS)).send();

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(server.ports.outbox().pending()).isEmpty();
    }

    @Test
    void aChangeOfContactInfo_whileTheGatewayIsDown_isDone_andItsNoticesWait() throws Exception {
        HttpResponse<String> response = server.call("PUT", "/customers/c-1001:contact-info").json("""
                {"phoneNumber":{"oldPhoneNumber":"2125550147","newPhoneNumber":"2125550199"}}""").send();

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(server.ports.outbox().pending()).isNotEmpty()
                .allSatisfy(notice -> assertThat(notice.kind()).isEqualTo(Notification.Kind.CONTACT_CHANGED));
    }
}
