package io.contactinfo.bench;

import io.contactinfo.domain.account.AccountId;
import io.contactinfo.domain.contact.EmailAddress;
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
import io.contactinfo.domain.user.User;
import io.contactinfo.domain.user.UserChange;
import io.contactinfo.domain.user.UserId;
import io.contactinfo.domain.user.UserUpdate;
import io.contactinfo.domain.testing.UserBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The user data of an enrollment: every field's rule as the value objects are built, then the enrollment's rules. */
@State(Scope.Benchmark)
public class UserDataValidationBenchmark {

    private static final LocalDate TODAY = LocalDate.of(2030, 1, 1);
    private static final InstitutionId BANK = new InstitutionId("demo-bank");

    @Benchmark
    public UserUpdate buildUserUpdate() {
        return UserUpdate.NOTHING
                .withName(PersonName.of("Ada", null, "Lovelace"))
                .withAddresses(List.of(new RequestedAddress(AddressType.HOME,
                        PostalAddress.of("1234 E Foothill Blvd", "Ste 5", "Pasadena", "CA", "91107", null), true)))
                .withIdentifyingData(new IdentifyingData(DateOfBirth.parse("1980-05-17", TODAY),
                        Optional.of(new Ssn("123456789")), Optional.empty()))
                .withEmail(new EmailAddress("ada@example.com"))
                .withPhones(List.of(new RequestedPhone(new PhoneNumber("2125550101"), PhoneType.MOBILE, true),
                        new RequestedPhone(new PhoneNumber("2125550102"), PhoneType.HOME, false)));
    }

    @Benchmark
    public UserChange enroll() {
        return User.enroll(UserId.random(), BANK, new InstitutionCustomerId("c-2001"), AccountId.random(),
                buildUserUpdate(), UserBuilder.anUpdateContext());
    }
}
