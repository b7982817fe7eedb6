package io.contactinfo.adapter.persistence;

import io.contactinfo.application.contract.LimitRegistryContract;
import io.contactinfo.application.port.out.AccountRepository;
import io.contactinfo.application.port.out.LimitRegistry;
import org.junit.jupiter.api.Nested;

/** The limit registry's counts on each database; {@link LimitConcurrencyTest} checks its locks. */
class JdbiLimitRegistryTest {

    abstract static class OnDatabase extends LimitRegistryContract {

        abstract Database database();

        @Override
        protected LimitRegistry limitRegistry() {
            return database().limitRegistry();
        }

        @Override
        protected AccountRepository accountRepository() {
            return database().accountRepository();
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
