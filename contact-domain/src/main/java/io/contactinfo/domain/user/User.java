package io.contactinfo.domain.user;

import io.contactinfo.domain.account.AccountId;
import io.contactinfo.domain.contact.ContactMethod;
import io.contactinfo.domain.contact.ContactRule;
import io.contactinfo.domain.contact.Destination;
import io.contactinfo.domain.contact.Email;
import io.contactinfo.domain.contact.EmailAddress;
import io.contactinfo.domain.contact.Phone;
import io.contactinfo.domain.contact.PhoneId;
import io.contactinfo.domain.contact.PhoneNumber;
import io.contactinfo.domain.contact.PhoneType;
import io.contactinfo.domain.contact.PhoneUpdate;
import io.contactinfo.domain.contact.Phones;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.rule.Require;
import io.contactinfo.domain.rule.RuleViolation;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A customer of an institution: the phones and email the institution keeps for them, their profile
 * (name, addresses, identifying data, terms, preferences, login id), the account they are a user of,
 * and the phone they certified.
 */
public final class User {

    private final UserId id;
    private final InstitutionId institutionId;
    private final InstitutionCustomerId customerId;
    private final Optional<AccountId> accountId;
    private final UserProfile profile;
    private final List<Phone> phones;
    private final Optional<Email> email;
    private final Optional<CertifiedPhone> certifiedPhone;

    private User(UserId id, InstitutionId institutionId, InstitutionCustomerId customerId,
                 Optional<AccountId> accountId, UserProfile profile, List<Phone> phones, Optional<Email> email,
                 Optional<CertifiedPhone> certifiedPhone) {
        this.id = Objects.requireNonNull(id, "id");
        this.institutionId = Objects.requireNonNull(institutionId, "institutionId");
        this.customerId = Objects.requireNonNull(customerId, "customerId");
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.profile = Objects.requireNonNull(profile, "profile");
        this.phones = List.copyOf(phones);
        this.email = Objects.requireNonNull(email, "email");
        this.certifiedPhone = Objects.requireNonNull(certifiedPhone, "certifiedPhone");
    }

    /** A new user; the phones obey {@link Phones#withOneDefault}. */
    public static User create(UserId id, InstitutionId institutionId, InstitutionCustomerId customerId,
                              List<Phone> phones, Optional<Email> email) {
        return create(id, institutionId, customerId, Optional.empty(), UserProfile.EMPTY, phones, email);
    }

    /** A new user with a profile, under an account when it has one; the phones obey {@link Phones#withOneDefault}. */
    public static User create(UserId id, InstitutionId institutionId, InstitutionCustomerId customerId,
                              Optional<AccountId> accountId, UserProfile profile, List<Phone> phones,
                              Optional<Email> email) {
        return new User(id, institutionId, customerId, accountId, profile, Phones.withOneDefault(phones), email,
                Optional.empty());
    }

    /**
     * A user enrolled through the Users API under a new account: the update applied to an empty user,
     * with a name and a home address required (seed 002: firstName and lastName required, "A home
     * address must be provided").
     */
    public static UserChange enroll(UserId id, InstitutionId institutionId, InstitutionCustomerId customerId,
                                    AccountId accountId, UserUpdate enrollment, UpdateContext context) {
        Require.that(enrollment.name().isPresent(), ProfileRule.FIRST_NAME_LENGTH, "firstName");
        Require.that(enrollment.addresses().filter(a -> !a.isEmpty()).isPresent(),
                AddressRule.HOME_DEFAULT_REQUIRED, "addresses");
        User empty = new User(id, institutionId, customerId, Optional.of(accountId), UserProfile.EMPTY, List.of(),
                Optional.empty(), Optional.empty());
        return empty.update(enrollment, context);
    }

    /** A user as it was stored; for repositories only, the rules held when it was saved. */
    public static User reconstitute(UserId id, InstitutionId institutionId, InstitutionCustomerId customerId,
                                    List<Phone> phones, Optional<Email> email) {
        return new User(id, institutionId, customerId, Optional.empty(), UserProfile.EMPTY, phones, email,
                Optional.empty());
    }

    /** A user as it was stored, with everything it holds; for repositories only. */
    public static User reconstitute(UserId id, InstitutionId institutionId, InstitutionCustomerId customerId,
                                    Optional<AccountId> accountId, UserProfile profile, List<Phone> phones,
                                    Optional<Email> email, Optional<CertifiedPhone> certifiedPhone) {
        return new User(id, institutionId, customerId, accountId, profile, phones, email, certifiedPhone);
    }

    /**
     * Applies an update of the Users API (seed 002, "Business Rules"; SPEC §4.2). Omitted parts are
     * untouched; phones follow {@link Phones#update}, addresses {@link Addresses#update}; nothing is deleted.
     * Nothing changes unless every rule holds.
     *
     * @throws RuleViolation when the account is locked or closed, when identifying data would change after
     *                       KYC, when the email address is not allowed in the server's mode, or when a rule
     *                       of phones or addresses breaks
     */
    public UserChange update(UserUpdate update, UpdateContext context) {
        context.accountStatus().requireProfileUpdatable();
        Set<UserPart> changed = EnumSet.noneOf(UserPart.class);
        UserProfile newProfile = profile;

        Optional<IdentifyingData> data =
                update.identifyingData().filter(d -> !profile.identifyingData().equals(Optional.of(d)));
        if (data.isPresent()) {
            Require.that(!profile.kycCompleted(), IdentityRule.IMMUTABLE_AFTER_KYC, "identifyingData");
            newProfile = newProfile.withIdentifyingData(data.get());
            changed.add(UserPart.IDENTIFYING_DATA);
        }
        Optional<PersonName> name = update.name().filter(n -> !profile.name().equals(Optional.of(n)));
        if (name.isPresent()) {
            newProfile = newProfile.withName(name.get());
            changed.add(UserPart.NAME);
        }
        if (update.addresses().isPresent()) {
            List<Address> addresses = Addresses.update(profile.addresses(), update.addresses().get(), context.now());
            if (!sameAddresses(profile.addresses(), addresses)) {
                newProfile = newProfile.withAddresses(addresses);
                changed.add(UserPart.ADDRESSES);
            }
        }
        Optional<Email> newEmail = email;
        if (update.email().isPresent()) {
            EmailAddress address = context.emailPolicy().require(update.email().get());
            Email updated = Email.update(email, address, context.verified(), context.now());
            if (!email.map(e -> e.address().equals(address) && e.isVerified() == updated.isVerified()).orElse(false)) {
                newEmail = Optional.of(updated);
                changed.add(UserPart.EMAIL);
            }
        }
        List<Phone> newPhones = phones;
        List<PhoneNumber> newNumbers = List.of();
        if (update.phones().isPresent()) {
            PhoneUpdate phoneUpdate = Phones.update(phones, update.phones().get(), context.verified(), context.now());
            newNumbers = phoneUpdate.newNumbers();
            if (!samePhones(phones, phoneUpdate.phones())) {
                newPhones = phoneUpdate.phones();
                changed.add(UserPart.PHONES);
            }
        }
        Optional<PeerTransferPreference> preference =
                update.peerTransferPreference().filter(p -> p != profile.peerTransferPreference());
        if (preference.isPresent()) {
            newProfile = newProfile.withPeerTransferPreference(preference.get());
            changed.add(UserPart.PEER_TRANSFER_PREFERENCE);
        }
        List<TermsAcceptance> terms = TermsAcceptance.merge(profile.termsAcceptances(), update.termsAcceptances());
        if (!terms.equals(profile.termsAcceptances())) {
            newProfile = newProfile.withTermsAcceptances(terms);
            changed.add(UserPart.TERMS_ACCEPTANCES);
        }
        User after = new User(id, institutionId, customerId, accountId, newProfile, newPhones, newEmail,
                certificationStillHeld(newPhones));
        return new UserChange(this, after, changed, newNumbers);
    }

    /**
     * Changes the number of the phone that has {@code oldNumber} (the Contact Info API's update, seed 001);
     * changing the certified phone's number removes the certification.
     *
     * @throws RuleViolation {@link ContactRule#PHONE_NOT_FOUND} when the user has no phone with {@code oldNumber}
     */
    public UserChange replacePhoneNumber(PhoneNumber oldNumber, PhoneNumber newNumber, Set<Destination> verified,
                                         Instant now) {
        PhoneUpdate update = Phones.replaceNumber(phones, oldNumber, newNumber, verified, now);
        Set<UserPart> changed = samePhones(phones, update.phones()) ? Set.of() : Set.of(UserPart.PHONES);
        List<Phone> newPhones = changed.isEmpty() ? phones : update.phones();
        User after = new User(id, institutionId, customerId, accountId, profile, newPhones, email,
                certificationStillHeld(newPhones));
        return new UserChange(this, after, changed, update.newNumbers());
    }

    /**
     * Marks a mobile phone of this user as certified by a CERTIFY_PHONE challenge (SPEC §4.5).
     *
     * @throws RuleViolation {@link ContactRule#PHONE_NOT_FOUND} or {@link ContactRule#CERTIFIED_PHONE_MOBILE}
     */
    public User certifyPhone(PhoneId phoneId, Instant now, UUID challengeId) {
        Phone phone = phones.stream().filter(p -> p.id().equals(phoneId)).findFirst()
                .orElseThrow(() -> new RuleViolation(ContactRule.PHONE_NOT_FOUND, "phoneNumber"));
        Require.that(phone.type() == PhoneType.MOBILE, ContactRule.CERTIFIED_PHONE_MOBILE, "phoneNumber");
        return new User(id, institutionId, customerId, accountId, profile, phones, email,
                Optional.of(new CertifiedPhone(phoneId, phone.number(), now, challengeId)));
    }

    /**
     * Records that KYC completed: from now on the identifying data cannot change.
     *
     * @throws RuleViolation {@link IdentityRule#REQUIRED_FOR_KYC} or {@link AddressRule#KYC_HOME_ADDRESS}
     */
    public User completeKyc() {
        Require.that(profile.identifyingData().isPresent(), IdentityRule.REQUIRED_FOR_KYC, "identifyingData");
        Addresses.requireKyc(profile.addresses());
        return new User(id, institutionId, customerId, accountId, profile.withKycCompleted(), phones, email,
                certifiedPhone);
    }

    /** Gives the user a login id (SPEC §4.4). */
    public User withLoginId(LoginId loginId) {
        return new User(id, institutionId, customerId, accountId, profile.withLoginId(loginId), phones, email,
                certifiedPhone);
    }

    /** True when {@code value} is this user's login id or email address, in any case (SPEC §4.4). */
    public boolean isKnownBy(String value) {
        return profile.loginId().filter(l -> l.matches(value)).isPresent()
                || value != null && email.filter(e -> e.address().normalized().equals(value.toLowerCase(Locale.ROOT)))
                .isPresent();
    }

    private Optional<CertifiedPhone> certificationStillHeld(List<Phone> newPhones) {
        return certifiedPhone.filter(c -> newPhones.stream()
                .anyMatch(p -> p.id().equals(c.phoneId()) && p.number().equals(c.number())));
    }

    private static boolean samePhones(List<Phone> before, List<Phone> after) {
        return before.stream().map(User::untimed).toList().equals(after.stream().map(User::untimed).toList());
    }

    private static Phone untimed(Phone phone) {
        return new Phone(phone.id(), phone.number(), phone.type(), phone.isDefault(), phone.isVerified(),
                Instant.EPOCH);
    }

    private static boolean sameAddresses(List<Address> before, List<Address> after) {
        return before.stream().map(User::untimed).toList().equals(after.stream().map(User::untimed).toList());
    }

    private static Address untimed(Address address) {
        return new Address(address.type(), address.postal(), address.isDefault(), address.isVerified(),
                address.isReturned(), Instant.EPOCH);
    }

    public List<ContactMethod> contactMethods() {
        return contacts().contactMethods();
    }

    public UserContacts contacts() {
        return new UserContacts(id, customerId, phones, email);
    }

    public UserId id() {
        return id;
    }

    public InstitutionId institutionId() {
        return institutionId;
    }

    public InstitutionCustomerId customerId() {
        return customerId;
    }

    public Optional<AccountId> accountId() {
        return accountId;
    }

    public UserProfile profile() {
        return profile;
    }

    public List<Phone> phones() {
        return phones;
    }

    public Optional<Email> email() {
        return email;
    }

    public Optional<CertifiedPhone> certifiedPhone() {
        return certifiedPhone;
    }
}
