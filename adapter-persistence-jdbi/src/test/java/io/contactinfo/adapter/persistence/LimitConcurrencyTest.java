package io.contactinfo.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactinfo.application.port.out.LimitKey;
import io.contactinfo.domain.account.Account;
import io.contactinfo.domain.account.AccountId;
import io.contactinfo.domain.account.AccountStatus;
import io.contactinfo.domain.contact.PhoneNumber;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.institution.LimitSettings;
import io.contactinfo.domain.limits.LinkedAccounts;
import io.contactinfo.domain.limits.PhoneLimitPolicy;
import io.contactinfo.domain.limits.SsnLimitPolicy;
import io.contactinfo.domain.rule.LimitDecision;
import io.contactinfo.domain.user.Ssn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * SPEC §4.3 under concurrency: 64 threads enroll accounts with one phone number (or one SSN) at once, each in a unit
 * of work that counts under the key's lock, asks the limit policy and links. Half of them go through a second
 * {@link Database} on the same data, as a second server instance would.
 *
 * <p>To reach the lifetime limit too, an enrollment that sees fewer than {@code lifetime - active} links closes
 * its account in the same unit of work. With the counts serialized, the end is always exactly {@code active} active
 * and {@code lifetime} lifetime links; a race would show as one link too many.
 */
class LimitConcurrencyTest {

    private static final int THREADS = 64;
    private static final int ROUNDS = 20;
    private static final Instant NOW = Instant.parse("2024-03-01T10:15:30Z");

    abstract static class OnDatabase extends TwoInstances {

        OnDatabase() {
            super(THREADS);
        }

        @Test
        void enrollmentsRacingForOnePhoneNumber_neverExceedTwoActiveAndTenLifetime() throws Exception {
            LimitSettings limits = LimitSettings.DEFAULTS;
            for (int round = 0; round < ROUNDS; round++) {
                String digits = "212" + (1_000_000 + ThreadLocalRandom.current().nextInt(9_000_000));
                race(new LimitKey.Phone(new PhoneNumber(digits)), limits.phoneActive(), limits.phoneLifetime(),
                        linked -> new PhoneLimitPolicy(limits).decide(linked));
            }
        }

        @Test
        void enrollmentsRacingForOneSsn_neverExceedOneActiveAndThreeLifetime() throws Exception {
            LimitSettings limits = LimitSettings.DEFAULTS;
            for (int round = 0; round < ROUNDS; round++) {
                String digits = String.valueOf(100_000_000 + ThreadLocalRandom.current().nextInt(800_000_000));
                race(new LimitKey.SocialSecurityNumber(new Ssn(digits)), limits.ssnActive(), limits.ssnLifetime(),
                        linked -> new SsnLimitPolicy(limits).decide(linked));
            }
        }

        private void race(LimitKey key, int active, int lifetime, Function<LinkedAccounts, LimitDecision> policy)
                throws Exception {
            InstitutionId bank = new InstitutionId("bank-" + UUID.randomUUID());
            int closing = lifetime - active;
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> enrollments = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                Database server = i % 2 == 0 ? first : second;
                enrollments.add(threads.submit(() -> {
                    go.await();
                    return enroll(server, bank, key, policy, closing);
                }));
            }
            go.countDown();
            int linked = 0;
            for (Future<Boolean> enrollment : enrollments) {
                linked += enrollment.get() ? 1 : 0;
            }

            assertThat(linked).isEqualTo(lifetime);
            assertThat(first.limitRegistry().lockAndCount(bank, key, AccountId.random()))
                    .isEqualTo(new LinkedAccounts(active, lifetime));
        }

        /** One enrollment: true when it linked its new account to the key. */
        private static boolean enroll(Database server, InstitutionId bank, LimitKey key,
                                      Function<LinkedAccounts, LimitDecision> policy, int closing) {
            Account account = Account.open(AccountId.random(), bank, NOW);
            return server.unitOfWork().transactionally(() -> {
                server.accountRepository().add(account);
                LinkedAccounts linked = server.limitRegistry().lockAndCount(bank, key, account.id());
                if (policy.apply(linked) instanceof LimitDecision.Refused) {
                    return false;
                }
                server.limitRegistry().link(bank, key, account.id());
                if (linked.lifetime() < closing) {
                    server.accountRepository().update(
                            Account.reconstitute(account.id(), bank, AccountStatus.CLOSED, NOW));
                }
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
