package io.contactinfo.application.inmemory;

import io.contactinfo.application.contract.InstitutionRepositoryContract;
import io.contactinfo.application.port.out.InstitutionRepository;
import io.contactinfo.domain.institution.Institution;

/** The in-memory fixture keeps the same contract as the database implementations. */
class InMemoryInstitutionRepositoryTest extends InstitutionRepositoryContract {

    private final InMemoryPorts ports = new InMemoryPorts();

    @Override
    protected InstitutionRepository institutionRepository() {
        return ports.institutions();
    }

    @Override
    protected void configure(Institution institution) {
        ports.institutions().configure(institution);
    }
}
