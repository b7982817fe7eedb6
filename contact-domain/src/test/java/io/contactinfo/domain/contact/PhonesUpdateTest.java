package io.contactinfo.domain.contact;

import static io.contactinfo.domain.testing.PhoneBuilder.aPhone;
import static io.contactinfo.domain.testing.PhoneBuilder.requested;
import static io.contactinfo.domain.testing.Violations.assertBreaks;
import static org.assertj.core.api.Assertions.assertThat;

import io.contactinfo.domain.testing.TestClock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Seed 002, "Business Rules": how the phones of an update meet the phones a user has. */
class PhonesUpdateTest {

    private static final Instant BEFORE = TestClock.NOW.minusSeconds(3600);
    private static final Instant NOW = TestClock.NOW;

    @Test
    void givenOneExistingPhone_oneRequestedPhone_updatesItInPlaceEvenWhenTheTypeChanges() {
        Phone mobile = aPhone().mobile().number("2125550147").isDefault().verified().lastUpdated(BEFORE).build();

        PhoneUpdate update = Phones.update(List.of(mobile), List.of(requested(PhoneType.HOME, "2125550123", false)),
                Set.of(), NOW);

        assertThat(update.phones()).singleElement().satisfies(phone -> {
            assertThat(phone.id()).isEqualTo(mobile.id());
            assertThat(phone.number().digits()).isEqualTo("2125550123");
            assertThat(phone.type()).isEqualTo(PhoneType.HOME);
            assertThat(phone.isDefault()).isTrue();
            assertThat(phone.isVerified()).isFalse();
            assertThat(phone.lastUpdated()).isEqualTo(NOW);
        });
        assertThat(update.newNumbers()).containsExactly(new PhoneNumber("2125550123"));
    }

    @Test
    void givenSeveralExistingPhones_aRequestedTypeUpdatesThePhoneOfThatType() {
        Phone mobile = aPhone().mobile().number("2125550147").isDefault().build();
        Phone home = aPhone().home().number("2125550123").verified().lastUpdated(BEFORE).build();

        PhoneUpdate update = Phones.update(List.of(mobile, home),
                List.of(requested(PhoneType.HOME, "2125550199", false)), Set.of(), NOW);

        assertThat(update.phones()).hasSize(2);
        assertThat(update.phones().get(0)).isEqualTo(mobile);
        assertThat(update.phones().get(1).id()).isEqualTo(home.id());
        assertThat(update.phones().get(1).number().digits()).isEqualTo("2125550199");
        assertThat(update.phones().get(1).isVerified()).isFalse();
    }

    @Test
    void givenSeveralExistingPhones_aNewTypeCreatesAPhone() {
        Phone mobile = aPhone().mobile().number("2125550147").isDefault().build();
        Phone home = aPhone().home().number("2125550123").build();

        PhoneUpdate update = Phones.update(List.of(mobile, home),
                List.of(requested(PhoneType.WORK, "2125550100", false)), Set.of(), NOW);

        assertThat(update.phones()).extracting(Phone::type)
                .containsExactly(PhoneType.MOBILE, PhoneType.HOME, PhoneType.WORK);
        assertThat(update.phones().get(2).isDefault()).isFalse();
        assertThat(update.phones().get(2).lastUpdated()).isEqualTo(NOW);
        assertThat(update.newNumbers()).containsExactly(new PhoneNumber("2125550100"));
    }

    @Test
    void givenOneExistingPhone_twoRequestedPhones_matchByType() {
        Phone mobile = aPhone().mobile().number("2125550147").isDefault().build();

        PhoneUpdate update = Phones.update(List.of(mobile), List.of(requested(PhoneType.HOME, "2125550123", false),
                requested(PhoneType.MOBILE, "2125550148", false)), Set.of(), NOW);

        assertThat(update.phones()).extracting(Phone::type).containsExactly(PhoneType.MOBILE, PhoneType.HOME);
        assertThat(update.phones().get(0).id()).isEqualTo(mobile.id());
        assertThat(update.phones().get(0).number().digits()).isEqualTo("2125550148");
    }

    @Test
    void givenNoPhone_requestedPhonesAreCreatedAndTheFirstIsDefaultWhenNoneIsMarked() {
        PhoneUpdate update = Phones.update(List.of(), List.of(requested(PhoneType.HOME, "2125550123", false),
                requested(PhoneType.MOBILE, "2125550147", false)), Set.of(), NOW);

        assertThat(update.phones()).extracting(Phone::isDefault).containsExactly(true, false);
    }

    @Test
    void noPhoneIsEverDeleted() {
        Phone mobile = aPhone().mobile().number("2125550147").isDefault().build();
        Phone home = aPhone().home().number("2125550123").build();

        PhoneUpdate update = Phones.update(List.of(mobile, home), List.of(), Set.of(), NOW);

        assertThat(update.phones()).containsExactly(mobile, home);
        assertThat(update.newNumbers()).isEmpty();
    }

    @Test
    void twoRequestedDefaultPhonesBreakRule1040() {
        assertBreaks(ContactRule.PHONE_DEFAULT_UNIQUE, "phoneNumbers", () -> Phones.update(List.of(),
                List.of(requested(PhoneType.HOME, "2125550123", true), requested(PhoneType.MOBILE, "2125550147", true)),
                Set.of(), NOW));
    }

    @Test
    void oneRequestedDefaultPhoneIsAccepted() {
        PhoneUpdate update = Phones.update(List.of(), List.of(requested(PhoneType.HOME, "2125550123", false),
                requested(PhoneType.MOBILE, "2125550147", true)), Set.of(), NOW);

        assertThat(update.phones()).extracting(Phone::isDefault).containsExactly(false, true);
    }

    @Test
    void aRequestedDefaultBecomesTheOnlyDefault() {
        Phone mobile = aPhone().mobile().number("2125550147").isDefault().build();
        Phone home = aPhone().home().number("2125550123").build();

        PhoneUpdate update = Phones.update(List.of(mobile, home),
                List.of(requested(PhoneType.HOME, "2125550123", true)), Set.of(), NOW);

        assertThat(update.phones()).extracting(Phone::isDefault).containsExactly(false, true);
    }

    @Test
    void aRequestNotMarkingTheDefaultLeavesItWhereItWas() {
        Phone mobile = aPhone().mobile().number("2125550147").isDefault().build();
        Phone home = aPhone().home().number("2125550123").build();

        PhoneUpdate update = Phones.update(List.of(mobile, home),
                List.of(requested(PhoneType.MOBILE, "2125550148", false)), Set.of(), NOW);

        assertThat(update.phones()).extracting(Phone::isDefault).containsExactly(true, false);
    }

    @Test
    void aRequestNamingOneTypeTwiceIsRefused() {
        assertBreaks(ContactRule.PHONE_TYPE_DUPLICATED, "phoneNumbers", () -> Phones.update(List.of(),
                List.of(requested(PhoneType.HOME, "2125550123", false), requested(PhoneType.HOME, "2125550147", false)),
                Set.of(), NOW));
    }

    @Test
    void aNewNumberIsVerifiedOnlyWhenAContactVerificationProvesIt() {
        PhoneUpdate update = Phones.update(List.of(), List.of(requested(PhoneType.MOBILE, "2125550147", true),
                requested(PhoneType.HOME, "2125550123", false)), Set.of(new PhoneNumber("2125550147")), NOW);

        assertThat(update.phones()).extracting(Phone::isVerified).containsExactly(true, false);
    }

    @Test
    void anUnchangedNumberKeepsItsVerification() {
        Phone mobile = aPhone().mobile().number("2125550147").isDefault().verified().build();
        Phone home = aPhone().home().number("2125550123").build();

        PhoneUpdate update = Phones.update(List.of(mobile, home), List.of(
                requested(PhoneType.MOBILE, "2125550147", false), requested(PhoneType.HOME, "2125550123", false)),
                Set.of(), NOW);

        assertThat(update.phones()).extracting(Phone::isVerified).containsExactly(true, false);
        assertThat(update.newNumbers()).isEmpty();
    }

    @Test
    void aNumberMovedToAnotherTypeIsNotNew() {
        Phone mobile = aPhone().mobile().number("2125550147").isDefault().build();
        Phone home = aPhone().home().number("2125550123").build();

        PhoneUpdate update = Phones.update(List.of(mobile, home),
                List.of(requested(PhoneType.WORK, "2125550123", false)), Set.of(), NOW);

        assertThat(update.newNumbers()).isEmpty();
    }

    @Test
    void replacingANumberKeepsTypeAndDefault() {
        Phone mobile = aPhone().mobile().number("2125550147").isDefault().verified().build();
        Phone home = aPhone().home().number("2125550123").build();

        PhoneUpdate update = Phones.replaceNumber(List.of(mobile, home), new PhoneNumber("2125550147"),
                new PhoneNumber("2125550148"), Set.of(), NOW);

        assertThat(update.phones().get(0).number().digits()).isEqualTo("2125550148");
        assertThat(update.phones().get(0).type()).isEqualTo(PhoneType.MOBILE);
        assertThat(update.phones().get(0).isDefault()).isTrue();
        assertThat(update.phones().get(0).isVerified()).isFalse();
        assertThat(update.phones().get(0).lastUpdated()).isEqualTo(NOW);
        assertThat(update.phones().get(1)).isEqualTo(home);
        assertThat(update.newNumbers()).containsExactly(new PhoneNumber("2125550148"));
    }

    @Test
    void replacingANumberWithAVerifiedOneOrItselfKeepsItVerified() {
        Phone mobile = aPhone().mobile().number("2125550147").isDefault().verified().build();
        Phone unverified = aPhone().mobile().number("2125550147").isDefault().build();
        PhoneNumber old = new PhoneNumber("2125550147");
        PhoneNumber fresh = new PhoneNumber("2125550148");

        assertThat(Phones.replaceNumber(List.of(mobile), old, fresh, Set.of(fresh), NOW).phones().get(0).isVerified())
                .isTrue();
        assertThat(Phones.replaceNumber(List.of(mobile), old, old, Set.of(), NOW).phones().get(0).isVerified())
                .isTrue();
        assertThat(Phones.replaceNumber(List.of(mobile), old, old, Set.of(), NOW).newNumbers()).isEmpty();
        assertThat(Phones.replaceNumber(List.of(unverified), old, old, Set.of(), NOW).phones().get(0).isVerified())
                .isFalse();
    }

    @Test
    void replacingTheNumberOfTheSecondPhoneLeavesTheFirstAlone() {
        Phone mobile = aPhone().mobile().number("2125550147").isDefault().build();
        Phone home = aPhone().home().number("2125550123").build();

        PhoneUpdate update = Phones.replaceNumber(List.of(mobile, home), new PhoneNumber("2125550123"),
                new PhoneNumber("2125550199"), Set.of(), NOW);
        PhoneUpdate toTheOthersNumber = Phones.replaceNumber(List.of(mobile, home), new PhoneNumber("2125550123"),
                new PhoneNumber("2125550147"), Set.of(), NOW);

        assertThat(update.phones().get(0)).isEqualTo(mobile);
        assertThat(update.phones().get(1).id()).isEqualTo(home.id());
        assertThat(update.phones().get(1).number().digits()).isEqualTo("2125550199");
        assertThat(toTheOthersNumber.newNumbers()).isEmpty();
    }

    @Test
    void aRequestNotMarkingTheDefaultLeavesItOnTheSecondPhone() {
        Phone home = aPhone().home().number("2125550123").build();
        Phone mobile = aPhone().mobile().number("2125550147").isDefault().build();

        PhoneUpdate update = Phones.update(List.of(home, mobile),
                List.of(requested(PhoneType.HOME, "2125550199", false)), Set.of(), NOW);

        assertThat(update.phones()).extracting(Phone::isDefault).containsExactly(false, true);
    }

    @Test
    void replacingANumberTheUserDoesNotHaveIsRefused() {
        Phone mobile = aPhone().mobile().number("2125550147").isDefault().build();

        assertBreaks(ContactRule.PHONE_NOT_FOUND, "oldPhoneNumber", () -> Phones.replaceNumber(List.of(mobile),
                new PhoneNumber("2125550100"), new PhoneNumber("2125550148"), Set.of(), NOW));
    }

    @Test
    void aPhoneSentAgainUnchanged_keepsItsTime_soThePasswordResetCoolOffDoesNotRestart() {
        Phone mobile = aPhone().mobile().number("2125550147").isDefault().verified().lastUpdated(BEFORE).build();
        Phone home = aPhone().home().number("2125550123").lastUpdated(BEFORE).build();

        PhoneUpdate update = Phones.update(List.of(mobile, home), List.of(
                requested(PhoneType.MOBILE, "2125550147", true), requested(PhoneType.HOME, "2125550199", false)),
                Set.of(), NOW);

        assertThat(update.phones()).extracting(Phone::lastUpdated).containsExactly(BEFORE, NOW);
    }

    @Test
    void aNumberReplacedByItself_keepsItsTime() {
        Phone mobile = aPhone().mobile().number("2125550147").lastUpdated(BEFORE).build();

        PhoneUpdate update = Phones.replaceNumber(List.of(mobile), mobile.number(), mobile.number(), Set.of(), NOW);

        assertThat(update.phones()).singleElement().extracting(Phone::lastUpdated).isEqualTo(BEFORE);
    }

    @Test
    void anEmailSentAgainInAnotherCase_keepsItsTime_aNewAddressTakesNow() {
        Email email = new Email(EmailId.random(), new EmailAddress("jane.doe@example.com"), true, BEFORE);

        assertThat(Email.update(Optional.of(email), new EmailAddress("Jane.Doe@Example.com"), Set.of(), NOW)
                .lastUpdated()).isEqualTo(BEFORE);
        assertThat(Email.update(Optional.of(email), new EmailAddress("jane.new@example.org"), Set.of(), NOW)
                .lastUpdated()).isEqualTo(NOW);
    }
}
