package io.contactinfo.domain.institution;

import static io.contactinfo.domain.testing.Violations.assertBreaks;
import static org.assertj.core.api.Assertions.assertThat;

import io.contactinfo.domain.user.InstitutionCustomerId;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** An institution's identifiers and its limit settings (SPEC §4.3: the seed's values are the defaults). */
class InstitutionRuleTest {

    @Test
    void theDefaultLimitsAreTheSeeds() {
        assertThat(LimitSettings.DEFAULTS).isEqualTo(new LimitSettings(1, 3, 2, 10));
        assertThat(Institution.withDefaultLimits(new InstitutionId("demo-bank")).limits())
                .isEqualTo(LimitSettings.DEFAULTS);
    }

    @ParameterizedTest(name = "ssn {0}/{1}, phone {2}/{3} is accepted")
    @CsvSource({"1,1,1,1", "2,5,3,3"})
    void limitsOfAtLeastOneWithActiveAtMostLifetimeAreAccepted(int sa, int sl, int pa, int pl) {
        assertThat(new LimitSettings(sa, sl, pa, pl).phoneLifetime()).isEqualTo(pl);
    }

    @ParameterizedTest(name = "ssn {0}/{1} is refused")
    @CsvSource({"0,3", "2,1", "-1,3"})
    void ssnLimitsOutOfRangeAreRefused(int active, int lifetime) {
        assertBreaks(InstitutionRule.LIMIT_SETTINGS_RANGE, "ssnLimits", () -> new LimitSettings(active, lifetime, 2, 10));
    }

    @ParameterizedTest(name = "phone {0}/{1} is refused")
    @CsvSource({"0,10", "11,10"})
    void phoneLimitsOutOfRangeAreRefused(int active, int lifetime) {
        assertBreaks(InstitutionRule.LIMIT_SETTINGS_RANGE, "phoneLimits", () -> new LimitSettings(1, 3, active, lifetime));
    }

    @ParameterizedTest(name = "identifier \"{0}\" is accepted")
    @ValueSource(strings = {"a", "demo-bank", "Bank_1.x", "0abc"})
    void identifiersAreAccepted(String value) {
        assertThat(new InstitutionId(value).toString()).isEqualTo(value);
        assertThat(new InstitutionCustomerId(value).toString()).isEqualTo(value);
    }

    @ParameterizedTest(name = "identifier \"{0}\" is refused")
    @NullAndEmptySource
    @ValueSource(strings = {"-bank", "bank a", "bank/a", "ü"})
    void malformedIdentifiersAreRefused(String value) {
        assertBreaks(IdentifierRule.INSTITUTION_ID_FORMAT, "institutionId", () -> new InstitutionId(value));
        assertBreaks(IdentifierRule.CUSTOMER_ID_FORMAT, "customerId", () -> new InstitutionCustomerId(value));
    }

    @Test
    void wellFormedIsExactlyTheDocumentedPattern() {
        Pattern documented = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
        String allowed = "azAZ09mM._-";
        // Among them non-ASCII letters and digits (a fullwidth one, the Kelvin sign), half a surrogate pair, controls.
        String refused = "/ @üÀ٣１\u212A\uD83D\u0000\t\n+";
        Random random = new Random(20261124);
        for (int i = 0; i < 20_000; i++) {
            // Mostly allowed characters, so that many values are well-formed, up to and past 64 characters.
            StringBuilder value = new StringBuilder();
            int length = random.nextInt(67);
            for (int k = 0; k < length; k++) {
                String from = random.nextInt(50) == 0 ? refused : allowed;
                value.append(from.charAt(random.nextInt(from.length())));
            }
            assertThat(IdentifierRule.isWellFormed(value.toString())).as("\"%s\"", value)
                    .isEqualTo(documented.matcher(value).matches());
        }
    }

    @Test
    void identifiersAreAtMost64Characters() {
        assertThat(new InstitutionId("b".repeat(64)).value()).hasSize(64);
        assertBreaks(IdentifierRule.INSTITUTION_ID_FORMAT, () -> new InstitutionId("b".repeat(65)));
    }
}
