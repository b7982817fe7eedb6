package io.contactinfo.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * SPEC §4.3 raced over HTTP across server instances: in each round, requests sent all at once, alternately to each
 * instance, race for one SSN (enrollments) and one phone number (enrollments, and user updates adding it).
 *
 * <p>Round 1 starts from nothing: exactly 1 SSN request and 2 phone requests may win (the active limits). Round 2
 * starts from 2 closed accounts with the SSN and 9 with the phone: exactly 1 of each may win, the phone's second
 * winner being held back by the lifetime limit alone. Every other answer must be the limit's refusal (2/60, 2/61;
 * 2/63, 2/66); the only 5xx allowed is 503 "retry later", which a client sends again with the same
 * {@code X-GD-RequestID} (see {@link #sendAll}), and which must not be the final answer. Afterwards, in the database,
 * no key of the institution is linked beyond its limits.
 */
final class LimitRace {

    private static final int SSN_ACTIVE = 1;
    private static final int SSN_LIFETIME = 3;
    private static final int PHONE_ACTIVE = 2;
    private static final int PHONE_LIFETIME = 10;
    private static final Set<String> SSN_REFUSALS = Set.of("2/60", "2/61");
    private static final Set<String> PHONE_REFUSALS = Set.of("2/63", "2/66");
    /** The set-up is not raced: it enrolls a few customers at a time. */
    private static final int SETUP_BATCH = 8;
    private static final int MAX_RETRIES = 5;

    private final List<ApiClient> instances;
    private final String databaseUrl;
    private final Random random;
    private final AtomicLong sequence = new AtomicLong();

    /** The figures of a race: requests tried, 5xx answers, and every way the property broke. */
    record Figures(long requests, long serverErrors, long retried, List<String> violations) {

        String details() {
            return "SSN 1 active/3 lifetime and phone 2/10 exact in 2 rounds; final answers 5xx: " + serverErrors
                    + "; 503 retry-later answers retried with the same request id: " + retried
                    + (violations.isEmpty() ? "" : "; " + violations.subList(0, Math.min(3, violations.size())));
        }
    }

    LimitRace(List<ApiClient> instances, String databaseUrl, long seed) {
        this.instances = List.copyOf(instances);
        this.databaseUrl = databaseUrl;
        this.random = new Random(seed);
    }

    /** Two rounds of {@code requestsPerRound} racing requests, half for the SSN, half for the phone. */
    Figures run(int requestsPerRound) {
        List<String> violations = new ArrayList<>();
        long[] serverErrors = {0};
        long[] retried = {0};
        round(requestsPerRound, 0, 0, 1, 2, violations, serverErrors, retried);
        round(requestsPerRound, 2, 9, 1, 1, violations, serverErrors, retried);
        return new Figures(2L * requestsPerRound, serverErrors[0], retried[0], violations);
    }

    private void round(int requests, int closedWithSsn, int closedWithPhone, int ssnWinners, int phoneWinners,
                       List<String> violations, long[] serverErrors, long[] retried) {
        String bank = "race-" + UUID.randomUUID().toString().substring(0, 8);
        String ssn = newSsn();
        String phone = newPhone();
        ApiClient setup = instances.get(0);
        for (int i = 0; i < closedWithSsn; i++) {
            close(setup, bank, enroll(setup, bank, ssn, newPhone()));
        }
        for (int i = 0; i < closedWithPhone; i++) {
            close(setup, bank, enroll(setup, bank, newSsn(), phone));
        }
        // Users the race adds the phone to, each with a mobile of its own: the phone becomes their home phone.
        int updates = requests / 10;
        List<String[]> updated = new ArrayList<>();
        for (int batch = 0; batch < updates; batch += SETUP_BATCH) {
            List<String> mobiles = new ArrayList<>();
            List<CompletableFuture<ApiClient.Answer>> enrolled = new ArrayList<>();
            for (int i = batch; i < Math.min(updates, batch + SETUP_BATCH); i++) {
                mobiles.add(newPhone());
                enrolled.add(ApiClient.sendAsync(setup.users("POST", bank, "/enrollments", People.enrollment(
                        newCustomer(), newSsn(), "ana@example.com", mobiles.get(mobiles.size() - 1)),
                        UUID.randomUUID())));
            }
            for (int i = 0; i < enrolled.size(); i++) {
                String[] user = identifiers(enrolled.get(i).join());
                updated.add(new String[] {user[0], user[1], mobiles.get(i)});
            }
        }

        List<Racer> racers = new ArrayList<>();
        for (int i = 0; i < requests / 2; i++) {
            racers.add(new Racer(Kind.SSN_ENROLLMENT, (client, id) -> client.users("POST", bank, "/enrollments",
                    People.enrollment(newCustomer(), ssn, "ana@example.com", newPhone()), id)));
        }
        for (int i = 0; i < requests / 2 - updates; i++) {
            racers.add(new Racer(Kind.PHONE_ENROLLMENT, (client, id) -> client.users("POST", bank, "/enrollments",
                    People.enrollment(newCustomer(), newSsn(), "ana@example.com", phone), id)));
        }
        for (String[] user : updated) {
            racers.add(new Racer(Kind.PHONE_UPDATE, (client, id) -> client.users("PUT", bank,
                    "/accounts/" + user[0] + "/users/" + user[1], People.phonesUpdate(user[2], phone), id)));
        }
        Collections.shuffle(racers, random);

        List<HttpRequest> built = new ArrayList<>();
        for (int i = 0; i < racers.size(); i++) {
            built.add(racers.get(i).request().build(instances.get(i % instances.size()), UUID.randomUUID()));
        }
        List<ApiClient.Answer> answers = sendAll(built, retried);

        Map<Kind, Integer> won = new EnumMap<>(Kind.class);
        for (int i = 0; i < racers.size(); i++) {
            ApiClient.Answer answer = answers.get(i);
            Kind kind = racers.get(i).kind();
            boolean forSsn = kind == Kind.SSN_ENROLLMENT;
            if (answer.status() >= 500) {
                serverErrors[0]++;
                violations.add("5xx " + answer.status() + " " + answer.body());
            } else if (answer.status() == 201 || answer.status() == 200 && answer.usersCode().equals("0/0")) {
                won.merge(kind, 1, Integer::sum);
            } else if (answer.status() != 400
                    || !(forSsn ? SSN_REFUSALS : PHONE_REFUSALS).contains(answer.usersCode())) {
                violations.add("unexpected " + answer.status() + " " + answer.body());
            }
        }
        int ssnWon = won.getOrDefault(Kind.SSN_ENROLLMENT, 0);
        int phoneEnrolled = won.getOrDefault(Kind.PHONE_ENROLLMENT, 0);
        int phoneWon = phoneEnrolled + won.getOrDefault(Kind.PHONE_UPDATE, 0);
        if (ssnWon != ssnWinners) {
            violations.add(bank + ": " + ssnWon + " SSN requests won, " + ssnWinners + " may");
        }
        if (phoneWon != phoneWinners) {
            violations.add(bank + ": " + phoneWon + " phone requests won, " + phoneWinners + " may");
        }
        // Every enrolled customer has an SSN of its own but those racing for the SSN, who share it.
        checkDatabase(bank, phone, closedWithSsn + closedWithPhone + updates + phoneEnrolled + ssnWon,
                closedWithPhone + phoneWon, violations);
    }

    /**
     * No key of the institution linked beyond its limits; the phone linked exactly as the winners say; the SSNs
     * linked once per enrolled user with an SSN, so that no extra link to the raced SSN hides among them.
     */
    private void checkDatabase(String bank, String phone, long ssnLinks, long phoneLinks, List<String> violations) {
        List<Map<String, Object>> keys = Databases.rows(databaseUrl, """
                SELECT l.kind, l.key_value, COUNT(*) AS lifetime,
                       SUM(CASE WHEN l.is_held AND a.status <> 'CLOSED' THEN 1 ELSE 0 END) AS active
                  FROM limit_link l LEFT JOIN account a ON a.id = l.account_id
                 WHERE l.institution_id = ?
                 GROUP BY l.kind, l.key_value""", bank);
        long ssnTotal = 0;
        for (Map<String, Object> key : keys) {
            boolean ssn = key.get("kind").equals("SSN");
            long lifetime = ((Number) key.get("lifetime")).longValue();
            long active = ((Number) key.get("active")).longValue();
            if (active > (ssn ? SSN_ACTIVE : PHONE_ACTIVE) || lifetime > (ssn ? SSN_LIFETIME : PHONE_LIFETIME)) {
                violations.add(bank + ": a " + key.get("kind") + " key has " + active + " active, " + lifetime
                        + " lifetime accounts");
            }
            if (ssn) {
                ssnTotal += lifetime;
            } else if (key.get("key_value").equals(phone) && lifetime != phoneLinks) {
                violations.add(bank + ": the phone has " + lifetime + " links, the answers say " + phoneLinks);
            }
        }
        if (ssnTotal != ssnLinks) {
            violations.add(bank + ": " + ssnTotal + " SSN links, the answers say " + ssnLinks);
        }
    }

    /**
     * Sends every request at once and waits for every answer. A 503 ("retry later": no database connection was
     * free within the server's 5 s, as happens when a loaded machine runs 500 requests queued on one row lock) is
     * sent again, as a client does, with the same {@code X-GD-RequestID}, which makes the retry safe; each counts
     * in {@code retried}.
     */
    private static List<ApiClient.Answer> sendAll(List<HttpRequest> requests, long[] retried) {
        List<ApiClient.Answer> answers = new ArrayList<>(Collections.nCopies(requests.size(), null));
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            pending.add(i);
        }
        for (int attempt = 0; attempt <= MAX_RETRIES && !pending.isEmpty(); attempt++) {
            List<CompletableFuture<ApiClient.Answer>> sent = pending.stream()
                    .map(i -> ApiClient.sendAsync(requests.get(i))).toList();
            List<Integer> again = new ArrayList<>();
            for (int p = 0; p < pending.size(); p++) {
                ApiClient.Answer answer = sent.get(p).join();
                answers.set(pending.get(p), answer);
                if (answer.status() == 503 && attempt < MAX_RETRIES) {
                    again.add(pending.get(p));
                }
            }
            retried[0] += again.size();
            pending = again;
        }
        return answers;
    }

    /** Enrolls a customer; its account and user identifiers. */
    private String[] enroll(ApiClient client, String bank, String ssn, String phone) {
        return identifiers(client.users("POST", bank, "/enrollments",
                People.enrollment(newCustomer(), ssn, "ana@example.com", phone)));
    }

    private static String[] identifiers(ApiClient.Answer enrollment) {
        assertThat(enrollment.status()).as(enrollment.body()).isEqualTo(201);
        return new String[] {enrollment.json().get("accountIdentifier").asText(),
                enrollment.json().get("userIdentifier").asText()};
    }

    private static void close(ApiClient client, String bank, String[] account) {
        ApiClient.Answer answer = client.users("PUT", bank, "/accounts/" + account[0] + "/status",
                People.status("closed"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    private String newCustomer() {
        return "r-" + sequence.incrementAndGet();
    }

    /** A 9-digit SSN that no other customer of the race has. */
    private String newSsn() {
        return String.format("%09d", 100_000_000 + sequence.incrementAndGet() * 7919 % 800_000_000);
    }

    /** A 10-digit number that no other customer of the race has. */
    private String newPhone() {
        return String.format("646%07d", sequence.incrementAndGet() % 10_000_000);
    }

    private interface RequestFor {
        HttpRequest build(ApiClient client, UUID requestId);
    }

    private enum Kind {
        SSN_ENROLLMENT, PHONE_ENROLLMENT, PHONE_UPDATE
    }

    private record Racer(Kind kind, RequestFor request) {
    }
}
