package io.contactinfo.application.service;

import static io.contactinfo.application.service.ContactTestData.BANK_A;
import static io.contactinfo.application.service.ContactTestData.BANK_B;
import static io.contactinfo.application.service.UsersApiTestData.CLOCK;
import static io.contactinfo.application.service.UsersApiTestData.enrollService;
import static io.contactinfo.application.service.UsersApiTestData.enrollment;
import static io.contactinfo.application.service.UsersApiTestData.jane;
import static io.contactinfo.application.service.UsersApiTestData.writer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactinfo.application.inmemory.InMemoryPorts;
import io.contactinfo.application.port.in.EnrollResult;
import io.contactinfo.application.port.in.IdempotencyKeyReusedException;
import io.contactinfo.application.port.in.IdempotentRequest;
import io.contactinfo.application.port.in.RunIdempotentRequestUseCase.Result;
import io.contactinfo.application.port.in.RunIdempotentRequestUseCase.Work;
import io.contactinfo.application.port.out.StoreUnavailableException;
import io.contactinfo.domain.institution.InstitutionId;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class RunIdempotentRequestServiceTest {

    private final InMemoryPorts ports = new InMemoryPorts();
    private final RunIdempotentRequestService service =
            new RunIdempotentRequestService(ports.idempotency(), ports.unitOfWork(), CLOCK);
    private final UUID key = UUID.randomUUID();
    /** Every enrollment the work completed, rolled back or not. */
    private final List<EnrollResult> enrolled = new ArrayList<>();
    private final AtomicInteger runs = new AtomicInteger();

    @Test
    void givenANewKey_run_doesTheWorkAndAnswersItsOutcome() {
        Result result = service.run(request(BANK_A, "fp-1"), enrolling(BANK_A));

        assertThat(result.replayed()).isFalse();
        assertThat(result.outcome()).isEqualTo("enrolled " + enrolled.get(0).accountId());
        assertThat(ports.accounts().findById(BANK_A, enrolled.get(0).accountId())).isPresent();
        assertThat(ports.idempotency().find(BANK_A, key)).hasValueSatisfying(entry -> {
            assertThat(entry.fingerprint()).isEqualTo("fp-1");
            assertThat(entry.outcome()).isEqualTo(result.outcome());
            assertThat(entry.createdAt()).isEqualTo(CLOCK.instant());
        });
    }

    @Test
    void givenTheSameKeyAndFingerprint_run_replaysTheOutcomeWithoutDoingTheWorkAgain() {
        Result first = service.run(request(BANK_A, "fp-1"), enrolling(BANK_A));

        Result retry = service.run(request(BANK_A, "fp-1"), enrolling(BANK_A));

        assertThat(retry).isEqualTo(new Result(first.outcome(), true));
        assertThat(runs).hasValue(1);
    }

    @Test
    void givenTheSameKeyWithAnotherFingerprint_run_isRefusedAndDoesNothing() {
        service.run(request(BANK_A, "fp-1"), enrolling(BANK_A));

        assertThatThrownBy(() -> service.run(request(BANK_A, "fp-2"), enrolling(BANK_A)))
                .isInstanceOf(IdempotencyKeyReusedException.class);

        assertThat(runs).hasValue(1);
    }

    @Test
    void givenTheSameKeyInAnotherInstitution_run_doesTheWorkThere() {
        service.run(request(BANK_A, "fp-1"), enrolling(BANK_A));

        Result atB = service.run(request(BANK_B, "fp-1"), enrolling(BANK_B));

        assertThat(atB.replayed()).isFalse();
        assertThat(runs).hasValue(2);
    }

    @Test
    void givenARefusal_run_rollsTheWorkBackAndKeepsTheRefusalForReplay() {
        Work refusedAfterWriting = work(() -> {
            enroll(BANK_A);
            throw new IllegalArgumentException("refused by a rule");
        }, failure -> Optional.of("refused: " + failure.getMessage()));

        Result result = service.run(request(BANK_A, "fp-1"), refusedAfterWriting);
        Result retry = service.run(request(BANK_A, "fp-1"), enrolling(BANK_A));

        assertThat(result).isEqualTo(new Result("refused: refused by a rule", false));
        assertThat(retry).isEqualTo(new Result("refused: refused by a rule", true));
        assertThat(ports.accounts().findById(BANK_A, enrolled.get(0).accountId())).isEmpty();
        assertThat(ports.audit().records()).isEmpty();
    }

    @Test
    void givenAFailureNotToReplay_run_throwsItKeepsNothingAndARetryDoesTheWork() {
        StoreUnavailableException down = new StoreUnavailableException(new SQLException("Connection refused"));
        Work failing = work(() -> {
            runs.incrementAndGet();
            throw down;
        }, failure -> Optional.empty());

        assertThatThrownBy(() -> service.run(request(BANK_A, "fp-1"), failing)).isSameAs(down);

        assertThat(ports.idempotency().find(BANK_A, key)).isEmpty();
        assertThat(service.run(request(BANK_A, "fp-1"), enrolling(BANK_A)).replayed()).isFalse();
        assertThat(runs).hasValue(2);
    }

    private IdempotentRequest request(InstitutionId institution, String fingerprint) {
        return new IdempotentRequest(writer(institution), key, fingerprint);
    }

    /** Work that enrolls Jane in {@code institution} and answers the account. */
    private Work enrolling(InstitutionId institution) {
        return work(() -> {
            runs.incrementAndGet();
            return "enrolled " + enroll(institution).accountId();
        }, failure -> Optional.empty());
    }

    private EnrollResult enroll(InstitutionId institution) {
        EnrollResult result = enrollService(ports).enroll(enrollment(institution, jane()));
        enrolled.add(result);
        return result;
    }

    private static Work work(Supplier<String> run, Function<RuntimeException, Optional<String>> refused) {
        return new Work() {
            @Override
            public String run() {
                return run.get();
            }

            @Override
            public Optional<String> refused(RuntimeException failure) {
                return refused.apply(failure);
            }
        };
    }
}
