package io.contactinfo.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactinfo.domain.contact.Channel;
import io.contactinfo.domain.contact.ContactMethodId;
import io.contactinfo.domain.contact.Phone;
import io.contactinfo.domain.contact.PhoneId;
import io.contactinfo.domain.contact.PhoneNumber;
import io.contactinfo.domain.contact.PhoneType;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.otp.OtpChallenge;
import io.contactinfo.domain.otp.OtpChallengeId;
import io.contactinfo.domain.otp.OtpCode;
import io.contactinfo.domain.otp.OtpCodeHash;
import io.contactinfo.domain.otp.OtpPolicy;
import io.contactinfo.domain.otp.OtpPurpose;
import io.contactinfo.domain.otp.OtpRule;
import io.contactinfo.domain.otp.OtpStatus;
import io.contactinfo.domain.otp.OtpVerification;
import io.contactinfo.domain.rule.LimitDecision;
import io.contactinfo.domain.user.InstitutionCustomerId;
import io.contactinfo.domain.user.User;
import io.contactinfo.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The resend limits under concurrency (SPEC §4.5): many requests for a code to one destination at once, half of them
 * through a second {@link Database} on the same data, each in a unit of work that lists the destination's sends and
 * adds a challenge only when there is none. With {@code sendsTo} locking the destination, exactly one is added.
 * Likewise for the attempts on one challenge (its row is locked when found) and for the hourly failure budget of
 * one customer (the user's row is locked when read): each cap holds exactly.
 */
class OtpResendConcurrencyTest {

    private static final int THREADS = 16;
    private static final int ROUNDS = 10;
    private static final Instant NOW = Instant.parse("2024-03-01T10:15:30Z");
    /** Fewer failures an hour than racers, so that the budget is reached within one race. */
    private static final OtpPolicy FAILURE_BUDGET = new OtpPolicy(6, Duration.ofMinutes(5), 5, Duration.ofSeconds(30),
            5, Duration.ofMinutes(30), Duration.ofHours(24), 5);

    abstract static class OnDatabase extends TwoInstances {

        OnDatabase() {
            super(THREADS);
        }

        @Test
        void requestsRacingForOneDestination_addOneChallenge() throws Exception {
            for (int round = 0; round < ROUNDS; round++) {
                InstitutionId bank = new InstitutionId("bank-" + UUID.randomUUID());
                PhoneNumber phone = new PhoneNumber("212" + (1_000_000 + ThreadLocalRandom.current().nextInt(9_000_000)));
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Boolean>> requests = new ArrayList<>();
                for (int i = 0; i < THREADS; i++) {
                    Database server = i % 2 == 0 ? first : second;
                    requests.add(threads.submit(() -> {
                        go.await();
                        return sendUnlessSentBefore(server, bank, phone);
                    }));
                }
                go.countDown();
                int sent = 0;
                for (Future<Boolean> request : requests) {
                    sent += request.get() ? 1 : 0;
                }

                assertThat(sent).isEqualTo(1);
                assertThat(first.otpStore().sendsTo(bank, phone, NOW.minus(Duration.ofHours(1)))).hasSize(1);
            }
        }

        @Test
        void wrongCodesRacingForOneChallenge_areEachCounted() throws Exception {
            InstitutionId bank = new InstitutionId("bank-" + UUID.randomUUID());
            PhoneNumber phone = new PhoneNumber("2125550147");
            OtpChallengeId id = OtpChallengeId.random();
            first.otpStore().add(bank, challenge(id, phone));
            CountDownLatch go = new CountDownLatch(1);
            List<Future<OtpRule>> guesses = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                Database server = i % 2 == 0 ? first : second;
                guesses.add(threads.submit(() -> {
                    go.await();
                    return guessWrong(server, bank, id);
                }));
            }
            go.countDown();
            List<OtpRule> refusals = new ArrayList<>();
            for (Future<OtpRule> guess : guesses) {
                refusals.add(guess.get());
            }

            // Five attempts, then locked: without the row lock, parallel guesses overwrite each other's count.
            OtpChallenge after = first.otpStore().find(bank, id).orElseThrow();
            assertThat(after.attempts()).isEqualTo(5);
            assertThat(after.status()).isEqualTo(OtpStatus.LOCKED);
            assertThat(refusals).filteredOn(OtpRule.CODE_MISMATCH::equals).hasSize(4);
            assertThat(refusals).filteredOn(OtpRule.ATTEMPTS_EXHAUSTED::equals).hasSize(THREADS - 4);
        }

        @Test
        void wrongCodesOfOneCustomerRacing_recordNoMoreFailuresThanTheBudget() throws Exception {
            InstitutionId bank = new InstitutionId("bank-" + UUID.randomUUID());
            User jane = User.create(UserId.random(), bank, new InstitutionCustomerId("c-1001"),
                    List.of(new Phone(PhoneId.random(), new PhoneNumber("2125550147"), PhoneType.MOBILE, true, true,
                            NOW)), Optional.empty());
            first.userRepository().add(jane);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> guesses = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                Database server = i % 2 == 0 ? first : second;
                guesses.add(threads.submit(() -> {
                    go.await();
                    return failUnlessBudgetSpent(server, jane);
                }));
            }
            go.countDown();
            int failed = 0;
            for (Future<Boolean> guess : guesses) {
                failed += guess.get() ? 1 : 0;
            }

            // Without the user's row lock, guesses that read the failures at once would each see room for one more.
            assertThat(failed).isEqualTo(FAILURE_BUDGET.maxFailedVerificationsPerHour());
            assertThat(first.otpStore().failedVerifications(bank, jane.id(), NOW.minus(Duration.ofHours(1))))
                    .hasSize(FAILURE_BUDGET.maxFailedVerificationsPerHour());
        }

        /**
         * What verifying a wrong code does for the budget: read the customer for update (which serializes the
         * customer's verifications), ask the policy, record a failure when allowed.
         */
        private static boolean failUnlessBudgetSpent(Database server, User jane) {
            return server.unitOfWork().transactionally(() -> {
                server.userRepository().findByCustomerId(jane.institutionId(), jane.customerId()).orElseThrow();
                List<Instant> failures = server.otpStore().failedVerifications(jane.institutionId(), jane.id(),
                        NOW.minus(Duration.ofHours(1)));
                if (FAILURE_BUDGET.mayVerify(failures, NOW) instanceof LimitDecision.Refused) {
                    return false;
                }
                server.otpStore().addFailedVerification(jane.institutionId(), jane.id(), NOW);
                return true;
            });
        }

        private static OtpRule guessWrong(Database server, InstitutionId bank, OtpChallengeId id) {
            return server.unitOfWork().transactionally(() -> {
                OtpChallenge challenge = server.otpStore().find(bank, id).orElseThrow();
                OtpVerification outcome = challenge.verify(new OtpCode("000000"),
                        (challengeId, code) -> OtpCodeHash.of("a wrong guess".getBytes(StandardCharsets.UTF_8)), NOW);
                server.otpStore().update(bank, outcome.challenge());
                return ((OtpVerification.Rejected) outcome).rule();
            });
        }

        private static OtpChallenge challenge(OtpChallengeId id, PhoneNumber phone) {
            return OtpChallenge.reconstitute(id, UserId.random(), new ContactMethodId(UUID.randomUUID()), Channel.SMS,
                    phone, OtpPurpose.CONTACT_VERIFICATION,
                    OtpCodeHash.of(("hash of " + id).getBytes(StandardCharsets.UTF_8)), NOW,
                    NOW.plus(Duration.ofMinutes(5)), 5, 0, OtpStatus.PENDING);
        }

        private static boolean sendUnlessSentBefore(Database server, InstitutionId bank, PhoneNumber phone) {
            return server.unitOfWork().transactionally(() -> {
                if (!server.otpStore().sendsTo(bank, phone, NOW.minus(Duration.ofHours(1))).isEmpty()) {
                    return false;
                }
                server.otpStore().add(bank, challenge(OtpChallengeId.random(), phone));
                return true;
            });
        }
    }

    @Nested
    class OnH2 extends OnDatabase {
        @Override
        Database database() {
            return TestDatabases.h2();
        }

        @Override
        String url() {
            return TestDatabases.h2Url();
        }
    }

    @Nested
    @EnabledIfPostgres
    class OnPostgres extends OnDatabase {
        @Override
        Database database() {
            return TestDatabases.postgres();
        }

        @Override
        String url() {
            return TestDatabases.postgresUrl();
        }
    }
}
