package io.contactinfo.application.inmemory;

import io.contactinfo.application.contract.AuditLogContract;
import io.contactinfo.application.port.out.AuditLog;
import io.contactinfo.application.port.out.AuditRecord;
import io.contactinfo.domain.institution.InstitutionId;
import java.util.List;

/** The in-memory fixture keeps the same contract as the database implementations. */
class InMemoryAuditLogTest extends AuditLogContract {

    private final InMemoryPorts ports = new InMemoryPorts();

    @Override
    protected AuditLog auditLog() {
        return ports.audit();
    }

    @Override
    protected List<AuditRecord> recordsOf(InstitutionId institutionId) {
        return ports.audit().records().stream().filter(r -> r.institutionId().equals(institutionId)).toList();
    }
}
