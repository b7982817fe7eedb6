package io.contactinfo.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactinfo.application.port.out.AccountRepository;
import io.contactinfo.application.port.out.IdempotencyStore;
import io.contactinfo.application.port.out.UnitOfWork;
import io.contactinfo.application.port.out.UserRepository;
import io.contactinfo.domain.account.Account;
import io.contactinfo.domain.account.AccountId;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.user.InstitutionCustomerId;
import io.contactinfo.domain.user.User;
import io.contactinfo.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link UnitOfWork} guarantees for the ports of the same implementation: the work's writes through
 * several ports commit together or not at all. Extend it once per implementation.
 */
public abstract class UnitOfWorkContract {

    private final InstitutionId bank = new InstitutionId("bank-" + UUID.randomUUID());
    private final User user = User.create(UserId.random(), bank, new InstitutionCustomerId("c-1"), List.of(),
            Optional.empty());
    private final Account account = Account.open(AccountId.random(), bank, Instant.parse("2024-03-01T10:15:30Z"));
    private final IdempotencyStore.Entry entry = new IdempotencyStore.Entry(bank, UUID.randomUUID(), "sha256:abc",
            "outcome", Instant.parse("2024-03-01T10:15:30Z"));

    /** The implementation under test. */
    protected abstract UnitOfWork unitOfWork();

    /** Ports of the same implementation, which join its units of work. */
    protected abstract UserRepository userRepository();

    protected abstract AccountRepository accountRepository();

    protected abstract IdempotencyStore idempotencyStore();

    @Test
    void whenTheWorkCompletes_everythingItWroteIsKeptAndItsResultReturned() {
        String result = unitOfWork().transactionally(() -> {
            writeThroughThreePorts();
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(userRepository().findById(bank, user.id())).isPresent();
        assertThat(accountRepository().findById(bank, account.id())).isPresent();
        assertThat(idempotencyStore().find(bank, entry.key())).contains(entry);
    }

    @Test
    void whenTheWorkFailsAfterWritingThroughThreePorts_nothingItWroteIsKept() {
        IllegalStateException failure = new IllegalStateException("failure in the middle of a use case");

        assertThatThrownBy(() -> unitOfWork().transactionally(() -> {
            writeThroughThreePorts();
            throw failure;
        })).isSameAs(failure);

        assertNothingKept();
    }

    @Test
    void aNestedUnitOfWorkJoinsTheEnclosingOne() {
        assertThatThrownBy(() -> unitOfWork().transactionally(() -> {
            unitOfWork().transactionally(this::writeThroughThreePorts);
            throw new IllegalStateException("the outer work fails after the inner one completed");
        })).isInstanceOf(IllegalStateException.class);

        assertNothingKept();
    }

    @Test
    void whenAWriteIsRefusedAndTheWorkGoesOn_theOtherWritesAreKept() {
        idempotencyStore().add(entry);

        unitOfWork().transactionally(() -> {
            accountRepository().add(account);
            assertThat(idempotencyStore().add(entry)).isFalse();
            userRepository().add(user);
        });

        assertThat(userRepository().findById(bank, user.id())).isPresent();
        assertThat(accountRepository().findById(bank, account.id())).isPresent();
    }

    @Test
    void whenAnAttemptFails_onlyWhatItWroteIsUndoneAndTheEnclosingWorkCommitsTheRest() {
        IllegalStateException failure = new IllegalStateException("a step refused");

        unitOfWork().transactionally(() -> {
            accountRepository().add(account);
            assertThatThrownBy(() -> unitOfWork().attempt(() -> {
                userRepository().add(user);
                idempotencyStore().add(entry);
                throw failure;
            })).isSameAs(failure);
        });

        assertThat(accountRepository().findById(bank, account.id())).isPresent();
        assertThat(userRepository().findById(bank, user.id())).isEmpty();
        assertThat(idempotencyStore().find(bank, entry.key())).isEmpty();
    }

    @Test
    void afterAStatementTheDatabaseRefusedInAnAttempt_theEnclosingWorkGoesOn() {
        // On PostgreSQL a failed statement aborts the transaction; rolling back to the attempt's start revives it.
        String result = unitOfWork().transactionally(() -> {
            unitOfWork().attempt(() -> {
                userRepository().add(user);
                return null;
            });
            assertThatThrownBy(() -> unitOfWork().attempt(() -> {
                userRepository().add(user);
                return null;
            })).isInstanceOf(IllegalStateException.class);
            accountRepository().add(account);
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(userRepository().findById(bank, user.id())).isPresent();
        assertThat(accountRepository().findById(bank, account.id())).isPresent();
    }

    @Test
    void anAttemptOutsideAUnitOfWorkIsOne() {
        assertThatThrownBy(() -> unitOfWork().attempt(() -> {
            writeThroughThreePorts();
            throw new IllegalStateException("the attempt fails after writing through three ports");
        })).isInstanceOf(IllegalStateException.class);

        assertNothingKept();
    }

    private void writeThroughThreePorts() {
        userRepository().add(user);
        accountRepository().add(account);
        idempotencyStore().add(entry);
    }

    private void assertNothingKept() {
        assertThat(userRepository().findById(bank, user.id())).isEmpty();
        assertThat(userRepository().hasUsers(bank)).isFalse();
        assertThat(accountRepository().findById(bank, account.id())).isEmpty();
        assertThat(idempotencyStore().find(bank, entry.key())).isEmpty();
    }
}
