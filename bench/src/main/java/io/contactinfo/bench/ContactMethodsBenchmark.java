package io.contactinfo.bench;

import io.contactinfo.domain.contact.ContactMethod;
import io.contactinfo.domain.contact.EmailAddress;
import io.contactinfo.domain.contact.PhoneNumber;
import io.contactinfo.domain.user.PostalAddress;
import io.contactinfo.domain.user.User;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.List;

import static io.contactinfo.domain.testing.PhoneBuilder.aPhone;
import static io.contactinfo.domain.testing.UserBuilder.aUser;

/** What GET contact-methods computes once the user is loaded: the methods of three phones and an email, masked. */
@State(Scope.Benchmark)
public class ContactMethodsBenchmark {

    private User user;
    private PhoneNumber phone;
    private EmailAddress email;
    private PostalAddress address;

    @Setup
    public void setUp() {
        user = aUser()
                .withPhone(aPhone().number("2125550147").mobile().isDefault().verified())
                .withPhone(aPhone().number("2125550123").home())
                .withPhone(aPhone().number("2125550199").work())
                .withEmail("jane.doe@example.com", true)
                .build();
        phone = new PhoneNumber("2125550147");
        email = new EmailAddress("jane.doe@example.com");
        address = PostalAddress.of("1234 E Foothill Blvd", null, "Pasadena", "CA", "91107", null);
    }

    @Benchmark
    public List<ContactMethod> contactMethods() {
        return user.contactMethods();
    }

    @Benchmark
    public String maskPhone() {
        return phone.masked();
    }

    @Benchmark
    public String maskEmail() {
        return email.masked();
    }

    @Benchmark
    public String maskAddressLine() {
        return address.maskedLine1();
    }
}
