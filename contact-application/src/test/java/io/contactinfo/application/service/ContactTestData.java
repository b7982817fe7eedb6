package io.contactinfo.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactinfo.application.port.in.CallerContext;
import io.contactinfo.application.port.in.Scope;
import io.contactinfo.application.port.out.AuditRecord;
import io.contactinfo.domain.account.AccountId;
import io.contactinfo.domain.contact.Email;
import io.contactinfo.domain.contact.EmailAddress;
import io.contactinfo.domain.contact.EmailId;
import io.contactinfo.domain.contact.Phone;
import io.contactinfo.domain.contact.PhoneId;
import io.contactinfo.domain.contact.PhoneNumber;
import io.contactinfo.domain.contact.PhoneType;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.user.InstitutionCustomerId;
import io.contactinfo.domain.user.User;
import io.contactinfo.domain.user.UserId;
import io.contactinfo.domain.user.UserProfile;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Institutions, customers, callers and destinations the contact-info and OTP service tests share. */
final class ContactTestData {

    static final Instant NOW = Instant.parse("2026-03-14T15:09:26Z");
    /** Long enough ago for every cool-off. */
    static final Instant LONG_AGO = Instant.parse("2024-01-02T03:04:05Z");

    static final InstitutionId BANK_A = new InstitutionId("bank-a");
    static final InstitutionId BANK_B = new InstitutionId("bank-b");
    static final InstitutionCustomerId JANE = new InstitutionCustomerId("c-1001");
    static final InstitutionCustomerId JOHN = new InstitutionCustomerId("c-1002");

    static final PhoneNumber JANE_MOBILE = new PhoneNumber("2125550147");
    static final PhoneNumber JANE_HOME = new PhoneNumber("2125550148");
    static final PhoneNumber NEW_NUMBER = new PhoneNumber("6465550199");
    static final EmailAddress JANE_EMAIL = new EmailAddress("Jane.Doe@Example.com");
    static final EmailAddress NEW_EMAIL = new EmailAddress("jane.new@example.org");

    private ContactTestData() {
    }

    /** A caller of {@code institution} acting for any of its customers (no customer claim). */
    static CallerContext caller(InstitutionId institution, Scope... scopes) {
        return new CallerContext(institution, Optional.empty(), "client-7", "subject-7", Set.of(scopes),
                "0b6f3a52-58c2-4d4e-9f57-0e0c1f6e2a41");
    }

    /** A caller whose token was issued for {@code customer}. */
    static CallerContext callerFor(InstitutionId institution, InstitutionCustomerId customer, Scope... scopes) {
        return new CallerContext(institution, Optional.of(customer), "client-7", "subject-7", Set.of(scopes),
                "0b6f3a52-58c2-4d4e-9f57-0e0c1f6e2a41");
    }

    static Phone phone(PhoneNumber number, PhoneType type, boolean isDefault, Instant lastUpdated) {
        return new Phone(PhoneId.random(), number, type, isDefault, true, lastUpdated);
    }

    static Email email(EmailAddress address, Instant lastUpdated) {
        return new Email(EmailId.random(), address, true, lastUpdated);
    }

    /** Jane: a default mobile, a home phone and an email, all set long ago; under {@code account} if given. */
    static User jane(InstitutionId institution, Optional<AccountId> account) {
        return User.create(UserId.random(), institution, JANE, account, UserProfile.EMPTY,
                List.of(phone(JANE_MOBILE, PhoneType.MOBILE, true, LONG_AGO),
                        phone(JANE_HOME, PhoneType.HOME, false, LONG_AGO)),
                Optional.of(email(JANE_EMAIL, LONG_AGO)));
    }

    /** Asserts that no audit record holds any of {@code secrets} (codes, full numbers, addresses), in any case. */
    static void assertNoneHolds(List<AuditRecord> records, String... secrets) {
        assertThat(records).isNotEmpty().allSatisfy(record -> {
            String text = record.toString().toLowerCase(Locale.ROOT);
            Arrays.stream(secrets).forEach(secret -> assertThat(text).doesNotContain(secret.toLowerCase(Locale.ROOT)));
        });
    }
}
