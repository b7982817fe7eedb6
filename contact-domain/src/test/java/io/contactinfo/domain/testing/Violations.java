package io.contactinfo.domain.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactinfo.domain.rule.Rule;
import io.contactinfo.domain.rule.RuleViolation;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts that code breaks a named rule: {@code assertBreaks(ProfileRule.FIRST_NAME_LENGTH, "firstName", () -> ...)}. */
public final class Violations {

    private Violations() {
    }

    public static void assertBreaks(Rule rule, String field, ThrowingCallable code) {
        assertThatThrownBy(code)
                .isInstanceOf(RuleViolation.class)
                .satisfies(e -> {
                    RuleViolation violation = (RuleViolation) e;
                    org.assertj.core.api.Assertions.assertThat(violation.rule()).isEqualTo(rule);
                    org.assertj.core.api.Assertions.assertThat(violation.field()).isEqualTo(field);
                });
    }

    public static void assertBreaks(Rule rule, ThrowingCallable code) {
        assertThatThrownBy(code)
                .isInstanceOf(RuleViolation.class)
                .extracting(e -> ((RuleViolation) e).rule())
                .isEqualTo(rule);
    }
}
