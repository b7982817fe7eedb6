package io.contactinfo.application.port.out;

import io.contactinfo.domain.institution.Institution;
import io.contactinfo.domain.institution.InstitutionId;

/** The institutions' settings. */
public interface InstitutionRepository {

    /** The institution's settings; one never configured has the seed's defaults ({@link Institution#withDefaultLimits}). */
    Institution get(InstitutionId institutionId);
}
