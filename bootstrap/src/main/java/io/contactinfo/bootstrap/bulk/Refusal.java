package io.contactinfo.bootstrap.bulk;

import io.contactinfo.adapter.rest.MalformedRequestException;
import io.contactinfo.application.port.in.ConflictException;
import io.contactinfo.application.port.in.InvalidCommandException;
import io.contactinfo.domain.rule.RuleViolation;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a row was not enrolled, in words that carry no personal data: the broken rule's id (or {@value #MALFORMED},
 * a conflict, …) and the field it concerns.
 *
 * @param reason    what refused the row, the key rows are counted by
 * @param field     the field or column concerned, when there is one
 * @param exception the class of an unexpected failure (never its message, which could quote a value)
 */
record Refusal(String reason, Optional<String> field, Optional<String> exception) {

    /** The reason of a row that cannot be read as an enrollment: not JSON, a value of the wrong type, … */
    static final String MALFORMED = "malformed";
    /** The reason of a failure no rule explains; the exception's class is kept. */
    static final String UNEXPECTED = "unexpected";

    Refusal {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(exception, "exception");
    }

    /** Why {@code failure} refused a row. */
    static Refusal of(RuntimeException failure) {
        if (failure instanceof RuleViolation violation) {
            return because(violation.rule().id(), violation.field());
        }
        if (failure instanceof ConflictException conflict) {
            return conflict.identifier() == ConflictException.Identifier.CUSTOMER_ID
                    ? because("enrollment.customer-id-taken", "institutionCustomerId")
                    : because("enrollment.login-id-taken", "loginId");
        }
        if (failure instanceof InvalidCommandException invalid) {
            return because("enrollment.invalid", invalid.field());
        }
        if (failure instanceof MalformedRequestException malformed) {
            return because(MALFORMED, MalformedRequestException.WHOLE_BODY.equals(malformed.name())
                    ? "row" : malformed.name());
        }
        if (failure instanceof MalformedRowException malformed) {
            return because(MALFORMED, malformed.field());
        }
        return new Refusal(UNEXPECTED, Optional.empty(), Optional.of(failure.getClass().getName()));
    }

    private static Refusal because(String reason, String field) {
        return new Refusal(reason, Optional.of(field), Optional.empty());
    }
}
