package io.contactinfo.domain.institution;

import io.contactinfo.domain.rule.RuleViolation;

/** A financial institution (a program, in the Users API): the tenant every record belongs to. */
public record InstitutionId(String value) {

    public InstitutionId {
        if (!IdentifierRule.isWellFormed(value)) {
            throw new RuleViolation(IdentifierRule.INSTITUTION_ID_FORMAT, "institutionId");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
