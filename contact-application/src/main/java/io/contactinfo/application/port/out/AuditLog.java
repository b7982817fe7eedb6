package io.contactinfo.application.port.out;

/** Where audit records are appended, in the same unit of work as the change they describe. */
public interface AuditLog {

    void append(AuditRecord record);
}
