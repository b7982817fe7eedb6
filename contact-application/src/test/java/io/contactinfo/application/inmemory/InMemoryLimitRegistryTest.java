package io.contactinfo.application.inmemory;

import io.contactinfo.application.contract.LimitRegistryContract;
import io.contactinfo.application.port.out.AccountRepository;
import io.contactinfo.application.port.out.LimitRegistry;

/** The in-memory fixture keeps the same contract as the database implementations. */
class InMemoryLimitRegistryTest extends LimitRegistryContract {

    private final InMemoryPorts ports = new InMemoryPorts();

    @Override
    protected LimitRegistry limitRegistry() {
        return ports.limits();
    }

    @Override
    protected AccountRepository accountRepository() {
        return ports.accounts();
    }
}
