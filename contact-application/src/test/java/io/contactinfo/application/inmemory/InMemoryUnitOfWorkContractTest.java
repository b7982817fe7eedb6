package io.contactinfo.application.inmemory;

import io.contactinfo.application.contract.UnitOfWorkContract;
import io.contactinfo.application.port.out.AccountRepository;
import io.contactinfo.application.port.out.IdempotencyStore;
import io.contactinfo.application.port.out.UnitOfWork;
import io.contactinfo.application.port.out.UserRepository;

/** The in-memory fixture keeps the same contract as the database implementations. */
class InMemoryUnitOfWorkContractTest extends UnitOfWorkContract {

    private final InMemoryPorts ports = new InMemoryPorts();

    @Override
    protected UnitOfWork unitOfWork() {
        return ports.unitOfWork();
    }

    @Override
    protected UserRepository userRepository() {
        return ports.users();
    }

    @Override
    protected AccountRepository accountRepository() {
        return ports.accounts();
    }

    @Override
    protected IdempotencyStore idempotencyStore() {
        return ports.idempotency();
    }
}
