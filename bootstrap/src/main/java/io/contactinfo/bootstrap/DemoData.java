package io.contactinfo.bootstrap;

import io.contactinfo.adapter.rest.security.AccessConfiguration;
import io.contactinfo.application.port.out.SoftTokenRepository;
import io.contactinfo.application.port.out.UserRepository;
import io.contactinfo.domain.contact.Email;
import io.contactinfo.domain.contact.EmailAddress;
import io.contactinfo.domain.contact.EmailId;
import io.contactinfo.domain.contact.Phone;
import io.contactinfo.domain.contact.PhoneId;
import io.contactinfo.domain.contact.PhoneNumber;
import io.contactinfo.domain.contact.PhoneType;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.softtoken.SoftToken;
import io.contactinfo.domain.user.InstitutionCustomerId;
import io.contactinfo.domain.user.User;
import io.contactinfo.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The demo institution and its customers that dev mode loads on first start. Numbers are fictional (555-01xx). */
final class DemoData {

    static final InstitutionId INSTITUTION = new InstitutionId("demo-bank");
    /**
     * The Security API's country/business/channel combinations the demo institution has enabled: the
     * United States, any business code, any channel.
     */
    static final AccessConfiguration ACCESS = AccessConfiguration.granting(List.of(
            new AccessConfiguration.Grant(INSTITUTION.value(), "US", AccessConfiguration.Grant.ANY,
                    AccessConfiguration.Grant.ANY)));

    /** The customer the printed token is issued for. */
    static final InstitutionCustomerId FIRST_CUSTOMER = new InstitutionCustomerId("c-1001");

    private DemoData() {
    }

    /**
     * Adds the demo customers, each with a soft token in 64 PRE_ASSIGNED, unless the demo institution
     * already has users; returns whether it did.
     */
    static boolean loadIfEmpty(UserRepository users, SoftTokenRepository softTokens, Clock clock) {
        if (users.hasUsers(INSTITUTION)) {
            return false;
        }
        Instant now = clock.instant();
        List<User> customers = List.of(
                customer("c-1001", List.of(
                        phone("2125550147", PhoneType.MOBILE, true, true, now),
                        phone("2125550123", PhoneType.HOME, false, false, now)), "jane.doe@example.com", now),
                customer("c-1002", List.of(
                        phone("3055550188", PhoneType.MOBILE, true, false, now)), "luis.garcia@example.com", now),
                customer("c-1003", List.of(
                        phone("4155550166", PhoneType.WORK, false, true, now)), null, now));
        for (User customer : customers) {
            users.add(customer);
            softTokens.save(INSTITUTION, SoftToken.preAssign(customer.id(), now));
        }
        return true;
    }

    private static User customer(String customerId, List<Phone> phones, String email, Instant now) {
        return User.create(UserId.random(), INSTITUTION, new InstitutionCustomerId(customerId), phones,
                Optional.ofNullable(email).map(e -> new Email(EmailId.random(), new EmailAddress(e), true, now)));
    }

    private static Phone phone(String digits, PhoneType type, boolean isDefault, boolean isVerified, Instant now) {
        return new Phone(PhoneId.random(), new PhoneNumber(digits), type, isDefault, isVerified, now);
    }
}
