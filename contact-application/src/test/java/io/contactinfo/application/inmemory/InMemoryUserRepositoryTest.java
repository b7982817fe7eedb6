package io.contactinfo.application.inmemory;

import io.contactinfo.application.contract.UserRepositoryContract;
import io.contactinfo.application.port.out.UserRepository;

class InMemoryUserRepositoryTest extends UserRepositoryContract {

    private final InMemoryUserRepository repository = new InMemoryUserRepository();

    @Override
    protected UserRepository repository() {
        return repository;
    }
}
