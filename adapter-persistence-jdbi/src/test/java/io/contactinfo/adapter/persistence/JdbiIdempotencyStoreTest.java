package io.contactinfo.adapter.persistence;

import io.contactinfo.application.contract.IdempotencyStoreContract;
import io.contactinfo.application.port.out.IdempotencyStore;
import org.junit.jupiter.api.Nested;

/** Idempotency records on each database. */
class JdbiIdempotencyStoreTest {

    abstract static class OnDatabase extends IdempotencyStoreContract {

        abstract Database database();

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
