package io.contactinfo.application.service;

import io.contactinfo.application.port.in.CallerContext;
import io.contactinfo.application.port.in.NotFoundException;
import io.contactinfo.application.port.in.Scope;
import io.contactinfo.application.port.out.AuditLog;
import io.contactinfo.application.port.out.AuditRecord;
import io.contactinfo.application.port.out.Notification;
import io.contactinfo.application.port.out.NotificationOutbox;
import io.contactinfo.application.port.out.SoftTokenRepository;
import io.contactinfo.application.port.out.UnitOfWork;
import io.contactinfo.application.port.out.UserRepository;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.softtoken.SoftToken;
import io.contactinfo.domain.user.User;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A status change of the caller's customer's soft token (seed 003), whichever the API: the token found, the
 * domain's change applied and stored, audited with the numeric statuses, and the customer notified.
 */
final class SoftTokenChanges {

    private final EntitledCustomers customers;
    private final SoftTokenRepository tokens;
    private final AuditTrail audit;
    private final UserNotices notices;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    SoftTokenChanges(UserRepository users, SoftTokenRepository tokens, AuditLog auditLog, NotificationOutbox outbox,
                     UnitOfWork unitOfWork, Clock clock) {
        this.customers = new EntitledCustomers(users);
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.audit = new AuditTrail(auditLog, clock);
        this.notices = new UserNotices(new CustomerNotices(outbox));
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param action what the audit record calls the change
     * @param change the domain's change of the token at the given time
     * @throws NotFoundException CUSTOMER when the token names no customer of the caller's institution, SOFT_TOKEN
     *                           when the customer has none (one is provisioned PRE_ASSIGNED, never created here)
     */
    SoftToken apply(CallerContext caller, String action, BiFunction<SoftToken, Instant, SoftToken> change) {
        caller.require(Scope.INSTITUTION_USERS_WRITE);
        InstitutionId institution = caller.institutionId();
        return unitOfWork.transactionally(() -> {
            User user = customers.tokenCustomer(caller);
            SoftToken token = tokens.find(institution, user.id())
                    .orElseThrow(() -> new NotFoundException(NotFoundException.Resource.SOFT_TOKEN));
            SoftToken changed = change.apply(token, clock.instant());
            tokens.save(institution, changed);
            audit.record(caller, action, user.id().toString(), auditChanges(token, changed));
            notices.toUsualDestination(user, Notification.Kind.SOFT_TOKEN_CHANGED, Map.of(
                    "status", changed.status().name(), "statusCode", String.valueOf(changed.status().code())));
            return changed;
        });
    }

    private static List<AuditRecord.Change> auditChanges(SoftToken before, SoftToken after) {
        List<AuditRecord.Change> changes = new ArrayList<>();
        changes.add(AuditTrail.change("status", Optional.of(String.valueOf(before.status().code())),
                String.valueOf(after.status().code())));
        if (before.deviceBinding().isPresent() && after.deviceBinding().isEmpty()) {
            changes.add(AuditTrail.change("deviceBinding", Optional.of("bound"), "removed"));
        }
        return changes;
    }
}
