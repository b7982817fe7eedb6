package io.contactinfo.application.inmemory;

import io.contactinfo.application.contract.SoftTokenRepositoryContract;
import io.contactinfo.application.port.out.SoftTokenRepository;

/** The in-memory fixture keeps the same contract as the database implementations. */
class InMemorySoftTokenRepositoryTest extends SoftTokenRepositoryContract {

    private final InMemoryPorts ports = new InMemoryPorts();

    @Override
    protected SoftTokenRepository softTokenRepository() {
        return ports.softTokens();
    }
}
