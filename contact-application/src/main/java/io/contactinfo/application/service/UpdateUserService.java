package io.contactinfo.application.service;

import io.contactinfo.application.port.in.CallerContext;
import io.contactinfo.application.port.in.NotFoundException;
import io.contactinfo.application.port.in.Scope;
import io.contactinfo.application.port.in.UpdateUserCommand;
import io.contactinfo.application.port.in.UpdateUserUseCase;
import io.contactinfo.application.port.out.AccountRepository;
import io.contactinfo.application.port.out.AuditLog;
import io.contactinfo.application.port.out.InstitutionRepository;
import io.contactinfo.application.port.out.LimitRegistry;
import io.contactinfo.application.port.out.NotificationOutbox;
import io.contactinfo.application.port.out.OtpStore;
import io.contactinfo.application.port.out.UnitOfWork;
import io.contactinfo.application.port.out.UserRepository;
import io.contactinfo.domain.account.Account;
import io.contactinfo.domain.contact.Destination;
import io.contactinfo.domain.contact.EmailPolicy;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.otp.ContactVerification;
import io.contactinfo.domain.otp.ContactVerificationId;
import io.contactinfo.domain.user.UpdateContext;
import io.contactinfo.domain.user.User;
import io.contactinfo.domain.user.UserChange;
import io.contactinfo.domain.user.UserPart;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

public final class UpdateUserService implements UpdateUserUseCase {

    private final AccountUsers accountUsers;
    private final UserRepository users;
    private final OtpStore otps;
    private final AccountLimits limits;
    private final AuditTrail audit;
    private final UserNotices notices;
    private final UnitOfWork unitOfWork;
    private final EmailPolicy emailPolicy;
    private final Clock clock;

    public UpdateUserService(AccountRepository accounts, UserRepository users, OtpStore otps,
                             InstitutionRepository institutions, LimitRegistry limits, AuditLog auditLog,
                             NotificationOutbox outbox, UnitOfWork unitOfWork, EmailPolicy emailPolicy, Clock clock) {
        this.accountUsers = new AccountUsers(accounts, users);
        this.users = Objects.requireNonNull(users, "users");
        this.otps = Objects.requireNonNull(otps, "otps");
        this.audit = new AuditTrail(auditLog, clock);
        this.limits = new AccountLimits(limits, institutions, audit);
        this.notices = new UserNotices(new CustomerNotices(outbox));
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
        this.emailPolicy = Objects.requireNonNull(emailPolicy, "emailPolicy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public User update(UpdateUserCommand command) {
        CallerContext caller = command.caller();
        caller.require(Scope.INSTITUTION_USERS_WRITE);
        return limits.auditingRefusals(unitOfWork, caller, () -> {
            Account account = accountUsers.account(caller, command.accountId());
            User user = accountUsers.user(caller, account, command.userId());
            // Refused as locked before any verification is looked at or used (seed 002: 5/362).
            account.status().requireProfileUpdatable();
            Instant now = clock.instant();
            Set<Destination> verified = redeem(caller.institutionId(), user, command.contactVerificationIdentifiers(),
                    now);
            UserChange change = user.update(command.update(),
                    new UpdateContext(account.status(), emailPolicy, verified, now));
            if (!change.isChanged()) {
                return user;
            }
            limits.follow(caller.institutionId(), account.id(), change);
            users.update(change.before(), change.after());
            audit.record(caller, "user.updated", user.id().toString(), UserAuditChanges.of(change));
            if (change.changed().stream().anyMatch(UserPart::isContactInfo)) {
                notices.contactChanged(change, changedContactInfo(change));
            }
            return change.after();
        });
    }

    /**
     * Uses each contact verification once (SPEC §4.5).
     *
     * @return the destinations they prove the user controls
     * @throws NotFoundException CONTACT_VERIFICATION for an id that is not one of this user's verifications: another
     *                           user's is not disclosed, so the domain's VERIFICATION_OTHER_USER never fires here
     */
    private Set<Destination> redeem(InstitutionId institution, User user, List<ContactVerificationId> ids,
                                    Instant now) {
        Set<Destination> verified = new HashSet<>();
        for (ContactVerificationId id : new LinkedHashSet<>(ids)) {
            ContactVerification verification = otps.find(institution, id)
                    .filter(v -> v.userId().equals(user.id()))
                    .orElseThrow(() -> new NotFoundException(NotFoundException.Resource.CONTACT_VERIFICATION));
            ContactVerification redeemed = verification.redeem(user.id(), now);
            otps.update(institution, redeemed);
            verified.add(redeemed.destination());
        }
        return verified;
    }


    /** Which contact info changed, as the Users API names it: e.g. {@code email,phoneNumbers}. */
    private static String changedContactInfo(UserChange change) {
        return change.changed().stream().filter(UserPart::isContactInfo).sorted()
                .map(part -> switch (part) {
                    case EMAIL -> "email";
                    case PHONES -> "phoneNumbers";
                    default -> part.name().toLowerCase(Locale.ROOT);
                })
                .collect(Collectors.joining(","));
    }
}
