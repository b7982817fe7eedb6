package io.contactinfo.adapter.rest.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactinfo.domain.account.AccountRule;
import io.contactinfo.domain.contact.ContactRule;
import io.contactinfo.domain.limits.LimitRule;
import io.contactinfo.domain.rule.Rule;
import io.contactinfo.domain.user.AddressRule;
import io.contactinfo.domain.user.IdentityRule;
import io.contactinfo.domain.user.ProfileRule;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The one table: every rule a Users API request can break has a row of its own, and no two rows share a code. */
class UsersErrorsTest {

    private static List<Rule> usersApiRules() {
        return Stream.of(ProfileRule.values(), AddressRule.values(), IdentityRule.values(), ContactRule.values(),
                LimitRule.values(), AccountRule.values()).flatMap(Stream::of).map(Rule.class::cast).toList();
    }

    @Test
    void everyRuleOfTheUsersApi_hasARowOfItsOwn() {
        assertThat(usersApiRules()).allSatisfy(rule -> assertThat(UsersErrors.rowOf(rule)).as(rule.id()).isPresent());
    }

    @Test
    void noTwoRules_shareACodeAndSubCode() {
        Set<String> codes = new HashSet<>();
        for (Rule rule : usersApiRules()) {
            UsersErrors.Row row = UsersErrors.rowOf(rule).orElseThrow();
            assertThat(codes.add(row.code() + "/" + row.subCode())).as(rule.id()).isTrue();
        }
    }

    /** Rules and the other answers together: one code and subCode, one meaning, one row of the page of codes. */
    @Test
    void noTwoAnswersOfTheTable_shareACodeAndSubCode() {
        assertThat(UsersErrors.all()).extracting(refusal -> refusal.code() + "/" + refusal.subCode())
                .doesNotHaveDuplicates()
                .contains("0/0", "400/101", "2/60", "5/362", "409/3");
    }
}
