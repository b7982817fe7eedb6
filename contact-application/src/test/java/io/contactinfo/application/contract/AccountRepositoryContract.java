package io.contactinfo.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactinfo.application.port.out.AccountRepository;
import io.contactinfo.domain.account.Account;
import io.contactinfo.domain.account.AccountId;
import io.contactinfo.domain.account.AccountStatus;
import io.contactinfo.domain.institution.InstitutionId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AccountRepository} does; extend it once per implementation. Each test works in institutions of
 * its own, so an implementation may keep one store for all its tests.
 */
public abstract class AccountRepositoryContract {

    private static final Instant OPENED = Instant.parse("2024-03-01T10:15:30.123456Z");

    protected final InstitutionId bankA = new InstitutionId("bank-" + UUID.randomUUID());
    protected final InstitutionId bankB = new InstitutionId("bank-" + UUID.randomUUID());

    /** The implementation under test. */
    protected abstract AccountRepository accountRepository();

    @Test
    void givenAnAccount_add_thenFindReturnsIt() {
        Account account = Account.open(AccountId.random(), bankA, OPENED);

        accountRepository().add(account);

        assertThat(accountRepository().findById(bankA, account.id()))
                .hasValueSatisfying(found -> assertSameAccount(found, account));
    }

    @Test
    void givenTheIdOfAnAccountOfAnotherInstitution_find_isEmpty() {
        Account account = Account.open(AccountId.random(), bankA, OPENED);
        accountRepository().add(account);

        assertThat(accountRepository().findById(bankB, account.id())).isEmpty();
        assertThat(accountRepository().findById(bankA, AccountId.random())).isEmpty();
    }

    @Test
    void givenAStoredAccount_update_storesItsNewStatus() {
        Account account = Account.open(AccountId.random(), bankA, OPENED);
        accountRepository().add(account);
        Account closed = Account.reconstitute(account.id(), bankA, AccountStatus.CLOSED,
                Instant.parse("2024-04-01T00:00:00.000001Z"));

        accountRepository().update(closed);

        assertThat(accountRepository().findById(bankA, account.id()))
                .hasValueSatisfying(found -> assertSameAccount(found, closed));
    }

    @Test
    void givenAnAccountNeverStored_update_fails() {
        Account account = Account.open(AccountId.random(), bankA, OPENED);

        assertThatThrownBy(() -> accountRepository().update(account)).isInstanceOf(IllegalStateException.class);

        assertThat(accountRepository().findById(bankA, account.id())).isEmpty();
    }

    @Test
    void givenAnAccountOfAnotherInstitution_update_failsAndChangesNothing() {
        Account account = Account.open(AccountId.random(), bankA, OPENED);
        accountRepository().add(account);

        assertThatThrownBy(() -> accountRepository().update(
                Account.reconstitute(account.id(), bankB, AccountStatus.CLOSED, OPENED)))
                .isInstanceOf(IllegalStateException.class);

        assertThat(accountRepository().findById(bankA, account.id()))
                .hasValueSatisfying(found -> assertSameAccount(found, account));
    }

    @Test
    void givenAnAccountAlreadyStored_add_failsAndKeepsTheFirst() {
        Account account = Account.open(AccountId.random(), bankA, OPENED);
        accountRepository().add(account);

        assertThatThrownBy(() -> accountRepository().add(
                Account.reconstitute(account.id(), bankA, AccountStatus.LOCKED, OPENED)))
                .isInstanceOf(IllegalStateException.class);

        assertThat(accountRepository().findById(bankA, account.id()))
                .hasValueSatisfying(found -> assertSameAccount(found, account));
    }

    /** Account has no equals: an aggregate is one entity by id; a repository must give back all of its state. */
    protected static void assertSameAccount(Account actual, Account expected) {
        assertThat(actual.id()).isEqualTo(expected.id());
        assertThat(actual.institutionId()).isEqualTo(expected.institutionId());
        assertThat(actual.status()).isEqualTo(expected.status());
        assertThat(actual.statusChangedAt()).isEqualTo(expected.statusChangedAt());
    }
}
