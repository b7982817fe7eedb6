package io.contactinfo.application.service;

import io.contactinfo.application.port.in.ChangeSoftTokenStatusCommand;
import io.contactinfo.application.port.in.ChangeSoftTokenStatusUseCase;
import io.contactinfo.application.port.out.AuditLog;
import io.contactinfo.application.port.out.NotificationOutbox;
import io.contactinfo.application.port.out.SoftTokenRepository;
import io.contactinfo.application.port.out.UnitOfWork;
import io.contactinfo.application.port.out.UserRepository;
import io.contactinfo.domain.softtoken.SoftToken;
import java.time.Clock;

public final class ChangeSoftTokenStatusService implements ChangeSoftTokenStatusUseCase {

    private final SoftTokenChanges changes;

    public ChangeSoftTokenStatusService(UserRepository users, SoftTokenRepository tokens, AuditLog auditLog,
                                        NotificationOutbox outbox, UnitOfWork unitOfWork, Clock clock) {
        this.changes = new SoftTokenChanges(users, tokens, auditLog, outbox, unitOfWork, clock);
    }

    @Override
    public SoftToken change(ChangeSoftTokenStatusCommand command) {
        return changes.apply(command.caller(), "soft-token.status.changed",
                (token, now) -> token.changeStatus(command.status(), now));
    }
}
