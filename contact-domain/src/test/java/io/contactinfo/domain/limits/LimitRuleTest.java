package io.contactinfo.domain.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactinfo.domain.institution.LimitSettings;
import io.contactinfo.domain.rule.LimitDecision;
import io.contactinfo.domain.rule.LimitExceeded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Seed 002, "Active Consumer Account Limits": per institution, up to 1 active and 3 lifetime accounts
 * with the same SSN (2/60, 2/61); up to 2 active and 10 lifetime accounts with the same phone (2/63, 2/66).
 * The counts given are of the accounts already linked; the decision is about linking one more.
 */
class LimitRuleTest {

    private final PhoneLimitPolicy phones = new PhoneLimitPolicy(LimitSettings.DEFAULTS);
    private final SsnLimitPolicy ssns = new SsnLimitPolicy(LimitSettings.DEFAULTS);

    @ParameterizedTest(name = "phone linked to {0} active / {1} lifetime: one more allowed")
    @CsvSource({"0,0", "1,1", "1,9", "0,9"})
    void aPhoneMayJoinUpTo2ActiveAnd10LifetimeAccounts(int active, int lifetime) {
        assertThat(phones.decide(new LinkedAccounts(active, lifetime))).isEqualTo(LimitDecision.ALLOWED);
    }

    @Test
    void the3rdActiveAccountOnOnePhoneIsRefused() {
        assertThat(phones.decide(new LinkedAccounts(2, 2)))
                .isEqualTo(new LimitDecision.Refused(LimitRule.PHONE_ACTIVE, 2, 2));
    }

    @Test
    void the11thLifetimeAccountOnOnePhoneIsRefused() {
        assertThat(phones.decide(new LinkedAccounts(1, 10)))
                .isEqualTo(new LimitDecision.Refused(LimitRule.PHONE_LIFETIME, 10, 10));
        assertThat(phones.decide(new LinkedAccounts(0, 10)))
                .isEqualTo(new LimitDecision.Refused(LimitRule.PHONE_LIFETIME, 10, 10));
    }

    @Test
    void whenBothPhoneLimitsAreReachedTheActiveOneIsReported() {
        assertThat(phones.decide(new LinkedAccounts(2, 10)))
                .isEqualTo(new LimitDecision.Refused(LimitRule.PHONE_ACTIVE, 2, 2));
    }

    @ParameterizedTest(name = "SSN linked to {0} active / {1} lifetime: one more allowed")
    @CsvSource({"0,0", "0,1", "0,2"})
    void anSsnMayJoinUpTo1ActiveAnd3LifetimeAccounts(int active, int lifetime) {
        assertThat(ssns.decide(new LinkedAccounts(active, lifetime))).isEqualTo(LimitDecision.ALLOWED);
    }

    @Test
    void the2ndActiveAccountWithOneSsnIsRefused() {
        assertThat(ssns.decide(new LinkedAccounts(1, 1)))
                .isEqualTo(new LimitDecision.Refused(LimitRule.SSN_ACTIVE, 1, 1));
    }

    @Test
    void the4thLifetimeAccountWithOneSsnIsRefused() {
        assertThat(ssns.decide(new LinkedAccounts(0, 3)))
                .isEqualTo(new LimitDecision.Refused(LimitRule.SSN_LIFETIME, 3, 3));
    }

    @Test
    void limitsAreConfigurablePerInstitution() {
        LimitSettings generous = new LimitSettings(2, 5, 3, 20);

        assertThat(new SsnLimitPolicy(generous).decide(new LinkedAccounts(1, 4))).isEqualTo(LimitDecision.ALLOWED);
        assertThat(new SsnLimitPolicy(generous).decide(new LinkedAccounts(2, 2)))
                .isEqualTo(new LimitDecision.Refused(LimitRule.SSN_ACTIVE, 2, 2));
        assertThat(new SsnLimitPolicy(generous).decide(new LinkedAccounts(1, 5)))
                .isEqualTo(new LimitDecision.Refused(LimitRule.SSN_LIFETIME, 5, 5));
        assertThat(new PhoneLimitPolicy(generous).decide(new LinkedAccounts(2, 19))).isEqualTo(LimitDecision.ALLOWED);
        assertThat(new PhoneLimitPolicy(generous).decide(new LinkedAccounts(3, 3)))
                .isEqualTo(new LimitDecision.Refused(LimitRule.PHONE_ACTIVE, 3, 3));
        assertThat(new PhoneLimitPolicy(generous).decide(new LinkedAccounts(0, 20)))
                .isEqualTo(new LimitDecision.Refused(LimitRule.PHONE_LIFETIME, 20, 20));
    }

    @Test
    void aRefusalThrownCarriesRuleFieldLimitAndCurrentCount() {
        LimitDecision refused = phones.decide(new LinkedAccounts(2, 7));

        assertThatThrownBy(() -> refused.orThrow("phoneNumbers"))
                .isInstanceOfSatisfying(LimitExceeded.class, e -> {
                    assertThat(e.rule()).isEqualTo(LimitRule.PHONE_ACTIVE);
                    assertThat(e.field()).isEqualTo("phoneNumbers");
                    assertThat(e.limit()).isEqualTo(2);
                    assertThat(e.current()).isEqualTo(2);
                    assertThat(e.getMessage()).startsWith("limits.phone.active (phoneNumbers)");
                });
        assertThatCode(() -> LimitDecision.ALLOWED.orThrow("phoneNumbers")).doesNotThrowAnyException();
    }

    @Test
    void countsAreNeverNegativeAndActiveNeverExceedsLifetime() {
        assertThat(LinkedAccounts.NONE).isEqualTo(new LinkedAccounts(0, 0));
        assertThatThrownBy(() -> new LinkedAccounts(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LinkedAccounts(2, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatCode(() -> new LinkedAccounts(1, 1)).doesNotThrowAnyException();
    }
}
