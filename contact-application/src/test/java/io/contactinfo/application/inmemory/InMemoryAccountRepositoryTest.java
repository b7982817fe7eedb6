package io.contactinfo.application.inmemory;

import io.contactinfo.application.contract.AccountRepositoryContract;
import io.contactinfo.application.port.out.AccountRepository;

/** The in-memory fixture keeps the same contract as the database implementations. */
class InMemoryAccountRepositoryTest extends AccountRepositoryContract {

    private final InMemoryPorts ports = new InMemoryPorts();

    @Override
    protected AccountRepository accountRepository() {
        return ports.accounts();
    }
}
