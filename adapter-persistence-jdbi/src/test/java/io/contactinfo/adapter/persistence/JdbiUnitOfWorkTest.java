package io.contactinfo.adapter.persistence;

import io.contactinfo.application.contract.UnitOfWorkContract;
import io.contactinfo.application.port.out.AccountRepository;
import io.contactinfo.application.port.out.IdempotencyStore;
import io.contactinfo.application.port.out.UnitOfWork;
import io.contactinfo.application.port.out.UserRepository;
import org.junit.jupiter.api.Nested;

/** Units of work on each database: the repositories join the transaction through JDBI's thread-bound handle. */
class JdbiUnitOfWorkTest {

    abstract static class OnDatabase extends UnitOfWorkContract {

        abstract Database database();

        @Override
        protected UnitOfWork unitOfWork() {
            return database().unitOfWork();
        }

        @Override
        protected UserRepository userRepository() {
            return database().userRepository();
        }

        @Override
        protected AccountRepository accountRepository() {
            return database().accountRepository();
        }

        @Override
        protected IdempotencyStore idempotencyStore() {
            return database().idempotencyStore();
        }
    }

    @Nested
    class OnH2 extends OnDatabase {
        @Override
        Database database() {
            return TestDatabases.h2();
        }
    }

    @Nested
    @EnabledIfPostgres
    class OnPostgres extends OnDatabase {
        @Override
        Database database() {
            return TestDatabases.postgres();
        }
    }
}
