package io.contactinfo.domain.testing;

import io.contactinfo.domain.account.AccountId;
import io.contactinfo.domain.account.AccountStatus;
import io.contactinfo.domain.contact.Destination;
import io.contactinfo.domain.contact.Email;
import io.contactinfo.domain.contact.EmailAddress;
import io.contactinfo.domain.contact.EmailId;
import io.contactinfo.domain.contact.EmailPolicy;
import io.contactinfo.domain.contact.Phone;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.user.Address;
import io.contactinfo.domain.user.CertifiedPhone;
import io.contactinfo.domain.user.IdentifyingData;
import io.contactinfo.domain.user.InstitutionCustomerId;
import io.contactinfo.domain.user.PersonName;
import io.contactinfo.domain.user.UpdateContext;
import io.contactinfo.domain.user.User;
import io.contactinfo.domain.user.UserId;
import io.contactinfo.domain.user.UserProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Builds users for tests: {@code aUser().withPhone(aPhone().mobile().isDefault()).withEmail("jane@example.com").build()}.
 * Without a call, a user has no phone, no email and an empty profile, under an account.
 */
public final class UserBuilder {

    public static final InstitutionId BANK = new InstitutionId("demo-bank");

    private UserId id = UserId.random();
    private InstitutionId institutionId = BANK;
    private InstitutionCustomerId customerId = new InstitutionCustomerId("c-1001");
    private Optional<AccountId> accountId = Optional.of(AccountId.random());
    private UserProfile profile = UserProfile.EMPTY;
    private final List<Phone> phones = new ArrayList<>();
    private Optional<Email> email = Optional.empty();
    private Optional<CertifiedPhone> certifiedPhone = Optional.empty();

    private UserBuilder() {
    }

    public static UserBuilder aUser() {
        return new UserBuilder();
    }

    /** The context of an update to an active account, in production mode, with no contact verification. */
    public static UpdateContext anUpdateContext() {
        return updateContext(AccountStatus.ACTIVE, EmailPolicy.PRODUCTION, Set.of());
    }

    public static UpdateContext updateContext(AccountStatus status, EmailPolicy policy, Set<Destination> verified) {
        return new UpdateContext(status, policy, verified, TestClock.NOW);
    }

    public UserBuilder institution(String value) {
        this.institutionId = new InstitutionId(value);
        return this;
    }

    public UserBuilder customerId(String value) {
        this.customerId = new InstitutionCustomerId(value);
        return this;
    }

    public UserBuilder withPhone(PhoneBuilder phone) {
        this.phones.add(phone.build());
        return this;
    }

    public UserBuilder withEmail(String address) {
        return withEmail(address, false);
    }

    public UserBuilder withEmail(String address, boolean isVerified) {
        this.email = Optional.of(new Email(EmailId.random(), new EmailAddress(address), isVerified, TestClock.NOW));
        return this;
    }

    public UserBuilder withName(String first, String last) {
        this.profile = profile.withName(PersonName.of(first, null, last));
        return this;
    }

    public UserBuilder withAddresses(AddressBuilder... addresses) {
        List<Address> built = new ArrayList<>();
        for (AddressBuilder address : addresses) {
            built.add(address.build());
        }
        this.profile = profile.withAddresses(built);
        return this;
    }

    public UserBuilder withIdentifyingData(IdentifyingData data) {
        this.profile = profile.withIdentifyingData(data);
        return this;
    }

    public UserBuilder kycCompleted() {
        this.profile = profile.withKycCompleted();
        return this;
    }

    public UserBuilder certified(CertifiedPhone phone) {
        this.certifiedPhone = Optional.of(phone);
        return this;
    }

    public UserBuilder withoutAccount() {
        this.accountId = Optional.empty();
        return this;
    }

    public User build() {
        return User.reconstitute(id, institutionId, customerId, accountId, profile, phones, email, certifiedPhone);
    }
}
