package io.contactinfo.domain.account;

import static io.contactinfo.domain.testing.Violations.assertBreaks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.testing.TestClock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Account status and its transitions (SPEC §5.2: activate, lock, unlock, close); seed 002, "User Updates". */
class AccountRuleTest {

    private static final InstitutionId BANK = new InstitutionId("demo-bank");
    private static final Instant LATER = TestClock.NOW.plusSeconds(60);

    @Test
    void aNewAccountIsPending() {
        Account account = Account.open(AccountId.random(), BANK, TestClock.NOW);

        assertThat(account.status()).isEqualTo(AccountStatus.PENDING);
        assertThat(account.statusChangedAt()).isEqualTo(TestClock.NOW);
        assertThat(account.institutionId()).isEqualTo(BANK);
    }

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @CsvSource({"PENDING,ACTIVATE,ACTIVE", "PENDING,CLOSE,CLOSED", "ACTIVE,LOCK,LOCKED", "ACTIVE,CLOSE,CLOSED",
            "LOCKED,UNLOCK,ACTIVE", "LOCKED,CLOSE,CLOSED"})
    void allowedTransitions(AccountStatus from, AccountAction action, AccountStatus to) {
        AccountId id = AccountId.random();
        Account account = Account.reconstitute(id, BANK, from, TestClock.NOW);

        Account changed = account.apply(action, LATER);

        assertThat(changed.status()).isEqualTo(to);
        assertThat(changed.statusChangedAt()).isEqualTo(LATER);
        assertThat(changed.id()).isEqualTo(id);
    }

    @ParameterizedTest(name = "{0} --{1}--> refused")
    @CsvSource({"PENDING,LOCK", "PENDING,UNLOCK", "ACTIVE,ACTIVATE", "ACTIVE,UNLOCK", "LOCKED,ACTIVATE",
            "LOCKED,LOCK", "CLOSED,ACTIVATE", "CLOSED,LOCK", "CLOSED,UNLOCK", "CLOSED,CLOSE"})
    void forbiddenTransitions(AccountStatus from, AccountAction action) {
        Account account = Account.reconstitute(AccountId.random(), BANK, from, TestClock.NOW);

        assertBreaks(AccountRule.STATUS_TRANSITION, "status", () -> account.apply(action, LATER));
    }

    @ParameterizedTest(name = "{0} counts as active: {1}")
    @CsvSource({"PENDING,true", "ACTIVE,true", "LOCKED,true", "CLOSED,false"})
    void everyAccountButAClosedOneCountsAsActive(AccountStatus status, boolean counts) {
        assertThat(status.countsAsActive()).isEqualTo(counts);
    }

    @ParameterizedTest(name = "a {0} account can be updated")
    @EnumSource(value = AccountStatus.class, names = {"PENDING", "ACTIVE"})
    void pendingAndActiveAccountsCanBeUpdated(AccountStatus status) {
        assertThatNoException().isThrownBy(status::requireProfileUpdatable);
    }

    @Test
    void aLockedAccountCannotBeUpdated() {
        assertBreaks(AccountRule.LOCKED_NOT_UPDATABLE, "accountIdentifier", AccountStatus.LOCKED::requireProfileUpdatable);
    }

    @Test
    void aClosedAccountCannotBeUpdated() {
        assertBreaks(AccountRule.CLOSED_NOT_UPDATABLE, "accountIdentifier", AccountStatus.CLOSED::requireProfileUpdatable);
    }

    @ParameterizedTest(name = "status \"{0}\" is {1}")
    @CsvSource({"pending,PENDING", "Active,ACTIVE", "LOCKED,LOCKED", "closed,CLOSED"})
    void statusesParseInAnyCase(String text, AccountStatus status) {
        assertThat(AccountStatus.parse(text)).isEqualTo(status);
    }

    @ParameterizedTest(name = "status \"{0}\" is refused")
    @NullAndEmptySource
    @ValueSource(strings = {"open", "suspended"})
    void otherStatusesAreRefused(String text) {
        assertBreaks(AccountRule.STATUS_UNKNOWN, "status", () -> AccountStatus.parse(text));
    }

    @Test
    void accountIdsPrintTheirUuid() {
        AccountId id = AccountId.random();

        assertThat(id.toString()).isEqualTo(id.value().toString());
        assertThat(AccountId.random()).isNotEqualTo(id);
    }
}
