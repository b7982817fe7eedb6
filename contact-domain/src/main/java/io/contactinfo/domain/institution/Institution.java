package io.contactinfo.domain.institution;

import java.util.Objects;

/** A financial institution (a program of the Users API) and the settings its rules read. */
public record Institution(InstitutionId id, LimitSettings limits) {

    public Institution {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(limits, "limits");
    }

    /** An institution on the seed's default limits. */
    public static Institution withDefaultLimits(InstitutionId id) {
        return new Institution(id, LimitSettings.DEFAULTS);
    }
}
