package io.contactinfo.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactinfo.application.port.out.AccountRepository;
import io.contactinfo.application.port.out.LimitKey;
import io.contactinfo.application.port.out.LimitRegistry;
import io.contactinfo.domain.account.Account;
import io.contactinfo.domain.account.AccountId;
import io.contactinfo.domain.account.AccountStatus;
import io.contactinfo.domain.contact.PhoneNumber;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.limits.LinkedAccounts;
import io.contactinfo.domain.user.Ssn;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LimitRegistry} counts (SPEC §4.3); extend it once per implementation. The registry reads the
 * accounts' statuses from the {@link AccountRepository} it was built with. That counts hold under concurrency is
 * each implementation's own test: it depends on how its unit of work is kept.
 */
public abstract class LimitRegistryContract {

    private static final Instant NOW = Instant.parse("2024-03-01T10:15:30Z");

    protected final InstitutionId bank = new InstitutionId("bank-" + UUID.randomUUID());
    protected final LimitKey phone = new LimitKey.Phone(new PhoneNumber("2125550147"));
    protected final LimitKey ssn = new LimitKey.SocialSecurityNumber(new Ssn("123456789"));

    /** The implementation under test. */
    protected abstract LimitRegistry limitRegistry();

    /** The accounts the registry under test reads the statuses of. */
    protected abstract AccountRepository accountRepository();

    @Test
    void givenAKeyNeverLinked_lockAndCount_isNone() {
        assertThat(count(phone)).isEqualTo(LinkedAccounts.NONE);
        assertThat(count(ssn)).isEqualTo(LinkedAccounts.NONE);
    }

    @Test
    void givenTwoOpenAccountsLinked_lockAndCount_countsBothActiveAndLifetime() {
        limitRegistry().link(bank, phone, anAccount(AccountStatus.PENDING));
        limitRegistry().link(bank, phone, anAccount(AccountStatus.LOCKED));

        assertThat(count(phone)).isEqualTo(new LinkedAccounts(2, 2));
        assertThat(count(ssn)).isEqualTo(LinkedAccounts.NONE);
    }

    @Test
    void givenAClosedAccountLinked_lockAndCount_countsItForLifetimeOnly() {
        limitRegistry().link(bank, ssn, anAccount(AccountStatus.ACTIVE));
        limitRegistry().link(bank, ssn, anAccount(AccountStatus.CLOSED));

        assertThat(count(ssn)).isEqualTo(new LinkedAccounts(1, 2));
    }

    @Test
    void givenAnAccountClosedAfterItWasLinked_lockAndCount_countsItForLifetimeOnly() {
        AccountId account = anAccount(AccountStatus.ACTIVE);
        limitRegistry().link(bank, phone, account);

        accountRepository().update(Account.reconstitute(account, bank, AccountStatus.CLOSED, NOW));

        assertThat(count(phone)).isEqualTo(new LinkedAccounts(0, 1));
    }

    @Test
    void givenAReleasedLink_lockAndCount_countsItForLifetimeOnly() {
        AccountId account = anAccount(AccountStatus.ACTIVE);
        limitRegistry().link(bank, phone, account);

        limitRegistry().release(bank, phone, account);

        assertThat(count(phone)).isEqualTo(new LinkedAccounts(0, 1));
    }

    @Test
    void givenAnAccountLinkedAgainAfterRelease_lockAndCount_countsItActiveOnce() {
        AccountId account = anAccount(AccountStatus.ACTIVE);
        limitRegistry().link(bank, phone, account);
        limitRegistry().release(bank, phone, account);

        limitRegistry().link(bank, phone, account);
        limitRegistry().link(bank, phone, account);

        assertThat(count(phone)).isEqualTo(new LinkedAccounts(1, 1));
    }

    @Test
    void givenTheAccountExcepted_lockAndCount_leavesItOut() {
        AccountId account = anAccount(AccountStatus.ACTIVE);
        limitRegistry().link(bank, ssn, account);
        limitRegistry().link(bank, ssn, anAccount(AccountStatus.CLOSED));

        assertThat(limitRegistry().lockAndCount(bank, ssn, account)).isEqualTo(new LinkedAccounts(0, 1));
    }

    @Test
    void givenLinksInAnotherInstitutionOrToAnotherKey_lockAndCount_leavesThemOut() {
        InstitutionId otherBank = new InstitutionId("bank-" + UUID.randomUUID());
        limitRegistry().link(otherBank, phone, anAccount(otherBank, AccountStatus.ACTIVE));
        limitRegistry().link(bank, new LimitKey.Phone(new PhoneNumber("2125550148")), anAccount(AccountStatus.ACTIVE));
        limitRegistry().link(bank, new LimitKey.SocialSecurityNumber(new Ssn("123456788")),
                anAccount(AccountStatus.ACTIVE));

        assertThat(count(phone)).isEqualTo(LinkedAccounts.NONE);
        assertThat(count(ssn)).isEqualTo(LinkedAccounts.NONE);
    }

    @Test
    void givenAReleaseOfAnAccountNeverLinked_lockAndCount_isUnchanged() {
        limitRegistry().link(bank, phone, anAccount(AccountStatus.ACTIVE));

        limitRegistry().release(bank, phone, anAccount(AccountStatus.ACTIVE));
        limitRegistry().release(bank, ssn, anAccount(AccountStatus.ACTIVE));

        assertThat(count(phone)).isEqualTo(new LinkedAccounts(1, 1));
        assertThat(count(ssn)).isEqualTo(LinkedAccounts.NONE);
    }

    private LinkedAccounts count(LimitKey key) {
        return limitRegistry().lockAndCount(bank, key, AccountId.random());
    }

    /** A stored account of the test's institution with {@code status}. */
    protected AccountId anAccount(AccountStatus status) {
        return anAccount(bank, status);
    }

    private AccountId anAccount(InstitutionId institutionId, AccountStatus status) {
        AccountId id = AccountId.random();
        accountRepository().add(Account.reconstitute(id, institutionId, status, NOW));
        return id;
    }
}
