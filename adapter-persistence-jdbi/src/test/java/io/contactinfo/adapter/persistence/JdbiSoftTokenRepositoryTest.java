package io.contactinfo.adapter.persistence;

import io.contactinfo.application.contract.SoftTokenRepositoryContract;
import io.contactinfo.application.port.out.SoftTokenRepository;
import org.junit.jupiter.api.Nested;

/** Soft tokens on each database. */
class JdbiSoftTokenRepositoryTest {

    abstract static class OnDatabase extends SoftTokenRepositoryContract {

        abstract Database database();

        @Override
        protected SoftTokenRepository softTokenRepository() {
            return database().softTokenRepository();
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
