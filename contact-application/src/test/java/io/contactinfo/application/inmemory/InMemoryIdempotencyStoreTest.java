package io.contactinfo.application.inmemory;

import io.contactinfo.application.contract.IdempotencyStoreContract;
import io.contactinfo.application.port.out.IdempotencyStore;

/** The in-memory fixture keeps the same contract as the database implementations. */
class InMemoryIdempotencyStoreTest extends IdempotencyStoreContract {

    private final InMemoryPorts ports = new InMemoryPorts();

    @Override
    protected IdempotencyStore idempotencyStore() {
        return ports.idempotency();
    }
}
