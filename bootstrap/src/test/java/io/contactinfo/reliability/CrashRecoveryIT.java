package io.contactinfo.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #11, property 2: {@code kill -9} of a server process ({@code java -jar contact-info.jar}) during a mixed
 * write load of all three dialects, on an H2 file and on PostgreSQL. After the restart:
 * <ul>
 *   <li>every acknowledged write (a 2xx answer) is there, and a write in flight at the kill is there entirely or
 *       not at all: each user's email, mobile and home address always come from one and the same request;</li>
 *   <li>every committed change has its audit record ({@code audit_record}, by the request's trace id) and its
 *       notifications ({@code notification_outbox}, to each new destination), and nothing uncommitted has either;</li>
 *   <li>a Users API request in flight at the kill, sent again with its {@code X-GD-RequestID}, takes effect once;</li>
 *   <li>the outbox drains (dev mode delivers to the log every second), the server is ready and serves.</li>
 * </ul>
 * Each writer owns its users, so it knows the one version of each that may be in flight. Loopback only; the load
 * lasts a few seconds per kill.
 */
@Tag("reliability")
@EnabledIfSystemProperty(named = "contactinfo.jar", matches = ".+")
class CrashRecoveryIT {

    private static final String BANK = "crash-bank";
    private static final String DEMO_BANK = "demo-bank";
    private static final List<String> DEMO_CUSTOMERS = List.of("c-1001", "c-1002", "c-1003");
    private static final int WRITERS = 6;
    private static final int USERS_PER_WRITER = 4;
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);
    /** How long a dispatcher's claim on a message lasts (DispatchNotificationsService.Settings.DEFAULTS). */
    private static final Duration LEASE = Duration.ofMinutes(5);

    @TempDir
    Path dataDirectory;

    @Test
    void onAnH2File_aKillDuringWritesLosesNothingAcknowledgedAndHalvesNothing() {
        crash(Databases.h2(dataDirectory), 1, Duration.ofSeconds(4), false);
    }

    @Test
    @EnabledIfEnvironmentVariable(named = Databases.POSTGRES_VARIABLE, matches = ".+")
    void onPostgreSql_aKillDuringWritesLosesNothingAcknowledgedAndHalvesNothing() {
        crash(Databases.postgres(), 1, Duration.ofSeconds(4), false);
    }

    @Test
    @Tag("slow")
    void onAnH2File_threeKillsInARow() {
        crash(Databases.h2(dataDirectory), 3, Duration.ofSeconds(8), false);
    }

    /** Also waits out the leases the last killed process held (5 minutes): they are the outbox's, not H2's or PG's. */
    @Test
    @Tag("slow")
    @EnabledIfEnvironmentVariable(named = Databases.POSTGRES_VARIABLE, matches = ".+")
    void onPostgreSql_threeKillsInARow() {
        crash(Databases.postgres(), 3, Duration.ofSeconds(8), true);
    }

    /**
     * @param waitForLeases after the last kill, also wait for the messages the killed process had claimed: they go
     *                      again when their lease ends, 5 minutes after the claim
     */
    private void crash(Databases.Store store, int kills, Duration loadPerKill, boolean waitForLeases) {
        try (store) {
            Figures figures = new Figures();
            Servers.Process server = Servers.Process.start(dataDirectory, Optional.of(store.url()), "server");
            try {
                var tokens = Servers.tokens(dataDirectory);
                ApiClient client = new ApiClient(server.root(), tokens);
                List<Writer> writers = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    writers.add(new Writer(w));
                }
                for (int kill = 0; kill < kills; kill++) {
                    for (Writer writer : writers) {
                        writer.startRound(store.url(), client);
                    }
                    Servers.pause(loadPerKill.toMillis());
                    Instant killedAt = Instant.now();
                    server.kill();
                    for (Writer writer : writers) {
                        writer.await();
                    }
                    server = Servers.Process.start(dataDirectory, Optional.of(store.url()), "server");
                    client = new ApiClient(server.root(), tokens);
                    check(store.url(), writers, client, killedAt, kill == kills - 1 && waitForLeases, figures);
                }
            } finally {
                server.close();
            }
            ReliabilityReport.line("crash (kill -9 x" + kills + ") under mixed writes (" + store.name() + ")",
                    figures.requests.get(), figures.violations.size(), figures.details());
            assertThat(figures.violations).isEmpty();
        }
    }

    /** After a restart: the database against what each writer sent and heard; retries; the outbox; readiness. */
    private static void check(String url, List<Writer> writers, ApiClient client, Instant killedAt,
                              boolean waitForLeases, Figures figures) {
        Set<String> audited = strings(url, "SELECT correlation_id FROM audit_record");
        Set<String> notified = strings(url,
                "SELECT destination FROM notification_outbox WHERE kind = 'CONTACT_CHANGED'");
        Set<String> customers = strings(url,
                "SELECT customer_id FROM app_user WHERE institution_id = '" + BANK + "'");
        for (Writer writer : writers) {
            figures.requests.addAndGet(writer.sent.size());
            for (Sent sent : writer.sent) {
                if (sent.acknowledged) {
                    figures.acknowledged.incrementAndGet();
                    if (!audited.contains(sent.traceId.toString())) {
                        figures.violations.add("acknowledged without audit record: " + sent.description);
                    }
                } else {
                    figures.inFlight.incrementAndGet();
                }
            }
            for (Subject subject : writer.subjects) {
                subject.checkAfterCrash(url, audited, notified, figures);
            }
            writer.checkEnrollments(customers, audited, figures);
            figures.violations.addAll(writer.failures);
            writer.failures.clear();
        }
        // A client whose Users API request got no answer sends it again, with the same X-GD-RequestID.
        for (Writer writer : writers) {
            for (Subject subject : writer.subjects) {
                subject.retryInFlight(client, url, figures);
            }
        }
        awaitDrained(url, killedAt, figures);
        if (waitForLeases) {
            awaitLeasesRedelivered(url, figures);
        }
        if (!client.ready()) {
            figures.violations.add("not ready after the restart");
        }
        ApiClient.Answer listed = client.users("GET", BANK, "/accounts/" + writers.get(0).subjects.get(0).account
                + "/users", null);
        if (listed.status() != 200) {
            figures.violations.add("a valid request after the restart: " + listed.status() + " " + listed.body());
        }
    }

    /**
     * Every message the killed process had not claimed is delivered soon after the restart (dev mode dispatches every
     * second). Those it had claimed are leased to it until 5 minutes after the claim ({@code due_at}), then go again;
     * they are counted here, and must be due by then.
     */
    private static void awaitDrained(String url, Instant killedAt, Figures figures) {
        OffsetDateTime killed = OffsetDateTime.ofInstant(killedAt, ZoneOffset.UTC);
        OffsetDateTime leasesEnd = killed.plus(LEASE);
        String leasedToTheKilled = "status = 'PENDING' AND due_at > ? AND due_at <= ?";
        Instant start = Instant.now();
        long pending;
        do {
            pending = Databases.count(url, "SELECT COUNT(*) FROM notification_outbox WHERE status = 'PENDING' AND NOT ("
                    + leasedToTheKilled + ")", killed, leasesEnd);
            if (pending == 0) {
                figures.drainSeconds = Math.max(figures.drainSeconds,
                        Duration.between(start, Instant.now()).toMillis() / 1000.0);
                figures.leased.addAndGet(Databases.count(url,
                        "SELECT COUNT(*) FROM notification_outbox WHERE " + leasedToTheKilled, killed, leasesEnd));
                return;
            }
            Servers.pause(250);
        } while (Duration.between(start, Instant.now()).compareTo(DRAIN_TIMEOUT) < 0);
        figures.violations.add(pending + " notifications still pending " + DRAIN_TIMEOUT + " after the restart");
    }

    /** Waits until no message is pending at all: the killed process's claims ran out and were delivered again. */
    private static void awaitLeasesRedelivered(String url, Figures figures) {
        Instant deadline = Instant.now().plus(LEASE).plus(DRAIN_TIMEOUT);
        long pending;
        do {
            pending = Databases.count(url, "SELECT COUNT(*) FROM notification_outbox WHERE status = 'PENDING'");
            if (pending == 0) {
                figures.leasesRedelivered = true;
                return;
            }
            Servers.pause(1000);
        } while (Instant.now().isBefore(deadline));
        figures.violations.add(pending + " notifications still pending after their lease ended");
    }

    private static Set<String> strings(String url, String sql) {
        Set<String> values = new HashSet<>();
        for (Map<String, Object> row : Databases.rows(url, sql)) {
            values.add(String.valueOf(row.values().iterator().next()));
        }
        return values;
    }

    /** What the checks found, over every kill. */
    private static final class Figures {
        final AtomicLong requests = new AtomicLong();
        final AtomicLong acknowledged = new AtomicLong();
        final AtomicLong inFlight = new AtomicLong();
        final AtomicLong inFlightCommitted = new AtomicLong();
        final AtomicLong retriedOnce = new AtomicLong();
        final AtomicLong leased = new AtomicLong();
        volatile boolean leasesRedelivered;
        final List<String> violations = new CopyOnWriteArrayList<>();
        double drainSeconds;

        String details() {
            return acknowledged + " acknowledged writes checked (lost, half-applied, unaudited or unnotified ones "
                    + "count as violations); " + inFlight + " in flight at the kills, " + inFlightCommitted
                    + " of them committed whole; " + retriedOnce + " in-flight Users API requests sent again with "
                    + "their request id took effect once; outbox drained " + String.format("%.1f", drainSeconds)
                    + " s after the restart, but for " + leased + " messages the killed process had claimed (due "
                    + "again when their 5-minute lease ends" + (leasesRedelivered ? ", waited: delivered)" : ")")
                    + (violations.isEmpty() ? "" : "; " + violations.subList(0, Math.min(3, violations.size())));
        }
    }

    /** A request a writer sent: its trace id, and whether a 2xx answer came back. */
    private static final class Sent {
        final UUID traceId;
        final String description;
        volatile boolean acknowledged;

        Sent(UUID traceId, String description) {
            this.traceId = traceId;
            this.description = description;
        }
    }

    /**
     * A user a writer changes again and again, each version of its contact info in one request: through the Users
     * API (email, mobile and home address line) or the Contact Info API (mobile and postal address).
     */
    private static final class Subject {
        final int index;
        final boolean usersApi;
        final String customer;
        String account;
        String user;
        /** The version the database holds at the start of a round. */
        int committed;
        /** The versions sent this round, in order; the last may be in flight. */
        final List<Version> versions = new ArrayList<>();

        Subject(int index, boolean usersApi) {
            this.index = index;
            this.usersApi = usersApi;
            this.customer = "k-" + index;
        }

        record Version(int number, Sent sent) {
        }

        String email(int version) {
            return "u" + index + "@v" + version + ".example.com";
        }

        String mobile(int version) {
            return String.format("2%02d%07d", index, version);
        }

        static String line1(int version) {
            return version + " Main St";
        }

        HttpRequest request(ApiClient client, int version, UUID traceId) {
            if (usersApi) {
                return client.users("PUT", BANK, "/accounts/" + account + "/users/" + user,
                        People.contactUpdate(email(version), mobile(version), line1(version)), traceId);
            }
            String body = ApiClient.JSON.createObjectNode().<com.fasterxml.jackson.databind.node.ObjectNode>set(
                    "phoneNumber", ApiClient.JSON.createObjectNode().put("oldPhoneNumber", mobile(version - 1))
                            .put("newPhoneNumber", mobile(version)))
                    .set("postalAddress", ApiClient.JSON.createObjectNode().put("address1", line1(version))
                            .put("city", "Pasadena").put("state", "CA").put("postalCode", "91107")).toString();
            return client.contactInfo("PUT", BANK, customer, "/customers/" + customer + ":contact-info", body,
                    traceId);
        }

        /** The version the database holds: every part must say the same one. */
        int versionInDatabase(String url, Figures figures) {
            List<Map<String, Object>> rows = Databases.rows(url, """
                    SELECT (SELECT e.address FROM email e WHERE e.user_id = u.id) AS email,
                           (SELECT p.number FROM phone p WHERE p.user_id = u.id AND UPPER(p.type) = 'MOBILE') AS mobile,
                           (SELECT a.line1 FROM address a WHERE a.user_id = u.id AND UPPER(a.type) = 'HOME') AS line1
                      FROM app_user u WHERE u.institution_id = ? AND u.customer_id = ?""", BANK, customer);
            Map<String, Object> row = rows.get(0);
            int byMobile = Integer.parseInt(((String) row.get("mobile")).substring(3));
            int byLine1 = Integer.parseInt(((String) row.get("line1")).split(" ")[0]);
            boolean whole = byMobile == byLine1 && (!usersApi || email(byMobile).equals(row.get("email")));
            if (!whole) {
                figures.violations.add(customer + " half-updated: " + row);
            }
            return byMobile;
        }

        void checkAfterCrash(String url, Set<String> audited, Set<String> notified, Figures figures) {
            int now = versionInDatabase(url, figures);
            int lastAcknowledged = committed;
            int lastSent = committed;
            for (Version version : versions) {
                lastSent = version.number();
                if (version.sent().acknowledged) {
                    lastAcknowledged = version.number();
                }
            }
            if (now < lastAcknowledged || now > lastSent) {
                figures.violations.add(customer + " holds version " + now + ", acknowledged " + lastAcknowledged
                        + ", sent up to " + lastSent);
            }
            if (now > lastAcknowledged) {
                figures.inFlightCommitted.incrementAndGet();
            }
            for (Version version : versions) {
                boolean isCommitted = version.number() <= now;
                boolean hasAudit = audited.contains(version.sent().traceId.toString());
                boolean hasNotice = notified.contains(mobile(version.number()))
                        && (!usersApi || notified.contains(email(version.number())));
                if (isCommitted != hasAudit) {
                    figures.violations.add(customer + " version " + version.number() + (isCommitted
                            ? " committed without its audit record" : " not committed but audited"));
                }
                if (isCommitted != hasNotice) {
                    figures.violations.add(customer + " version " + version.number() + (isCommitted
                            ? " committed without its notifications" : " not committed but notified"));
                }
            }
            committed = now;
        }

        /** The Users API version in flight at the kill, sent again: 200, and then it is the version held. */
        void retryInFlight(ApiClient client, String url, Figures figures) {
            Optional<Version> inFlight = versions.isEmpty() ? Optional.empty()
                    : Optional.of(versions.get(versions.size() - 1)).filter(v -> !v.sent().acknowledged);
            versions.clear();
            if (!usersApi || inFlight.isEmpty()) {
                return;
            }
            Version version = inFlight.get();
            // The same request, to the restarted server's port.
            ApiClient.Answer answer = ApiClient.send(request(client, version.number(), version.sent().traceId));
            if (answer.status() != 200 || !answer.usersCode().equals("0/0")) {
                figures.violations.add(customer + " retry: " + answer.status() + " " + answer.body());
                return;
            }
            if (versionInDatabase(url, figures) != version.number()) {
                figures.violations.add(customer + " retry of version " + version.number() + " not held");
            }
            if (Databases.count(url, "SELECT COUNT(*) FROM audit_record WHERE correlation_id = ?",
                    version.sent().traceId.toString()) != 1) {
                figures.violations.add(customer + " retry of version " + version.number() + " audited twice");
            }
            committed = version.number();
            figures.retriedOnce.incrementAndGet();
        }
    }

    /**
     * One writer: its users (half through each API), new enrollments, and for the first three the soft token of a
     * demo customer (Security API), one request after the other until the server dies.
     */
    private static final class Writer {
        final int number;
        final List<Subject> subjects = new ArrayList<>();
        final List<Sent> sent = new CopyOnWriteArrayList<>();
        final Map<Sent, String> enrollments = new java.util.concurrent.ConcurrentHashMap<>();
        final AtomicBoolean stop = new AtomicBoolean();
        /** Answers other than the expected one (and other than 503) while the server was up. */
        final List<String> failures = new CopyOnWriteArrayList<>();
        Thread thread;
        int enrolled;

        Writer(int number) {
            this.number = number;
            for (int i = 0; i < USERS_PER_WRITER; i++) {
                subjects.add(new Subject(number * USERS_PER_WRITER + i, i % 2 == 0));
            }
        }

        /** Starts writing; on the first round, enrolls the writer's users first, at version 0. */
        void startRound(String url, ApiClient client) {
            sent.clear();
            enrollments.clear();
            stop.set(false);
            if (subjects.get(0).account == null) {
                for (Subject subject : subjects) {
                    ApiClient.Answer answer = client.users("POST", BANK, "/enrollments", People.enrollment(
                            subject.customer, null, subject.email(0), subject.mobile(0)).replace(
                            "1234 E Foothill Blvd", Subject.line1(0)));
                    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
                    subject.account = answer.json().get("accountIdentifier").asText();
                    subject.user = answer.json().get("userIdentifier").asText();
                }
            }
            Optional<String> demoCustomer = number < DEMO_CUSTOMERS.size()
                    ? Optional.of(DEMO_CUSTOMERS.get(number)) : Optional.empty();
            boolean[] tokenActive = {demoCustomer.map(c -> softTokenStatus(url, c) == 65).orElse(false)};
            ApiClient round = client;
            thread = new Thread(() -> {
                int step = 0;
                while (!stop.get()) {
                    try {
                        step++;
                        Subject subject = subjects.get(step % subjects.size());
                        if (step % 5 == 0) {
                            enroll(round);
                        } else if (step % 7 == 0 && demoCustomer.isPresent()) {
                            tokenActive[0] = changeSoftToken(round, demoCustomer.get(), tokenActive[0]);
                        } else {
                            change(round, subject);
                        }
                    } catch (UncheckedIOException serverGone) {
                        return;
                    } catch (RuntimeException unexpected) {
                        failures.add(unexpected.getMessage());
                        return;
                    }
                }
            }, "writer-" + number);
            thread.start();
        }

        void await() {
            try {
                thread.join(Duration.ofSeconds(60).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            assertThat(thread.isAlive()).as("writer " + number + " still running").isFalse();
        }

        private void change(ApiClient client, Subject subject) {
            int next = subject.versions.isEmpty() ? subject.committed + 1
                    : subject.versions.get(subject.versions.size() - 1).number() + 1;
            UUID traceId = UUID.randomUUID();
            Sent change = new Sent(traceId, subject.customer + " version " + next);
            subject.versions.add(new Subject.Version(next, change));
            send(subject.request(client, next, traceId), change, subject.usersApi ? 200 : 204);
        }

        private void enroll(ApiClient client) {
            String customer = "n-" + number + "-" + ++enrolled + "-" + UUID.randomUUID().toString().substring(0, 4);
            UUID traceId = UUID.randomUUID();
            Sent enrollment = new Sent(traceId, "enrollment of " + customer);
            enrollments.put(enrollment, customer);
            send(client.users("POST", BANK, "/enrollments", People.enrollment(customer, null,
                    customer + "@example.com", String.format("3%09d", Math.abs(customer.hashCode()) % 1_000_000_000)),
                    traceId), enrollment, 201);
        }

        /** Moves the token between 64 PRE_ASSIGNED and 65 ACTIVE; whether it is now active, as far as known. */
        private boolean changeSoftToken(ApiClient client, String customer, boolean active) {
            UUID traceId = UUID.randomUUID();
            Sent change = new Sent(traceId, "soft token of " + customer);
            HttpRequest request = active
                    ? client.security("PUT", DEMO_BANK, customer, "/soft-token/status/rollback", null, traceId)
                    : client.security("PUT", DEMO_BANK, customer, "/soft-token/status", "{\"status\":65}", traceId);
            send(request, change, 200);
            return !active;
        }

        /**
         * Sends until answered: a 503 ("retry later") is sent again with the same trace id. Any other answer than
         * the expected status stops the writer.
         *
         * @throws UncheckedIOException when the server is gone
         */
        private void send(HttpRequest request, Sent sending, int expected) {
            sent.add(sending);
            ApiClient.Answer answer = ApiClient.send(request);
            while (answer.status() == 503 && !stop.get()) {
                Servers.pause(100);
                answer = ApiClient.send(request);
            }
            if (answer.status() == expected) {
                sending.acknowledged = true;
            } else {
                stop.set(true);
                throw new IllegalStateException(sending.description + ": " + answer.status() + " " + answer.body());
            }
        }

        void checkEnrollments(Set<String> customers, Set<String> audited, Figures figures) {
            enrollments.forEach((enrollment, customer) -> {
                boolean stored = customers.contains(customer);
                boolean hasAudit = audited.contains(enrollment.traceId.toString());
                if (enrollment.acknowledged && !stored) {
                    figures.violations.add("acknowledged " + enrollment.description + " lost");
                }
                if (stored && !hasAudit) {
                    figures.violations.add(enrollment.description + " stored without its audit record");
                }
                if (!stored && hasAudit) {
                    figures.violations.add(enrollment.description + " audited but not stored");
                }
            });
        }

        private static int softTokenStatus(String url, String customer) {
            return (int) Databases.count(url, """
                    SELECT t.status FROM soft_token t JOIN app_user u ON u.id = t.user_id
                     WHERE u.institution_id = ? AND u.customer_id = ?""", DEMO_BANK, customer);
        }
    }
}
