package io.contactinfo.domain.rule;

/**
 * A counted rule refused one more: an account limit, an OTP send or attempt cap.
 *
 * <p>Carries what a caller needs to explain the refusal: the limit and the count already reached.
 */
public class LimitExceeded extends RuleViolation {

    private static final long serialVersionUID = 1L;

    private final int limit;
    private final int current;

    public LimitExceeded(Rule rule, String field, int limit, int current) {
        super(rule, field);
        this.limit = limit;
        this.current = current;
    }

    /** The most the rule allows. */
    public int limit() {
        return limit;
    }

    /** How many there already are. */
    public int current() {
        return current;
    }
}
