package io.contactinfo.application.inmemory;

import io.contactinfo.application.port.out.AuditLog;
import io.contactinfo.application.port.out.AuditRecord;
import java.util.ArrayList;
import java.util.List;

/** An {@link AuditLog} in a list, readable by tests. */
public final class InMemoryAuditLog implements AuditLog, InMemoryUnitOfWork.Transactional {

    private final List<AuditRecord> records = new ArrayList<>();

    @Override
    public synchronized void append(AuditRecord record) {
        records.add(record);
    }

    /** Every record appended and not rolled back, oldest first. */
    public synchronized List<AuditRecord> records() {
        return List.copyOf(records);
    }

    @Override
    public synchronized Object snapshot() {
        return List.copyOf(records);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        records.clear();
        records.addAll((List<AuditRecord>) snapshot);
    }
}
