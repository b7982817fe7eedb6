package io.contactinfo.adapter.persistence;

import io.contactinfo.application.contract.InstitutionRepositoryContract;
import io.contactinfo.application.port.out.InstitutionRepository;
import io.contactinfo.domain.institution.Institution;
import org.junit.jupiter.api.Nested;

/** The institutions' settings on each database. */
class JdbiInstitutionRepositoryTest {

    abstract static class OnDatabase extends InstitutionRepositoryContract {

        abstract Database database();

        @Override
        protected InstitutionRepository institutionRepository() {
            return database().institutionRepository();
        }

        @Override
        protected void configure(Institution institution) {
            database().institutionRepository().configure(institution);
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
