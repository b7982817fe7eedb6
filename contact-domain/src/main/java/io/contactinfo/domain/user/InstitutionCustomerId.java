package io.contactinfo.domain.user;

import io.contactinfo.domain.institution.IdentifierRule;
import io.contactinfo.domain.rule.RuleViolation;

/** The institution's own id for its customer: the {@code customerId} of the Contact Info API. */
public record InstitutionCustomerId(String value) {

    public InstitutionCustomerId {
        if (!IdentifierRule.isWellFormed(value)) {
            throw new RuleViolation(IdentifierRule.CUSTOMER_ID_FORMAT, "customerId");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
