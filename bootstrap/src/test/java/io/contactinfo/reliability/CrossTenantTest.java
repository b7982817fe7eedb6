package io.contactinfo.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactinfo.bootstrap.ContactInfoServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue #11, property 4: the cross-tenant matrix over HTTP. Every operation of every dialect, with a token of one
 * institution, aimed at the other's customer, account, user, passcode, contact method or contact verification, in
 * both directions ({@code demo-bank}, whose country the Security API enables, and {@code other-bank}). Each is refused
 * in its dialect's format without a word of the victim's data, and the victim's rows in every table are the same
 * afterwards. ({@code TenantIsolationTest} in contact-application proves the same of the use cases, without HTTP.)
 */
@Tag("reliability")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossTenantTest {

    private static final String A = "demo-bank";
    private static final String B = "other-bank";
    /** Every table, the victim's rows only; the outbox without the columns its dispatcher changes. */
    private static final List<String> VICTIM_ROWS = List.of(
            "SELECT * FROM app_user WHERE institution_id = ?",
            "SELECT x.* FROM phone x JOIN app_user u ON u.id = x.user_id WHERE u.institution_id = ?",
            "SELECT x.* FROM email x JOIN app_user u ON u.id = x.user_id WHERE u.institution_id = ?",
            "SELECT x.* FROM address x JOIN app_user u ON u.id = x.user_id WHERE u.institution_id = ?",
            "SELECT x.* FROM terms_acceptance x JOIN app_user u ON u.id = x.user_id WHERE u.institution_id = ?",
            "SELECT * FROM account WHERE institution_id = ?",
            "SELECT * FROM institution WHERE id = ?",
            "SELECT * FROM limit_key WHERE institution_id = ?",
            "SELECT * FROM limit_link WHERE institution_id = ?",
            "SELECT * FROM otp_challenge WHERE institution_id = ?",
            "SELECT * FROM otp_destination_lock WHERE institution_id = ?",
            "SELECT * FROM contact_verification WHERE institution_id = ?",
            "SELECT * FROM otp_failed_verification WHERE institution_id = ?",
            "SELECT * FROM soft_token WHERE institution_id = ?",
            "SELECT * FROM idempotency_record WHERE institution_id = ?",
            "SELECT * FROM idempotency_key_lock WHERE institution_id = ?",
            "SELECT * FROM audit_record WHERE institution_id = ?",
            "SELECT x.* FROM audit_change x JOIN audit_record r ON r.id = x.record_id WHERE r.institution_id = ?",
            "SELECT message_id, institution_id, channel, destination, kind, parameters_enc, enqueued_at"
                    + " FROM notification_outbox WHERE institution_id = ?");

    private Path dataDirectory;
    private String url;
    private ContactInfoServer server;
    private ApiClient client;
    private Inbox inbox;

    @BeforeAll
    void start() throws Exception {
        dataDirectory = Files.createTempDirectory("contactinfo-tenants-");
        url = Databases.h2(dataDirectory).url();
        server = Servers.inJvm(dataDirectory, Optional.of(url), Clock.systemUTC());
        client = new ApiClient(URI.create("http://127.0.0.1:" + server.port()), server.devTokens().orElseThrow());
        inbox = new Inbox(dataDirectory, url);
    }

    @AfterAll
    void stop() throws Exception {
        Servers.stopAndDelete(server, dataDirectory);
    }

    @Test
    void noOperationOfAnyDialectReadsOrChangesAnotherInstitutionsData() {
        Tenant demoBank = Tenant.of(client, inbox, A, "a", "c-1001", "6467770001", "6467770002");
        Tenant otherBank = Tenant.of(client, inbox, B, "b", "b-1", "6468880001", "6468880002");
        List<String> violations = new ArrayList<>();
        int requests = 0;

        for (Tenant[] pair : List.of(new Tenant[] {demoBank, otherBank}, new Tenant[] {otherBank, demoBank})) {
            Tenant attacker = pair[0];
            Tenant victim = pair[1];
            TreeSet<String> before = rows(victim.institution());
            for (Attack attack : attacks(attacker, victim)) {
                requests++;
                ApiClient.Answer answer = attack.request().get();
                String where = attacker.institution() + " -> " + victim.institution() + ", " + attack.name() + ": ";
                if (answer.status() < 400) {
                    violations.add(where + "HTTP " + answer.status() + " " + answer.body());
                }
                ErrorFormats.of(attack.dialectPath()).problemWithRefusal(answer.status(),
                        answer.headers().firstValue("Content-Type").orElse(null),
                        answer.body().getBytes(StandardCharsets.UTF_8))
                        .ifPresent(problem -> violations.add(where + problem));
                for (String secret : victim.secrets()) {
                    if (answer.body().contains(secret)) {
                        violations.add(where + "the answer shows " + secret);
                    }
                }
            }
            TreeSet<String> after = rows(victim.institution());
            if (!after.equals(before)) {
                TreeSet<String> changed = new TreeSet<>(after);
                changed.removeAll(before);
                violations.add(attacker.institution() + " changed " + victim.institution() + ": " + changed);
            }
        }

        ReliabilityReport.line("cross-tenant matrix over HTTP (3 dialects, both ways)", requests, violations.size(),
                attacks(demoBank, otherBank).size() + " operations x 2 directions; each must be refused in its"
                        + " dialect's format with none of the victim's data, the victim's rows in " + VICTIM_ROWS.size()
                        + " tables unchanged"
                        + (violations.isEmpty() ? ": all were" : "; first: " + violations.get(0)));
        assertThat(violations).isEmpty();
    }

    /** An attempt on the victim's data: its name, the path of its dialect, and the request. */
    private record Attack(String name, String dialectPath, Supplier<ApiClient.Answer> request) {
    }

    private static List<Attack> attacks(Tenant attacker, Tenant victim) {
        String x = attacker.institution();
        String v = victim.institution();
        String victimCustomer = victim.customer();
        String own = attacker.customer();
        ApiClient c = attacker.client();
        String ci = ApiClient.CONTACT_INFO;
        String users = "/programs";
        String sec = ApiClient.SECURITY;
        String email = "{\"email\":{\"emailAddress\":\"taken@example.com\"}}";
        return List.of(
                new Attack("list the victim's contact methods", ci, () -> c.contactInfo("GET", x, victimCustomer,
                        "/customers/" + victimCustomer + "/contact-methods", null)),
                new Attack("update the victim's email", ci, () -> c.contactInfo("PUT", x, victimCustomer,
                        "/customers/" + victimCustomer + ":contact-info", email)),
                new Attack("update by the victim's email as login id", ci, () -> c.contactInfo("PUT", x, own,
                        "/customers/" + victim.email() + ":contact-info",
                        "{\"userIdType\":\"LOGIN_ID\",\"email\":{\"emailAddress\":\"taken@example.com\"}}")),
                new Attack("send a code to the victim's contact method", ci, () -> c.contactInfo("POST", x,
                        victimCustomer, "/customers/" + victimCustomer + "/otp",
                        "{\"contactMethodId\":\"" + victim.contactMethod() + "\"}")),
                new Attack("send a code to the victim's contact method as one's own", ci, () -> c.contactInfo("POST",
                        x, own, "/customers/" + own + "/otp", "{\"contactMethodId\":\"" + victim.contactMethod()
                                + "\",\"purpose\":\"CONTACT_VERIFICATION\"}")),
                new Attack("verify the victim's passcode", ci, () -> c.contactInfo("POST", x, victimCustomer,
                        "/customers/" + victimCustomer + "/otp/" + victim.pendingOtp() + ":verify",
                        "{\"code\":\"" + victim.pendingCode() + "\"}")),
                new Attack("verify the victim's passcode as one's own", ci, () -> c.contactInfo("POST", x, own,
                        "/customers/" + own + "/otp/" + victim.pendingOtp() + ":verify",
                        "{\"code\":\"" + victim.pendingCode() + "\"}")),
                new Attack("list the victim's users under the victim's program", users, () -> c.usersOfProgram("GET",
                        x, v, "/accounts/" + victim.account() + "/users", null)),
                new Attack("list the victim's users under one's own program", users, () -> c.users("GET", x,
                        "/accounts/" + victim.account() + "/users", null)),
                new Attack("close the victim's account under the victim's program", users, () -> c.usersOfProgram(
                        "PUT", x, v, "/accounts/" + victim.account() + "/status", People.status("closed"))),
                new Attack("close the victim's account", users, () -> c.users("PUT", x,
                        "/accounts/" + victim.account() + "/status", People.status("closed"))),
                new Attack("update the victim's user", users, () -> c.users("PUT", x,
                        "/accounts/" + victim.account() + "/users/" + victim.user(), People.phonesUpdate(
                                "6469990001"))),
                new Attack("rename the victim's user under the victim's program", users, () -> c.usersOfProgram("PUT",
                        x, v, "/accounts/" + victim.account() + "/users/" + victim.user() + "/name",
                        "{\"userData\":{\"profileData\":{\"firstName\":\"Eve\",\"lastName\":\"Mallory\"}}}")),
                new Attack("update the victim's user under one's own account", users, () -> c.users("PUT", x,
                        "/accounts/" + attacker.ownAccount() + "/users/" + victim.user(), People.phonesUpdate(
                                "6469990002"))),
                new Attack("enroll into the victim's program", users, () -> c.usersOfProgram("POST", x, v,
                        "/enrollments", People.enrollment("intruder", null, "eve@example.com", "6469990003"))),
                new Attack("use the victim's contact verification", users, () -> c.users("PUT", x,
                        "/accounts/" + attacker.ownAccount() + "/users/" + attacker.ownUser(),
                        "{\"userData\":{\"phoneNumbers\":[{\"number\":\"" + victim.mobile() + "\",\"type\":"
                                + "\"mobile\",\"isDefault\":true}]},\"contactVerificationIdentifiers\":[\""
                                + victim.proof() + "\"]}")),
                new Attack("read the victim's certified phone", sec, () -> c.security("GET", x,
                        victim.securityCustomer(), "/certified-phone", null)),
                new Attack("activate the victim's soft token", sec, () -> c.security("PUT", x,
                        victim.securityCustomer(), "/soft-token/status", "{\"status\":65}")),
                new Attack("roll back the victim's soft token", sec, () -> c.security("PUT", x,
                        victim.securityCustomer(), "/soft-token/status/rollback", null)));
    }

    /** Every row of the victim's, in every table, as text, sorted. */
    private TreeSet<String> rows(String institution) {
        TreeSet<String> rows = new TreeSet<>();
        for (String query : VICTIM_ROWS) {
            for (Map<String, Object> row : Databases.rows(url, query, institution)) {
                rows.add(query.substring(query.indexOf("FROM ") + 5, query.indexOf(' ', query.indexOf("FROM ") + 5))
                        + " " + row);
            }
        }
        return rows;
    }

    /**
     * One institution's side of the matrix: a customer with a passcode pending and a contact verification (its
     * victim side), an account and user of its own (its attacker side), and the values its data must never show.
     */
    private record Tenant(ApiClient client, String institution, String customer, String account, String user,
                          String mobile, String email, String contactMethod, String pendingOtp, String pendingCode,
                          String proof, String securityCustomer, String ownAccount, String ownUser) {

        static Tenant of(ApiClient client, Inbox inbox, String institution, String prefix, String securityCustomer,
                         String mobile, String ownMobile) {
            String customer = prefix + "-1";
            String email = prefix + ".victim@example.com";
            String[] victim = enroll(client, institution, customer, email, mobile);
            String[] own = enroll(client, institution, prefix + "-2", prefix + ".own@example.com", ownMobile);
            var methods = client.contactInfo("GET", institution, customer, "/customers/" + customer
                    + "/contact-methods", null).json().get("contactMethods");
            String sms = methods.get(0).get("contactMethodId").asText();
            String emailMethod = methods.get(methods.size() - 1).get("contactMethodId").asText();
            // A proof that the customer reached their mobile...
            String otp = send(client, institution, customer, sms);
            ApiClient.Answer verified = client.contactInfo("POST", institution, customer, "/customers/" + customer
                    + "/otp/" + otp + ":verify", "{\"code\":\"" + inbox.latestCode(mobile) + "\"}");
            String proof = verified.json().get("contactVerificationId").asText();
            // ...and a passcode still pending, sent to their email.
            String pending = send(client, institution, customer, emailMethod);
            return new Tenant(client, institution, customer, victim[0], victim[1], mobile, email, sms, pending,
                    inbox.latestCode(email), proof, securityCustomer, own[0], own[1]);
        }

        private static String[] enroll(ApiClient client, String institution, String customer, String email,
                                       String mobile) {
            ApiClient.Answer enrolled = client.users("POST", institution, "/enrollments",
                    People.enrollment(customer, "1" + mobile.substring(2), email, mobile));
            assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
            return new String[] {enrolled.json().get("accountIdentifier").asText(),
                    enrolled.json().get("userIdentifier").asText()};
        }

        private static String send(ApiClient client, String institution, String customer, String method) {
            ApiClient.Answer sent = client.contactInfo("POST", institution, customer, "/customers/" + customer
                    + "/otp", "{\"contactMethodId\":\"" + method + "\",\"purpose\":\"CONTACT_VERIFICATION\"}");
            assertThat(sent.status()).as(sent.body()).isEqualTo(202);
            return sent.json().get("otpId").asText();
        }

        /** What no answer to another institution may contain: the customer's contact details, masked or not. */
        List<String> secrets() {
            return List.of(mobile, "***-" + mobile.substring(6), mobile.substring(0, 2) + "******"
                    + mobile.substring(8), email, email.charAt(0) + "***@", account, user, proof, pendingOtp);
        }
    }
}
