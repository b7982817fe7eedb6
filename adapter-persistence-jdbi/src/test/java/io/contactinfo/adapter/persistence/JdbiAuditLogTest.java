package io.contactinfo.adapter.persistence;

import io.contactinfo.application.contract.AuditLogContract;
import io.contactinfo.application.port.out.AuditLog;
import io.contactinfo.application.port.out.AuditRecord;
import io.contactinfo.domain.institution.InstitutionId;
import java.util.List;
import org.junit.jupiter.api.Nested;

/** Audit records on each database. */
class JdbiAuditLogTest {

    abstract static class OnDatabase extends AuditLogContract {

        abstract Database database();

        @Override
        protected AuditLog auditLog() {
            return database().auditLog();
        }

        @Override
        protected List<AuditRecord> recordsOf(InstitutionId institutionId) {
            return database().auditLog().records(institutionId);
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
