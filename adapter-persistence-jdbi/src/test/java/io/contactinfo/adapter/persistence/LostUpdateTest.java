package io.contactinfo.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactinfo.domain.account.AccountStatus;
import io.contactinfo.domain.contact.EmailPolicy;
import io.contactinfo.domain.contact.Phone;
import io.contactinfo.domain.contact.PhoneId;
import io.contactinfo.domain.contact.PhoneNumber;
import io.contactinfo.domain.contact.PhoneType;
import io.contactinfo.domain.contact.RequestedPhone;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.user.InstitutionCustomerId;
import io.contactinfo.domain.user.UpdateContext;
import io.contactinfo.domain.user.User;
import io.contactinfo.domain.user.UserId;
import io.contactinfo.domain.user.UserUpdate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Two units of work that change the same user at once, through two {@link Database} instances: the second reads
 * what the first wrote (the user is locked when read inside a unit of work), so no change is lost.
 */
class LostUpdateTest {

    private static final Instant NOW = Instant.parse("2024-03-01T10:15:30Z");
    private static final int ROUNDS = 5;

    abstract static class OnDatabase extends TwoInstances {

        OnDatabase() {
            super(2);
        }

        @Test
        void twoUpdatesOfOneUsersPhones_keepBothChanges() throws Exception {
            for (int round = 0; round < ROUNDS; round++) {
                InstitutionId bank = new InstitutionId("bank-" + UUID.randomUUID());
                User jane = User.create(UserId.random(), bank, new InstitutionCustomerId("c-1001"),
                        List.of(new Phone(PhoneId.random(), new PhoneNumber("2125550147"), PhoneType.MOBILE, true,
                                        true, NOW),
                                new Phone(PhoneId.random(), new PhoneNumber("2125550123"), PhoneType.HOME, false,
                                        false, NOW)), Optional.empty());
                first.userRepository().add(jane);
                CountDownLatch go = new CountDownLatch(1);
                // Seed 002: with several phones, a requested type updates the phone of that type or adds a new one.
                Future<?> home = threads.submit(() -> requestPhone(first, jane, PhoneType.HOME, "2125550188", go));
                Future<?> work = threads.submit(() -> requestPhone(second, jane, PhoneType.WORK, "2125550199", go));
                go.countDown();
                home.get();
                work.get();

                assertThat(first.userRepository().findById(bank, jane.id()).orElseThrow().phones())
                        .extracting(phone -> phone.type() + " " + phone.number().digits())
                        .containsExactlyInAnyOrder("MOBILE 2125550147", "HOME 2125550188", "WORK 2125550199");
            }
        }

        private static Void requestPhone(Database server, User jane, PhoneType type, String number, CountDownLatch go)
                throws InterruptedException {
            go.await();
            server.unitOfWork().transactionally(() -> {
                User read = server.userRepository().findById(jane.institutionId(), jane.id()).orElseThrow();
                pause(); // both have read before either writes, unless the read waits for the other's commit
                User changed = read.update(UserUpdate.NOTHING.withPhones(List.of(
                                new RequestedPhone(new PhoneNumber(number), type, false))),
                        new UpdateContext(AccountStatus.ACTIVE, EmailPolicy.PRODUCTION, Set.of(), NOW)).after();
                server.userRepository().update(changed);
            });
            return null;
        }

        private static void pause() {
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
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
