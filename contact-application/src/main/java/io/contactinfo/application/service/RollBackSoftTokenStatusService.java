package io.contactinfo.application.service;

import io.contactinfo.application.port.in.RollBackSoftTokenStatusCommand;
import io.contactinfo.application.port.in.RollBackSoftTokenStatusUseCase;
import io.contactinfo.application.port.out.AuditLog;
import io.contactinfo.application.port.out.NotificationOutbox;
import io.contactinfo.application.port.out.SoftTokenRepository;
import io.contactinfo.application.port.out.UnitOfWork;
import io.contactinfo.application.port.out.UserRepository;
import io.contactinfo.domain.softtoken.SoftToken;
import java.time.Clock;

public final class RollBackSoftTokenStatusService implements RollBackSoftTokenStatusUseCase {

    private final SoftTokenChanges changes;

    public RollBackSoftTokenStatusService(UserRepository users, SoftTokenRepository tokens, AuditLog auditLog,
                                          NotificationOutbox outbox, UnitOfWork unitOfWork, Clock clock) {
        this.changes = new SoftTokenChanges(users, tokens, auditLog, outbox, unitOfWork, clock);
    }

    @Override
    public SoftToken rollBack(RollBackSoftTokenStatusCommand command) {
        return changes.apply(command.caller(), "soft-token.status.rolled-back", SoftToken::rollback);
    }
}
