package io.contactinfo.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactinfo.bootstrap.ContactInfoServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #11, property 3: every endpoint of the three dialects fed generated malformed requests
 * ({@link MalformedRequests}) over raw sockets. No answer is a 5xx; every refusal is in its dialect's error format,
 * parsed and checked ({@link ErrorFormats}), and echoes none of the injected strings; afterwards the server is ready
 * and serves a valid request.
 *
 * <p>The generator is seeded: {@code -Dreliability.seed=N} replays a run; the seed is in the report line and in every
 * failure. {@code ./mvnw verify} sends 300 requests per endpoint; the slow run 10,000.
 */
@Tag("reliability")
class MalformedInputTest {

    private static final String SEED_PROPERTY = "reliability.seed";
    private static final int WORKERS = 3;
    /** Violations kept for the failure message; the count goes on. */
    private static final int MAX_REPORTED = 5000;

    @TempDir
    Path dataDirectory;

    @Test
    void aFewHundredMalformedRequestsPerEndpoint_getTheirDialectsErrorsAndNo5xx() throws Exception {
        feed(300);
    }

    @Test
    @Tag("slow")
    void tenThousandMalformedRequestsPerEndpoint_getTheirDialectsErrorsAndNo5xx() throws Exception {
        feed(10_000);
    }

    private void feed(int perEndpoint) throws Exception {
        long seed = Long.getLong(SEED_PROPERTY, Instant.now().toEpochMilli());
        try (ContactInfoServer server = Servers.inJvm(dataDirectory, Optional.empty(), Clock.systemUTC())) {
            ApiClient client = new ApiClient(URI.create("http://127.0.0.1:" + server.port()),
                    Servers.tokens(dataDirectory));
            List<MalformedRequests.Endpoint> endpoints = endpoints(client);
            MalformedRequests generator = new MalformedRequests(server.port());
            Map<String, AtomicLong> statuses = new ConcurrentHashMap<>();
            Findings violations = new Findings();
            AtomicLong sent = new AtomicLong();
            Instant start = Instant.now();

            ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                int worker = w;
                done.add(workers.submit(() -> {
                    try (RawHttp http = new RawHttp(server.port())) {
                        String previous = "none";
                        for (MalformedRequests.Endpoint endpoint : endpoints) {
                            for (int i = worker; i < perEndpoint; i += WORKERS) {
                                MalformedRequests.Generated request = generator.generate(endpoint, seed, i);
                                sent.incrementAndGet();
                                // The request before on the same connection, for a failure that needs both.
                                String after = http.isOpen() ? previous + " answered " + http.lastAnswer() : "none";
                                check(request, after, http.exchange(request.bytes(), !request.oneMessage()),
                                        statuses, violations);
                                previous = request.label();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : done) {
                worker.get();
            }
            workers.shutdown();

            boolean ready = client.ready();
            ApiClient.Answer valid = client.contactInfo("GET", "demo-bank", "c-1001",
                    "/customers/c-1001/contact-methods", null);
            if (!ready || valid.status() != 200) {
                violations.add("afterwards: ready " + ready + ", a valid request " + valid.status());
            }
            ReliabilityReport.line("malformed input, " + endpoints.size() + " endpoints x " + perEndpoint
                            + " (seed " + seed + ")", sent.get(), violations.count.get(),
                    "answers by status " + new java.util.TreeMap<>(statuses) + " in "
                            + Duration.between(start, Instant.now()).toSeconds() + " s; ready and serving afterwards: "
                            + (ready && valid.status() == 200)
                            + (violations.examples.isEmpty() ? "" : "; first: " + violations.examples.get(0)));
            assertThat(violations.examples).as("%d violations, seed %d; replay with -D%s=%d",
                    violations.count.get(), seed, SEED_PROPERTY, seed).isEmpty();
        }
    }

    private static void check(MalformedRequests.Generated request, String after, Optional<RawHttp.Answer> answer,
                              Map<String, AtomicLong> statuses, Findings violations) {
        if (answer.isEmpty()) {
            report(violations, request, "no answer (after " + after + ")");
            return;
        }
        RawHttp.Answer got = answer.get();
        statuses.computeIfAbsent(String.valueOf(got.status()), s -> new AtomicLong()).incrementAndGet();
        Optional<String> problem = ErrorFormats.of(request.dialectPath()).problemWithRefusal(got.status(),
                got.headers().get("content-type"), got.body());
        if (problem.isPresent() && !request.readableTarget()) {
            // No path, no dialect: the server's own JSON error, still a 4xx.
            problem = ErrorFormats.problemWithServerError(got.status(), got.headers().get("content-type"), got.body());
        }
        problem.ifPresent(p -> report(violations, request, p + " (after " + after + "): " + got.text()));
        String body = got.text();
        for (String injected : request.injected()) {
            // An accepted value may be answered back (an enrolled customer id); a refusal echoes nothing.
            if (got.status() >= 400 && body.contains(injected)) {
                report(violations, request, "the answer echoes " + injected);
            }
        }
    }

    private static void report(Findings violations, MalformedRequests.Generated request, String problem) {
        String text = problem.length() > 400 ? problem.substring(0, 400) + "…" : problem;
        violations.add(request.label() + ": " + text + "\n    request: " + request.printable());
    }

    /** Every violation counted; the first few kept, for the failure message. */
    private static final class Findings {
        final AtomicLong count = new AtomicLong();
        final List<String> examples = new CopyOnWriteArrayList<>();

        void add(String violation) {
            if (count.incrementAndGet() <= MAX_REPORTED) {
                examples.add(violation);
            }
        }
    }

    /** A valid request of every endpoint: demo customer c-1001, and an account enrolled for the Users API. */
    private static List<MalformedRequests.Endpoint> endpoints(ApiClient client) throws IOException {
        String contactInfoToken = "Bearer " + client.token("demo-bank", "c-1001");
        String institutionToken = "Bearer " + client.token("demo-bank", null);
        ApiClient.Answer enrolled = client.users("POST", "demo-bank", "/enrollments",
                People.enrollment("fuzz-1", null, "fuzz@example.com", "6465550100"));
        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
        String account = enrolled.json().get("accountIdentifier").asText();
        String user = enrolled.json().get("userIdentifier").asText();
        ApiClient.Answer methods = client.contactInfo("GET", "demo-bank", "c-1001", "/customers/c-1001/contact-methods",
                null);
        String contactMethodId = methods.json().at("/contactMethods/0/contactMethodId").asText();

        Map<String, String> contactInfo = new LinkedHashMap<>();
        contactInfo.put("Authorization", contactInfoToken);
        contactInfo.put("correlationId", "{uuid}");
        contactInfo.put("X-Forwarded-For", "203.0.113.7, 2001:db8::1");
        Map<String, String> users = new LinkedHashMap<>();
        users.put("Authorization", institutionToken);
        users.put("X-GD-RequestID", "{uuid}");
        Map<String, String> security = new LinkedHashMap<>();
        security.put("Authorization", contactInfoToken);
        security.put("uuid", "{uuid}");
        security.put("client_id", ApiClient.CLIENT_ID);
        security.put("countryCode", "US");
        security.put("businessCode", "retail");
        security.put("channelId", "web");
        security.put("Accept", "application/json");
        security.put("Accept-Language", "es-MX");
        security.put("sessionId", "s-42");

        String ci = ApiClient.CONTACT_INFO + "/customers/";
        String program = "/programs/";
        String sec = ApiClient.SECURITY;
        return List.of(
                new MalformedRequests.Endpoint("list contact methods", "GET",
                        List.of(ci, "c-1001", "/contact-methods"), contactInfo, null),
                new MalformedRequests.Endpoint("update contact info", "PUT", List.of(ci, "c-1001", ":contact-info"),
                        contactInfo, json("{\"userIdType\":\"CUSTOMER_ID\",\"phoneNumber\":{\"oldPhoneNumber\":"
                        + "\"2125550123\",\"oldCountryCode\":\"1\",\"newPhoneNumber\":\"2125550123\","
                        + "\"newCountryCode\":\"1\"},\"postalAddress\":{\"address1\":\"1 Main St\",\"address2\":"
                        + "\"Apt 2\",\"city\":\"Pasadena\",\"state\":\"CA\",\"postalCode\":\"91107\","
                        + "\"country\":\"USA\"}}")),
                new MalformedRequests.Endpoint("send OTP", "POST", List.of(ci, "c-1001", "/otp"), contactInfo,
                        json("{\"contactMethodId\":\"" + contactMethodId + "\",\"purpose\":\"CONTACT_VERIFICATION\"}")),
                new MalformedRequests.Endpoint("verify OTP", "POST", List.of(ci, "c-1001", "/otp/",
                        "2f6e1b2a-0c1d-4e5f-8a9b-0c1d2e3f4a5b", ":verify"), contactInfo, json("{\"code\":\"123456\"}")),
                new MalformedRequests.Endpoint("enroll", "POST", List.of(program, "demo-bank", "/enrollments"), users,
                        json(People.enrollment("fuzz-2", null, "fuzz2@example.com", "6465550101"))),
                new MalformedRequests.Endpoint("account status", "PUT",
                        List.of(program, "demo-bank", "/accounts/", account, "/status"), users,
                        json("{\"status\":\"active\"}")),
                new MalformedRequests.Endpoint("list users", "GET",
                        List.of(program, "demo-bank", "/accounts/", account, "/users"), users, null),
                new MalformedRequests.Endpoint("update user", "PUT",
                        List.of(program, "demo-bank", "/accounts/", account, "/users/", user), users,
                        json("{\"peerTransferAcceptPreference\":\"manual\",\"userData\":{\"email\":{\"emailAddress\":"
                                + "\"fuzz@example.com\"}},\"contactVerificationIdentifiers\":[]}")),
                new MalformedRequests.Endpoint("update user name", "PUT",
                        List.of(program, "demo-bank", "/accounts/", account, "/users/", user, "/name"), users,
                        json("{\"userData\":{\"profileData\":{\"firstName\":\"Ana\",\"lastName\":\"Ortiz\"}}}")),
                new MalformedRequests.Endpoint("certified phone", "GET", List.of(sec + "/certified-phone"), security,
                        null),
                new MalformedRequests.Endpoint("soft-token status", "PUT", List.of(sec + "/soft-token/status"),
                        security, json("{\"status\":65}")),
                new MalformedRequests.Endpoint("soft-token rollback", "PUT",
                        List.of(sec + "/soft-token/status/rollback"), security, null));
    }

    private static JsonNode json(String text) throws IOException {
        return ApiClient.JSON.readTree(text.getBytes(StandardCharsets.UTF_8));
    }
}
