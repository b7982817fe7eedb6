package io.contactinfo.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactinfo.application.port.in.CallerContext;
import io.contactinfo.application.port.in.EnrollCommand;
import io.contactinfo.application.port.in.IdempotentRequest;
import io.contactinfo.application.port.in.RunIdempotentRequestUseCase;
import io.contactinfo.application.port.in.Scope;
import io.contactinfo.application.service.EnrollService;
import io.contactinfo.application.service.RunIdempotentRequestService;
import io.contactinfo.domain.account.AccountStatus;
import io.contactinfo.domain.contact.EmailPolicy;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.user.AddressType;
import io.contactinfo.domain.user.PersonName;
import io.contactinfo.domain.user.PostalAddress;
import io.contactinfo.domain.user.RequestedAddress;
import io.contactinfo.domain.user.UserUpdate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Twins of one enrollment — the same idempotency key and request — sent at once to two server instances on one
 * database: exactly one enrolls, and every twin answers its outcome. Without the key's lock, several would enroll.
 */
class IdempotentRequestRaceTest {

    private static final int TWINS = 20;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-01T10:15:30Z"), ZoneOffset.UTC);

    abstract static class OnDatabase extends TwoInstances {

        OnDatabase() {
            super(TWINS);
        }

        @Test
        void twentyTwinsOnTwoInstances_enrollOnce_andAllAnswerTheSameOutcome() throws Exception {
            InstitutionId bank = new InstitutionId("bank-" + UUID.randomUUID());
            CallerContext caller = new CallerContext(bank, Optional.empty(), "client", "subject",
                    Set.of(Scope.INSTITUTION_USERS_WRITE), UUID.randomUUID().toString());
            IdempotentRequest request = new IdempotentRequest(caller, UUID.fromString(caller.correlationId()),
                    "sha256:same-request");
            AtomicInteger runs = new AtomicInteger();
            CountDownLatch go = new CountDownLatch(1);
            List<Future<RunIdempotentRequestUseCase.Result>> answers = new ArrayList<>();
            for (int i = 0; i < TWINS; i++) {
                Database server = i % 2 == 0 ? first : second;
                answers.add(threads.submit(() -> {
                    go.await();
                    return runOnce(server).run(request, enrolling(server, caller, runs));
                }));
            }
            go.countDown();
            List<RunIdempotentRequestUseCase.Result> results = new ArrayList<>();
            for (Future<RunIdempotentRequestUseCase.Result> answer : answers) {
                results.add(answer.get());
            }

            assertThat(accounts(bank)).isEqualTo(1);
            assertThat(runs).hasValue(1);
            assertThat(results).extracting(RunIdempotentRequestUseCase.Result::outcome).containsOnly(
                    results.get(0).outcome());
            assertThat(results).filteredOn(result -> !result.replayed()).hasSize(1);
        }

        private static RunIdempotentRequestUseCase runOnce(Database server) {
            return new RunIdempotentRequestService(server.idempotencyStore(), server.unitOfWork(), CLOCK);
        }

        private static RunIdempotentRequestUseCase.Work enrolling(Database server, CallerContext caller,
                                                                  AtomicInteger runs) {
            EnrollService enroll = new EnrollService(server.userRepository(), server.accountRepository(),
                    server.institutionRepository(), server.limitRegistry(), server.auditLog(), server.unitOfWork(),
                    EmailPolicy.PRODUCTION, CLOCK);
            return new RunIdempotentRequestUseCase.Work() {
                @Override
                public String run() {
                    runs.incrementAndGet();
                    UserUpdate jane = UserUpdate.NOTHING.withName(PersonName.of("Jane", null, "Doe"))
                            .withAddresses(List.of(new RequestedAddress(AddressType.HOME,
                                    PostalAddress.of("1234 E Foothill Blvd", null, "Pasadena", "CA", "91107", null),
                                    true)));
                    return enroll.enroll(new EnrollCommand(caller, Optional.empty(), Optional.empty(),
                            AccountStatus.ACTIVE, jane)).accountId().toString();
                }

                @Override
                public Optional<String> refused(RuntimeException failure) {
                    return Optional.empty();
                }
            };
        }

        private int accounts(InstitutionId bank) throws SQLException {
            try (Connection connection = first.dataSource().getConnection();
                 PreparedStatement count = connection.prepareStatement(
                         "SELECT COUNT(*) FROM account WHERE institution_id = ?")) {
                count.setString(1, bank.value());
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
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
