package io.contactinfo.domain.rule;

import java.util.Objects;

/**
 * The answer of a counting policy asked whether one more is allowed: {@link Allowed} or {@link Refused},
 * never a bare boolean that loses the reason.
 */
public sealed interface LimitDecision permits LimitDecision.Allowed, LimitDecision.Refused {

    /** The one that is allowed; there is nothing else to say. */
    LimitDecision ALLOWED = new Allowed();

    /** Convenience for callers that refuse by exception. */
    void orThrow(String field);

    /** One more is allowed. */
    record Allowed() implements LimitDecision {
        @Override
        public void orThrow(String field) {
            // allowed: nothing to throw
        }
    }

    /** One more would break {@code rule}: {@code current} already reached its {@code limit}. */
    record Refused(Rule rule, int limit, int current) implements LimitDecision {

        public Refused {
            Objects.requireNonNull(rule, "rule");
        }

        @Override
        public void orThrow(String field) {
            throw violation(field);
        }

        /** The refusal as an exception about {@code field}, for a caller that throws it later. */
        public LimitExceeded violation(String field) {
            return new LimitExceeded(rule, field, limit, current);
        }
    }

    /** Allowed while {@code current} is below {@code limit}, else refused by {@code rule}. */
    static LimitDecision below(int current, int limit, Rule rule) {
        return current < limit ? ALLOWED : new Refused(rule, limit, current);
    }
}
