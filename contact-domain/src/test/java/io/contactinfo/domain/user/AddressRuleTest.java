package io.contactinfo.domain.user;

import static io.contactinfo.domain.testing.AddressBuilder.aHomeAddress;
import static io.contactinfo.domain.testing.AddressBuilder.aWorkAddress;
import static io.contactinfo.domain.testing.Violations.assertBreaks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import io.contactinfo.domain.testing.TestClock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Seed 002, "addresses" and its table "User Data Response Codes & Sub-Codes" (400/505, 400/506, 400/504, 640/…). */
class AddressRuleTest {

    @ParameterizedTest(name = "addressLine1 of {0} characters is accepted")
    @ValueSource(ints = {2, 3, 39, 40})
    void addressLine1Of2To40CharactersIsAccepted(int length) {
        assertThat(new AddressLine1("1".repeat(length)).value()).hasSize(length);
    }

    @ParameterizedTest(name = "addressLine1 of {0} characters breaks 400/505")
    @ValueSource(ints = {0, 1, 41})
    void addressLine1Outside2To40CharactersIsRefused(int length) {
        assertBreaks(AddressRule.LINE1_LENGTH, "addressLine1", () -> new AddressLine1("1".repeat(length)));
    }

    @ParameterizedTest(name = "addressLine2 of {0} characters is accepted")
    @ValueSource(ints = {1, 40})
    void addressLine2UpTo40CharactersIsAccepted(int length) {
        assertThat(new AddressLine2("A".repeat(length)).value()).hasSize(length);
    }

    @Test
    void addressLine2Of41CharactersBreaks506() {
        assertBreaks(AddressRule.LINE2_LENGTH, "addressLine2", () -> new AddressLine2("A".repeat(41)));
    }

    @ParameterizedTest(name = "city of {0} characters is accepted")
    @ValueSource(ints = {1, 25})
    void cityUpTo25CharactersIsAccepted(int length) {
        assertThat(new City("C".repeat(length)).value()).hasSize(length);
    }

    @Test
    void cityOf26CharactersBreaks504() {
        assertBreaks(AddressRule.CITY_LENGTH, "city", () -> new City("C".repeat(26)));
    }

    @ParameterizedTest(name = "\"{0}\" has valid address characters")
    @ValueSource(strings = {"1234 E Foothill Blvd", "Apt #5 & 6", "O'Neil, St.", "12-B/C", "Rue Côté"})
    void lettersDigitsSpaceAndTheSevenSignsAreValid(String text) {
        assertThatNoException().isThrownBy(() -> new AddressLine1(text));
        assertThatNoException().isThrownBy(() -> new AddressLine2(text));
        assertThatNoException().isThrownBy(() -> new City(text.substring(0, Math.min(25, text.length()))));
    }

    @ParameterizedTest(name = "\"{0}\" has invalid address characters (640)")
    @ValueSource(strings = {"12 Main St!", "PO Box @1", "Main_St", "  ", "Straße (Hof)", "a;b"})
    void otherCharactersAreRefused(String text) {
        assertBreaks(AddressRule.LINE1_CHARACTERS, "addressLine1", () -> new AddressLine1(text));
        assertBreaks(AddressRule.LINE2_CHARACTERS, "addressLine2", () -> new AddressLine2(text));
        assertBreaks(AddressRule.CITY_CHARACTERS, "city", () -> new City(text));
    }

    @ParameterizedTest(name = "state \"{0}\" is {1}")
    @CsvSource({"CA,CA", "ny,NY", "Dc,DC", "PR,PR", "AE,AE"})
    void stateIsATwoLetterUspsCodeInAnyCase(String text, String code) {
        assertThat(new State(text).code()).isEqualTo(code);
    }

    @ParameterizedTest(name = "state \"{0}\" is refused")
    @NullAndEmptySource
    @ValueSource(strings = {"XX", "C", "CAL", "California"})
    void otherStatesAreRefused(String text) {
        assertBreaks(AddressRule.STATE_CODE, "state", () -> new State(text));
    }

    @ParameterizedTest(name = "zipCode \"{0}\" is stored as {1}")
    @CsvSource({"91107,91107", "91107-1234,91107", "911071234,91107", "00501,00501"})
    void zipCodeIsFiveDigitsAndAZipPlus4IsStripped(String text, String stored) {
        assertThat(new ZipCode(text).value()).isEqualTo(stored);
    }

    @ParameterizedTest(name = "zipCode \"{0}\" is refused")
    @NullAndEmptySource
    @ValueSource(strings = {"9110", "911070", "91107-123", "91107-12345", "9110A", "91107 1234"})
    void otherZipCodesAreRefused(String text) {
        assertBreaks(AddressRule.ZIP_CODE_FORMAT, "zipCode", () -> new ZipCode(text));
    }

    @Test
    void countryCodeDefaultsToUsaAndIsThreeLettersInAnyCase() {
        assertThat(CountryCode.orUsa(null)).isEqualTo(CountryCode.USA);
        assertThat(CountryCode.USA.value()).isEqualTo("USA");
        assertThat(CountryCode.orUsa("can").value()).isEqualTo("CAN");
        assertBreaks(AddressRule.COUNTRY_CODE_FORMAT, "countryCode", () -> new CountryCode("US"));
        assertBreaks(AddressRule.COUNTRY_CODE_FORMAT, "countryCode", () -> new CountryCode("US1"));
        assertBreaks(AddressRule.COUNTRY_CODE_FORMAT, "countryCode", () -> new CountryCode(null));
    }

    @ParameterizedTest(name = "address type \"{0}\" is {1}")
    @CsvSource({"home,HOME", "Home,HOME", "WORK,WORK", "billing,BILLING", "BiLLing,BILLING"})
    void addressTypesAreCaseInsensitive(String text, AddressType type) {
        assertThat(AddressType.parse(text)).isEqualTo(type);
    }

    @ParameterizedTest(name = "address type \"{0}\" is refused")
    @NullAndEmptySource
    @ValueSource(strings = {"mailing", "homes"})
    void otherAddressTypesAreRefused(String text) {
        assertBreaks(AddressRule.TYPE_UNKNOWN, "type", () -> AddressType.parse(text));
    }

    @Test
    void addressTypesShowCapitalised() {
        assertThat(AddressType.HOME.displayName()).isEqualTo("Home");
        assertThat(AddressType.BILLING.displayName()).isEqualTo("Billing");
    }

    @Test
    void missingOrEmptyOptionalPartsAreAbsentAndTheCountryIsUsa() {
        PostalAddress address = PostalAddress.of("12 Main St", "", null, "", null, null);

        assertThat(address.line2()).isEmpty();
        assertThat(address.city()).isEmpty();
        assertThat(address.state()).isEmpty();
        assertThat(address.zipCode()).isEmpty();
        assertThat(address.countryCode()).isEqualTo(CountryCode.USA);
    }

    @ParameterizedTest(name = "line 1 \"{0}\" is masked as \"{1}\"")
    @CsvSource({"'1234 E Foothill Blvd','*****E Foothill Blvd'", "'7 Elm St','**Elm St'",
            "'Rural1234567','********4567'", "'PO','PO'", "'Cabin','*abin'"})
    void theFirstLineIsMaskedAsSeed002ShowsIt(String line1, String masked) {
        assertThat(aHomeAddress().line1(line1).postal().maskedLine1()).isEqualTo(masked);
    }

    // --- the addresses of a user, as a whole

    @Test
    void noAddressAtAllIsAccepted() {
        assertThat(Addresses.check(List.of())).isEmpty();
    }

    @Test
    void aDefaultHomeAddressWithAWorkAndABillingAddressIsAccepted() {
        List<Address> addresses = List.of(aHomeAddress().build(), aWorkAddress().build(),
                aWorkAddress().type(AddressType.BILLING).build());

        assertThat(Addresses.check(addresses)).containsExactlyElementsOf(addresses);
    }

    @Test
    void twoAddressesOfOneTypeBreak1020() {
        assertBreaks(AddressRule.TYPE_DUPLICATED, "addresses",
                () -> Addresses.check(List.of(aHomeAddress().build(), aHomeAddress().isDefault(false).build())));
    }

    @Test
    void twoDefaultAddressesBreak1040() {
        assertBreaks(AddressRule.DEFAULT_EXACTLY_ONE, "addresses",
                () -> Addresses.check(List.of(aHomeAddress().build(), aWorkAddress().isDefault(true).build())));
    }

    @Test
    void noDefaultAddressBreaks1040() {
        assertBreaks(AddressRule.DEFAULT_EXACTLY_ONE, "addresses",
                () -> Addresses.check(List.of(aHomeAddress().isDefault(false).build())));
    }

    @Test
    void aDefaultAddressThatIsNotHomeIsRefused() {
        assertBreaks(AddressRule.HOME_DEFAULT_REQUIRED, "addresses",
                () -> Addresses.check(List.of(aWorkAddress().isDefault(true).build())));
        assertBreaks(AddressRule.HOME_DEFAULT_REQUIRED, "addresses", () -> Addresses.check(
                List.of(aHomeAddress().isDefault(false).build(), aWorkAddress().isDefault(true).build())));
    }

    @Test
    void theProfileChecksItsAddresses() {
        assertBreaks(AddressRule.HOME_DEFAULT_REQUIRED,
                () -> UserProfile.EMPTY.withAddresses(List.of(aWorkAddress().isDefault(true).build())));
    }

    // --- KYC

    @ParameterizedTest(name = "city={0} state={1} zip={2}: KYC {3}")
    @CsvSource(nullValues = "-", value = {
            "Pasadena,CA,91107,true", "Pasadena,CA,-,true", "-,-,91107,true", "Pasadena,-,91107,true",
            "Pasadena,-,-,false", "-,CA,-,false", "-,-,-,false"})
    void kycNeedsLine1AndEitherCityAndStateOrZipCode(String city, String state, String zip, boolean meets) {
        List<Address> addresses = List.of(aHomeAddress().city(city).state(state).zipCode(zip).build());

        assertThat(addresses.get(0).postal().meetsKyc()).isEqualTo(meets);
        if (meets) {
            assertThatNoException().isThrownBy(() -> Addresses.requireKyc(addresses));
        } else {
            assertBreaks(AddressRule.KYC_HOME_ADDRESS, "addresses", () -> Addresses.requireKyc(addresses));
        }
    }

    @Test
    void kycLooksAtTheHomeAddressOnly() {
        assertBreaks(AddressRule.KYC_HOME_ADDRESS, () -> Addresses.requireKyc(List.of(
                aHomeAddress().city(null).state(null).zipCode(null).build(), aWorkAddress().isDefault(false).build())));
        assertBreaks(AddressRule.KYC_HOME_ADDRESS, () -> Addresses.requireKyc(List.of()));
    }

    // --- update semantics (seed 002, "Business Rules")

    private static final Instant BEFORE = TestClock.NOW.minusSeconds(3600);

    @Test
    void aRequestedTypeTheUserHasIsUpdatedInPlace() {
        Address home = aHomeAddress().verified().lastUpdated(BEFORE).build();
        Address work = aWorkAddress().lastUpdated(BEFORE).build();

        List<Address> updated = Addresses.update(List.of(home, work),
                List.of(aHomeAddress().line1("9 New Rd").isDefault(false).requested()), TestClock.NOW);

        assertThat(updated).hasSize(2);
        assertThat(updated.get(0).postal().line1().value()).isEqualTo("9 New Rd");
        assertThat(updated.get(0).isDefault()).isTrue();
        assertThat(updated.get(0).isVerified()).isFalse();
        assertThat(updated.get(0).lastUpdated()).isEqualTo(TestClock.NOW);
        assertThat(updated.get(1)).isEqualTo(work);
    }

    @Test
    void anUnchangedAddressKeepsItsVerifiedAndReturnedState() {
        Address home = aHomeAddress().verified().returned().build();

        List<Address> updated = Addresses.update(List.of(home), List.of(aHomeAddress().requested()), TestClock.NOW);

        assertThat(updated.get(0).isVerified()).isTrue();
        assertThat(updated.get(0).isReturned()).isTrue();
    }

    @Test
    void aChangedAddressIsNeitherVerifiedNorReturned() {
        Address home = aHomeAddress().verified().returned().build();

        List<Address> updated = Addresses.update(List.of(home), List.of(aHomeAddress().line1("9 Elm St").requested()),
                TestClock.NOW);

        assertThat(updated.get(0).isVerified()).isFalse();
        assertThat(updated.get(0).isReturned()).isFalse();
    }

    @Test
    void theRequestedTypeIsFoundWhereverItIs() {
        Address home = aHomeAddress().build();
        Address work = aWorkAddress().build();

        List<Address> updated = Addresses.update(List.of(home, work),
                List.of(aWorkAddress().line1("1 New Rd").requested()), TestClock.NOW);

        assertThat(updated.get(0)).isEqualTo(home);
        assertThat(updated.get(1).postal().line1().value()).isEqualTo("1 New Rd");
    }

    @Test
    void aNewTypeIsCreatedAndNoneIsDeleted() {
        Address home = aHomeAddress().build();

        List<Address> updated = Addresses.update(List.of(home),
                List.of(aWorkAddress().type(AddressType.BILLING).requested()), TestClock.NOW);

        assertThat(updated).extracting(Address::type).containsExactly(AddressType.HOME, AddressType.BILLING);
        assertThat(updated.get(1).isDefault()).isFalse();
        assertThat(updated.get(1).isVerified()).isFalse();
        assertThat(Addresses.update(List.of(home), List.of(), TestClock.NOW)).containsExactly(home);
    }

    @Test
    void theFirstAddressMustBeADefaultHome() {
        assertThat(Addresses.update(List.of(), List.of(aHomeAddress().requested()), TestClock.NOW)).hasSize(1);
        assertBreaks(AddressRule.DEFAULT_EXACTLY_ONE,
                () -> Addresses.update(List.of(), List.of(aHomeAddress().isDefault(false).requested()), TestClock.NOW));
        assertBreaks(AddressRule.HOME_DEFAULT_REQUIRED,
                () -> Addresses.update(List.of(), List.of(aWorkAddress().isDefault(true).requested()), TestClock.NOW));
    }

    @Test
    void aRequestedDefaultTakesTheDefaultFromTheOthers() {
        Address home = aHomeAddress().build();

        assertBreaks(AddressRule.HOME_DEFAULT_REQUIRED, () -> Addresses.update(List.of(home),
                List.of(aWorkAddress().isDefault(true).requested()), TestClock.NOW));
    }

    @Test
    void aRequestNamingOneTypeTwiceBreaks1020() {
        assertBreaks(AddressRule.TYPE_DUPLICATED, () -> Addresses.update(List.of(),
                List.of(aHomeAddress().requested(), aHomeAddress().isDefault(false).requested()), TestClock.NOW));
    }
}
