package io.contactinfo.domain.rule;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactinfo.domain.account.AccountRule;
import io.contactinfo.domain.contact.ContactRule;
import io.contactinfo.domain.institution.IdentifierRule;
import io.contactinfo.domain.institution.InstitutionRule;
import io.contactinfo.domain.limits.LimitRule;
import io.contactinfo.domain.otp.OtpRule;
import io.contactinfo.domain.softtoken.SoftTokenRule;
import io.contactinfo.domain.user.AddressRule;
import io.contactinfo.domain.user.IdentityRule;
import io.contactinfo.domain.user.ProfileRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rule ids are stable: the HTTP dialects map them to their codes. Every id is unique, well formed,
 * described, and documented in docs/rules.md.
 */
class RuleCatalogTest {

    private static final List<Class<? extends Enum<?>>> FAMILIES = List.of(ProfileRule.class, AddressRule.class,
            IdentityRule.class, ContactRule.class, LimitRule.class, InstitutionRule.class, IdentifierRule.class,
            AccountRule.class, OtpRule.class, SoftTokenRule.class);

    static Stream<Rule> rules() {
        return FAMILIES.stream().flatMap(family -> Arrays.stream(family.getEnumConstants())).map(Rule.class::cast);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void everyRuleHasAWellFormedIdAndADescription(Rule rule) {
        assertThat(rule.id()).matches("[a-z]+(\\.[a-z0-9]+(-[a-z0-9]+)*){2}");
        assertThat(rule.description()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void everyRuleIsDocumented(Rule rule) throws IOException {
        assertThat(Files.readString(Path.of("..", "docs", "rules.md"), StandardCharsets.UTF_8))
                .contains("`" + rule.id() + "`");
    }

    @Test
    void noTwoRulesShareAnId() {
        assertThat(rules().map(Rule::id)).doesNotHaveDuplicates();
    }

    @Test
    void theFirstIdsKeepTheirSpelling() {
        assertThat(ContactRule.PHONE_NUMBER_FORMAT.id()).isEqualTo("contact.phone-number.format");
        assertThat(ContactRule.PHONE_DEFAULT_UNIQUE.id()).isEqualTo("contact.phone.default-unique");
        assertThat(ContactRule.EMAIL_FORMAT.id()).isEqualTo("contact.email.format");
        assertThat(LimitRule.PHONE_LIFETIME.id()).isEqualTo("limits.phone.lifetime");
        assertThat(AccountRule.LOCKED_NOT_UPDATABLE.id()).isEqualTo("account.locked.profile-update");
    }

    @Test
    void aViolationNamesItsRuleAndFieldButNeverAValue() {
        RuleViolation violation = new RuleViolation(ProfileRule.FIRST_NAME_LENGTH, "firstName");

        assertThat(violation.rule()).isEqualTo(ProfileRule.FIRST_NAME_LENGTH);
        assertThat(violation.field()).isEqualTo("firstName");
        assertThat(violation.getMessage()).isEqualTo("profile.first-name.length (firstName): A first name is 1-35 characters");
        assertThat(violation.getStackTrace()).isEmpty();
    }

    @Test
    void lengthCountsCodePointsAndMissingIsZero() {
        assertThat(Require.length(null)).isZero();
        assertThat(Require.length("")).isZero();
        assertThat(Require.length("😀é")).isEqualTo(2);
    }
}
