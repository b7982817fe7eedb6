package io.contactinfo.adapter.persistence;

import io.contactinfo.application.contract.AccountRepositoryContract;
import io.contactinfo.application.port.out.AccountRepository;
import org.junit.jupiter.api.Nested;

/** The accounts on each database. */
class JdbiAccountRepositoryTest {

    abstract static class OnDatabase extends AccountRepositoryContract {

        abstract Database database();

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
