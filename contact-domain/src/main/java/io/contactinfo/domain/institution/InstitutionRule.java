package io.contactinfo.domain.institution;

import io.contactinfo.domain.rule.Rule;

/** Rules for an institution's own settings. */
public enum InstitutionRule implements Rule {
    LIMIT_SETTINGS_RANGE("institution.limits.range",
            "Each account limit is at least 1, and an active limit is at most its lifetime limit");

    private final String id;
    private final String description;

    InstitutionRule(String id, String description) {
        this.id = id;
        this.description = description;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return description;
    }
}
