package io.contactinfo.domain.user;

import static io.contactinfo.domain.testing.TestClock.TODAY;
import static io.contactinfo.domain.testing.Violations.assertBreaks;
import static org.assertj.core.api.Assertions.assertThat;

import io.contactinfo.domain.testing.Identities;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Seed 002, "identifyingData": date of birth, ssn, ssnSuffix. */
class IdentityRuleTest {

    @Test
    void dateOfBirthFrom1901ToTodayIsAccepted() {
        assertThat(DateOfBirth.parse("1901-01-01", TODAY).value()).isEqualTo(LocalDate.of(1901, 1, 1));
        assertThat(DateOfBirth.parse("1980-05-17", TODAY).value()).isEqualTo(LocalDate.of(1980, 5, 17));
        assertThat(DateOfBirth.parse(TODAY.toString(), TODAY).value()).isEqualTo(TODAY);
    }

    @Test
    void dateOfBirthBefore1901IsRefused() {
        assertBreaks(IdentityRule.DATE_OF_BIRTH_RANGE, "dateOfBirth", () -> DateOfBirth.parse("1900-12-31", TODAY));
        assertBreaks(IdentityRule.DATE_OF_BIRTH_RANGE, "dateOfBirth", () -> new DateOfBirth(LocalDate.of(1900, 12, 31)));
    }

    @Test
    void dateOfBirthTomorrowIsRefused() {
        assertBreaks(IdentityRule.DATE_OF_BIRTH_RANGE, "dateOfBirth",
                () -> DateOfBirth.parse(TODAY.plusDays(1).toString(), TODAY));
    }

    @ParameterizedTest(name = "a missing date of birth (\"{0}\") breaks 400/200")
    @NullAndEmptySource
    void missingDateOfBirthIsRefused(String text) {
        assertBreaks(IdentityRule.DATE_OF_BIRTH_REQUIRED, "dateOfBirth", () -> DateOfBirth.parse(text, TODAY));
    }

    @ParameterizedTest(name = "date of birth \"{0}\" breaks 400/700")
    @ValueSource(strings = {"1980-5-17", "17/05/1980", "19800517", "1980-02-30", "1980-13-01", "+1980-05-17",
            "1980-05-17T00:00", "+12020-01-01"})
    void malformedDateOfBirthIsRefused(String text) {
        assertBreaks(IdentityRule.DATE_OF_BIRTH_FORMAT, "dateOfBirth", () -> DateOfBirth.parse(text, TODAY));
    }

    @Test
    void dateOfBirthNeverPrintsItself() {
        assertThat(DateOfBirth.parse("1980-05-17", TODAY).toString()).isEqualTo("****-**-**");
    }

    @Test
    void ssnIsExactlyNineDigits() {
        Ssn ssn = new Ssn("123453675");

        assertThat(ssn.lastFour()).isEqualTo("3675");
        assertThat(ssn.toString()).isEqualTo("*****3675");
    }

    @ParameterizedTest(name = "ssn \"{0}\" is refused")
    @NullAndEmptySource
    @ValueSource(strings = {"12345367", "1234536750", "123-45-3675", "12345367a"})
    void otherSsnsAreRefused(String text) {
        assertBreaks(IdentityRule.SSN_FORMAT, "ssn", () -> new Ssn(text));
    }

    @Test
    void ssnSuffixIsExactlyFourDigits() {
        assertThat(new SsnSuffix("3675").digits()).isEqualTo("3675");
    }

    @ParameterizedTest(name = "ssnSuffix \"{0}\" is refused")
    @NullAndEmptySource
    @ValueSource(strings = {"367", "36750", "36a5"})
    void otherSsnSuffixesAreRefused(String text) {
        assertBreaks(IdentityRule.SSN_SUFFIX_FORMAT, "ssnSuffix", () -> new SsnSuffix(text));
    }

    @Test
    void identifyingDataHasEitherTheSsnOrItsSuffix() {
        assertThat(Identities.withSsn("123453675").lastFour()).isEqualTo("3675");
        assertThat(Identities.withSsnSuffix("3675").lastFour()).isEqualTo("3675");
    }

    @Test
    void ssnAndSsnSuffixAreMutuallyExclusive() {
        DateOfBirth dob = new DateOfBirth(LocalDate.of(1980, 5, 17));

        assertBreaks(IdentityRule.SSN_EXACTLY_ONE, "ssn", () -> new IdentifyingData(dob,
                Optional.of(new Ssn("123453675")), Optional.of(new SsnSuffix("3675"))));
        assertBreaks(IdentityRule.SSN_EXACTLY_ONE, "ssn",
                () -> new IdentifyingData(dob, Optional.empty(), Optional.empty()));
    }
}
