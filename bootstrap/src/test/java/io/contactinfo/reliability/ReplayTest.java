package io.contactinfo.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactinfo.bootstrap.ContactInfoServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue #11, property 4: replays refused over HTTP. A passcode verified once cannot be verified again; a contact
 * verification id (the proof a new phone was reached, SPEC §4.5) counts once, for its own user only.
 */
@Tag("reliability")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplayTest {

    private static final String BANK = "replay-bank";

    private Path dataDirectory;
    private ContactInfoServer server;
    private ApiClient client;
    private Inbox inbox;

    @BeforeAll
    void start() throws Exception {
        dataDirectory = Files.createTempDirectory("contactinfo-replay-");
        String url = Databases.h2(dataDirectory).url();
        server = Servers.inJvm(dataDirectory, Optional.of(url), Clock.systemUTC());
        client = new ApiClient(URI.create("http://127.0.0.1:" + server.port()), server.devTokens().orElseThrow());
        inbox = new Inbox(dataDirectory, url);
    }

    @AfterAll
    void stop() throws Exception {
        Servers.stopAndDelete(server, dataDirectory);
    }

    @Test
    void aVerifiedCodeReplayed_andAContactVerificationIdReplayed_areRefused() {
        List<String> violations = new ArrayList<>();
        String[] first = enroll("rp-1", "6466660001");
        String[] second = enroll("rp-2", "6466660002");

        // The customer proves they read the code sent to their new mobile: a contact verification id.
        String sms = client.contactInfo("GET", BANK, "rp-1", "/customers/rp-1/contact-methods", null).json()
                .at("/contactMethods/0/contactMethodId").asText();
        ApiClient.Answer sent = client.contactInfo("POST", BANK, "rp-1", "/customers/rp-1/otp",
                "{\"contactMethodId\":\"" + sms + "\",\"purpose\":\"CONTACT_VERIFICATION\"}");
        String otpId = sent.json().get("otpId").asText();
        String code = inbox.latestCode("6466660001");
        String verify = "/customers/rp-1/otp/" + otpId + ":verify";
        ApiClient.Answer verified = client.contactInfo("POST", BANK, "rp-1", verify, "{\"code\":\"" + code + "\"}");
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        assertThat(verified.json().get("verified").asBoolean()).isTrue();
        String proof = verified.json().get("contactVerificationId").asText();

        ApiClient.Answer codeAgain = client.contactInfo("POST", BANK, "rp-1", verify, "{\"code\":\"" + code + "\"}");
        expect(violations, "the same code verified again", codeAgain, 400, "otp.challenge.already-verified");

        ApiClient.Answer otherUser = update(second, "6466660002", proof);
        expect(violations, "the proof used by another user", otherUser, 400, "400/540");
        ApiClient.Answer used = update(first, "6466660001", proof);
        expect(violations, "the proof used by its user", used, 200, "0/0");
        ApiClient.Answer usedAgain = update(first, "6466660001", proof);
        expect(violations, "the proof used again", usedAgain, 400, "400/540");
        boolean phoneVerified = client.users("GET", BANK, "/accounts/" + first[0] + "/users", null).json()
                .at("/users/0/phoneNumbers/0/isVerified").asBoolean();
        if (!phoneVerified) {
            violations.add("the proof did not verify the phone");
        }

        ReliabilityReport.line("replays: OTP code and contact verification id", 9, violations.size(),
                "code verified twice: HTTP " + codeAgain.status() + "; proof of rp-1 used by rp-2: HTTP "
                        + otherUser.status() + "; used by rp-1: HTTP " + used.status() + " (phone verified: "
                        + phoneVerified + "); used again: HTTP " + usedAgain.status()
                        + (violations.isEmpty() ? "" : "; " + violations));
        assertThat(violations).isEmpty();
    }

    private void expect(List<String> violations, String what, ApiClient.Answer answer, int status, String marker) {
        String got = answer.body().contains("responseDetails") ? answer.usersCode() : answer.body();
        if (answer.status() != status || !got.contains(marker)) {
            violations.add(what + ": " + answer.status() + " " + answer.body());
        }
    }

    /** The user's mobile sent again, with {@code proof} among the contact verifications. */
    private ApiClient.Answer update(String[] user, String mobile, String proof) {
        return client.users("PUT", BANK, "/accounts/" + user[0] + "/users/" + user[1],
                "{\"userData\":{\"phoneNumbers\":[{\"number\":\"" + mobile + "\",\"type\":\"mobile\","
                        + "\"isDefault\":true}]},\"contactVerificationIdentifiers\":[\"" + proof + "\"]}");
    }

    private String[] enroll(String customer, String mobile) {
        ApiClient.Answer enrolled = client.users("POST", BANK, "/enrollments",
                People.enrollment(customer, null, customer + "@example.com", mobile));
        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
        return new String[] {enrolled.json().get("accountIdentifier").asText(),
                enrolled.json().get("userIdentifier").asText()};
    }
}
