package io.contactinfo.domain.rule;

import java.util.Objects;

/**
 * A business rule refused a value or a change.
 *
 * <p>Carries the broken rule and the field it concerns, never the offending value itself:
 * values may be personal data, and this exception may reach a log.
 */
public class RuleViolation extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Rule rule;
    private final String field;

    public RuleViolation(Rule rule, String field) {
        super(rule.id() + " (" + field + "): " + rule.description(), null, false, false);
        this.rule = Objects.requireNonNull(rule, "rule");
        this.field = Objects.requireNonNull(field, "field");
    }

    public Rule rule() {
        return rule;
    }

    /** The name of the field the rule concerns, as the source documents spell it. */
    public String field() {
        return field;
    }
}
