package io.contactinfo.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactinfo.application.inmemory.InMemoryAuditLog;
import io.contactinfo.application.port.out.AuditRecord;
import io.contactinfo.domain.rule.Rule;
import java.util.List;

/** What a refused limits decision leaves in the audit log: one record of its own, nothing of the change. */
final class LimitRefusals {

    private LimitRefusals() {
    }

    /**
     * The log holds one record more than {@code before}: the refusal by {@code rule} of the key shown as
     * {@code maskedKey} ({@code phoneNumber=(***) ***-0199}, {@code ssn=*****6789}), with its limit and count.
     */
    static void assertRecorded(InMemoryAuditLog audit, int before, Rule rule, int limit, int current,
                               String maskedKey) {
        List<AuditRecord> records = audit.records();
        assertThat(records).hasSize(before + 1);
        AuditRecord refusal = records.get(before);
        assertThat(refusal.action()).isEqualTo(AccountLimits.REFUSED);
        assertThat(refusal.changes()).extracting(change -> change.field() + "=" + change.after().orElse(""))
                .containsExactly("rule=" + rule.id(), "limit=" + limit, "current=" + current, maskedKey);
    }
}
