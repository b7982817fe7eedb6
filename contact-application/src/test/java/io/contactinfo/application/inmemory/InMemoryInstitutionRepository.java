package io.contactinfo.application.inmemory;

import io.contactinfo.application.port.out.InstitutionRepository;
import io.contactinfo.domain.institution.Institution;
import io.contactinfo.domain.institution.InstitutionId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** An {@link InstitutionRepository} in a map; institutions never configured have the seed's limits. */
public final class InMemoryInstitutionRepository implements InstitutionRepository {

    private final Map<InstitutionId, Institution> institutions = new ConcurrentHashMap<>();

    @Override
    public Institution get(InstitutionId institutionId) {
        return institutions.getOrDefault(institutionId, Institution.withDefaultLimits(institutionId));
    }

    /** Gives an institution its own settings, as an operator would. */
    public void configure(Institution institution) {
        institutions.put(institution.id(), institution);
    }
}
