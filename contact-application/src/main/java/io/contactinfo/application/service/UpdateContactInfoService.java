package io.contactinfo.application.service;

import io.contactinfo.application.port.in.CallerContext;
import io.contactinfo.application.port.in.Scope;
import io.contactinfo.application.port.in.UpdateContactInfoCommand;
import io.contactinfo.application.port.in.UpdateContactInfoUseCase;
import io.contactinfo.application.port.out.AccountRepository;
import io.contactinfo.application.port.out.AuditLog;
import io.contactinfo.application.port.out.InstitutionRepository;
import io.contactinfo.application.port.out.LimitRegistry;
import io.contactinfo.application.port.out.NotificationOutbox;
import io.contactinfo.application.port.out.UnitOfWork;
import io.contactinfo.application.port.out.UserRepository;
import io.contactinfo.domain.account.Account;
import io.contactinfo.domain.account.AccountId;
import io.contactinfo.domain.account.AccountStatus;
import io.contactinfo.domain.contact.EmailPolicy;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.user.AddressType;
import io.contactinfo.domain.user.InstitutionCustomerId;
import io.contactinfo.domain.user.RequestedAddress;
import io.contactinfo.domain.user.UpdateContext;
import io.contactinfo.domain.user.User;
import io.contactinfo.domain.user.UserChange;
import io.contactinfo.domain.user.UserPart;
import io.contactinfo.domain.user.UserUpdate;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

public final class UpdateContactInfoService implements UpdateContactInfoUseCase {

    /** The parts the Contact Info API changes, in the order its notices name them. */
    private static final List<UserPart> CONTACT_INFO = List.of(UserPart.EMAIL, UserPart.PHONES, UserPart.ADDRESSES);

    private final EntitledCustomers customers;
    private final UserRepository users;
    private final AccountRepository accounts;
    private final AccountLimits limits;
    private final AuditTrail audit;
    private final UserNotices notices;
    private final UnitOfWork unitOfWork;
    private final EmailPolicy emailPolicy;
    private final Clock clock;

    public UpdateContactInfoService(UserRepository users, AccountRepository accounts,
                                    InstitutionRepository institutions, LimitRegistry limits, AuditLog auditLog,
                                    NotificationOutbox outbox, UnitOfWork unitOfWork, EmailPolicy emailPolicy,
                                    Clock clock) {
        this.users = Objects.requireNonNull(users, "users");
        this.customers = new EntitledCustomers(users);
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.audit = new AuditTrail(auditLog, clock);
        this.limits = new AccountLimits(limits, institutions, audit);
        this.notices = new UserNotices(new CustomerNotices(outbox));
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
        this.emailPolicy = Objects.requireNonNull(emailPolicy, "emailPolicy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void update(UpdateContactInfoCommand command) {
        CallerContext caller = command.caller();
        caller.require(Scope.INSTITUTION_USERS_WRITE);
        limits.auditingRefusals(unitOfWork, caller, () -> {
            User user = find(command);
            AccountStatus status = user.accountId().map(id -> account(user.institutionId(), id))
                    .map(Account::status).orElse(AccountStatus.ACTIVE);
            // The Users API's rule holds here too (this API depends on it, seed 001): a locked or closed
            // account's user cannot be updated; replacing a phone number does not check it by itself.
            status.requireProfileUpdatable();
            UserChange change = apply(command, user, new UpdateContext(status, emailPolicy, Set.of(), clock.instant()));
            if (!change.isChanged()) {
                return;
            }
            user.accountId().ifPresent(account -> limits.follow(caller.institutionId(), account, change));
            users.update(change.before(), change.after());
            audit.record(caller, "contact-info.updated", user.id().toString(), UserAuditChanges.of(change));
            notices.contactChanged(change, changedNames(change));
        });
    }

    private User find(UpdateContactInfoCommand command) {
        return switch (command.userIdType()) {
            case CUSTOMER_ID -> customers.byCustomerId(command.caller(), new InstitutionCustomerId(command.userId()));
            case LOGIN_ID -> customers.byLoginId(command.caller(), command.userId());
        };
    }

    private Account account(InstitutionId institution, AccountId accountId) {
        return accounts.findById(institution, accountId)
                .orElseThrow(() -> new IllegalStateException("a user's account is missing: " + accountId));
    }

    /** The email alone, or the phone and then the home address, each by the domain's rules. */
    private static UserChange apply(UpdateContactInfoCommand command, User user, UpdateContext context) {
        if (command.email().isPresent()) {
            return user.update(UserUpdate.NOTHING.withEmail(command.email().get()), context);
        }
        UserChange phone = command.phone()
                .map(p -> user.replacePhoneNumber(p.oldNumber(), p.newNumber(), context.verified(), context.now()))
                .orElseGet(() -> new UserChange(user, user, Set.of(), List.of()));
        if (command.postalAddress().isEmpty()) {
            return phone;
        }
        RequestedAddress home = new RequestedAddress(AddressType.HOME, command.postalAddress().get(), true);
        UserChange address = phone.after().update(UserUpdate.NOTHING.withAddresses(List.of(home)), context);
        Set<UserPart> changed = EnumSet.noneOf(UserPart.class);
        changed.addAll(phone.changed());
        changed.addAll(address.changed());
        return new UserChange(user, address.after(), changed, phone.newPhoneNumbers());
    }

    /** Which contact info changed, as the API's fields name it: e.g. {@code phoneNumber,postalAddress}. */
    private static String changedNames(UserChange change) {
        return CONTACT_INFO.stream().filter(change.changed()::contains)
                .map(UpdateContactInfoService::fieldName).collect(Collectors.joining(","));
    }

    private static String fieldName(UserPart part) {
        return switch (part) {
            case EMAIL -> "email";
            case PHONES -> "phoneNumber";
            case ADDRESSES -> "postalAddress";
            default -> throw new IllegalArgumentException("not changed by the Contact Info API: " + part);
        };
    }
}
