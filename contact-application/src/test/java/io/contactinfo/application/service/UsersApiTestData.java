package io.contactinfo.application.service;

import static io.contactinfo.application.service.ContactTestData.NOW;
import static io.contactinfo.application.service.ContactTestData.caller;

import io.contactinfo.application.inmemory.InMemoryPorts;
import io.contactinfo.application.port.in.CallerContext;
import io.contactinfo.application.port.in.ChangeAccountStatusCommand;
import io.contactinfo.application.port.in.EnrollCommand;
import io.contactinfo.application.port.in.EnrollResult;
import io.contactinfo.application.port.in.Scope;
import io.contactinfo.application.port.out.AuditLog;
import io.contactinfo.application.port.out.NotificationOutbox;
import io.contactinfo.domain.account.AccountId;
import io.contactinfo.domain.account.AccountStatus;
import io.contactinfo.domain.contact.EmailAddress;
import io.contactinfo.domain.contact.EmailPolicy;
import io.contactinfo.domain.contact.PhoneNumber;
import io.contactinfo.domain.contact.PhoneType;
import io.contactinfo.domain.contact.RequestedPhone;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.user.AddressType;
import io.contactinfo.domain.user.DateOfBirth;
import io.contactinfo.domain.user.IdentifyingData;
import io.contactinfo.domain.user.InstitutionCustomerId;
import io.contactinfo.domain.user.PersonName;
import io.contactinfo.domain.user.PostalAddress;
import io.contactinfo.domain.user.RequestedAddress;
import io.contactinfo.domain.user.Ssn;
import io.contactinfo.domain.user.UserUpdate;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/** People, enrollments and failing ports the Users API and Security API service tests share. */
final class UsersApiTestData {

    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static final String JANE_SSN = "123456789";
    static final PhoneNumber MOBILE = new PhoneNumber("2125550147");
    static final PhoneNumber OTHER_MOBILE = new PhoneNumber("6465550199");
    static final EmailAddress JANE_EMAIL = new EmailAddress("jane.doe@example.com");

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private UsersApiTestData() {
    }

    static CallerContext writer(InstitutionId institution) {
        return caller(institution, Scope.INSTITUTION_USERS_WRITE);
    }

    static CallerContext reader(InstitutionId institution) {
        return caller(institution, Scope.INSTITUTION_USERS_READ);
    }

    /** Jane Doe of Pasadena, with her SSN, a default mobile and an email. */
    static UserUpdate jane() {
        return person(JANE_SSN, MOBILE).withEmail(JANE_EMAIL);
    }

    /** A person with a name, a home address, the full {@code ssn} and the given mobile (first) and home phones. */
    static UserUpdate person(String ssn, PhoneNumber... phones) {
        List<PhoneType> types = List.of(PhoneType.MOBILE, PhoneType.HOME, PhoneType.WORK);
        List<RequestedPhone> requested = IntStream.range(0, phones.length)
                .mapToObj(i -> new RequestedPhone(phones[i], types.get(i), i == 0))
                .toList();
        return UserUpdate.NOTHING
                .withName(PersonName.of("Jane", null, "Doe"))
                .withAddresses(List.of(homeAddress("1234 E Foothill Blvd")))
                .withIdentifyingData(identity(ssn))
                .withPhones(requested);
    }

    static RequestedAddress homeAddress(String line1) {
        return new RequestedAddress(AddressType.HOME,
                PostalAddress.of(line1, "Ste 000", "Pasadena", "CA", "91107", null), true);
    }

    static IdentifyingData identity(String ssn) {
        return new IdentifyingData(new DateOfBirth(LocalDate.of(1980, 5, 17)), Optional.of(new Ssn(ssn)),
                Optional.empty());
    }

    /** A distinct SSN for each call, so that only the phone limits are at play. */
    static String anotherSsn() {
        return String.format("%09d", 900_000_000 + SEQUENCE.incrementAndGet());
    }

    static InstitutionCustomerId anotherCustomerId() {
        return new InstitutionCustomerId("c-" + (10_000 + SEQUENCE.incrementAndGet()));
    }

    static EnrollCommand enrollment(InstitutionId institution, UserUpdate person) {
        return new EnrollCommand(writer(institution), Optional.of(anotherCustomerId()), Optional.empty(),
                AccountStatus.ACTIVE, person);
    }

    static EnrollService enrollService(InMemoryPorts ports) {
        return enrollService(ports, ports.audit());
    }

    static EnrollService enrollService(InMemoryPorts ports, AuditLog auditLog) {
        return new EnrollService(ports.users(), ports.accounts(), ports.institutions(), ports.limits(), auditLog,
                ports.unitOfWork(), EmailPolicy.PRODUCTION, CLOCK);
    }

    /** Enrolls {@code person} in an active account of {@code institution}, as a test's given. */
    static EnrollResult enroll(InMemoryPorts ports, InstitutionId institution, UserUpdate person) {
        return enrollService(ports).enroll(enrollment(institution, person));
    }

    /** Moves an account to {@code status}, as a test's given. */
    static void setStatus(InMemoryPorts ports, InstitutionId institution, AccountId account, AccountStatus status) {
        new ChangeAccountStatusService(ports.accounts(), ports.users(), ports.audit(), ports.unitOfWork(), CLOCK)
                .change(new ChangeAccountStatusCommand(writer(institution), account, status));
    }

    /** An audit log that keeps the record in {@code ports}, then fails: the work must roll it back. */
    static AuditLog failingAuditLog(InMemoryPorts ports) {
        return record -> {
            ports.audit().append(record);
            throw new IllegalStateException("audit log unavailable");
        };
    }

    /** An outbox that keeps the notification in {@code ports}, then fails: the work must roll everything back. */
    static NotificationOutbox failingOutbox(InMemoryPorts ports) {
        return notification -> {
            ports.outbox().enqueue(notification);
            throw new IllegalStateException("outbox unavailable");
        };
    }
}
