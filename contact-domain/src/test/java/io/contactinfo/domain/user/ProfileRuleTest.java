package io.contactinfo.domain.user;

import static io.contactinfo.domain.testing.Violations.assertBreaks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import io.contactinfo.domain.testing.TestClock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Seed 002, "profileData": names; and the profile's other parts, terms, peer-transfer preference, login id. */
class ProfileRuleTest {

    @ParameterizedTest(name = "a first name of {0} characters is accepted")
    @ValueSource(ints = {1, 2, 34, 35})
    void firstNameOf1To35CharactersIsAccepted(int length) {
        assertThat(new FirstName("J".repeat(length)).value()).hasSize(length);
    }

    @ParameterizedTest(name = "a first name of {0} characters breaks the length rule (400/501)")
    @ValueSource(ints = {0, 36, 37})
    void firstNameOutside1To35CharactersIsRefused(int length) {
        assertBreaks(ProfileRule.FIRST_NAME_LENGTH, "firstName", () -> new FirstName("J".repeat(length)));
    }

    @Test
    void missingFirstNameBreaksTheLengthRule() {
        assertBreaks(ProfileRule.FIRST_NAME_LENGTH, "firstName", () -> new FirstName(null));
    }

    @ParameterizedTest(name = "a last name of {0} characters is accepted")
    @ValueSource(ints = {2, 3, 34, 35})
    void lastNameOf2To35CharactersIsAccepted(int length) {
        assertThat(new LastName("D".repeat(length)).value()).hasSize(length);
    }

    @ParameterizedTest(name = "a last name of {0} characters breaks the length rule (400/502)")
    @ValueSource(ints = {0, 1, 36})
    void lastNameOutside2To35CharactersIsRefused(int length) {
        assertBreaks(ProfileRule.LAST_NAME_LENGTH, "lastName", () -> new LastName("D".repeat(length)));
    }

    @ParameterizedTest(name = "a middle name of {0} characters is accepted")
    @ValueSource(ints = {1, 99, 100})
    void middleNameUpTo100CharactersIsAccepted(int length) {
        assertThat(new MiddleName("M".repeat(length)).value()).hasSize(length);
    }

    @Test
    void middleNameOf101CharactersIsRefused() {
        assertBreaks(ProfileRule.MIDDLE_NAME_LENGTH, "middleName", () -> new MiddleName("M".repeat(101)));
    }

    @ParameterizedTest(name = "\"{0}\" is a valid name")
    @ValueSource(strings = {"Jo", "José", "Zoë", "Łukasz", "O'Brien", "Mary-Jane", "St. John", "Anne Marie", "ÅSA"})
    void namesOfLettersSpacesApostrophesHyphensAndPeriodsAreAccepted(String name) {
        assertThatNoException().isThrownBy(() -> new FirstName(name));
        assertThatNoException().isThrownBy(() -> new MiddleName(name));
        assertThatNoException().isThrownBy(() -> new LastName(name));
    }

    @ParameterizedTest(name = "\"{0}\" has invalid characters")
    @ValueSource(strings = {"J0hn", "John!", "Jane_Doe", "Иван", "李小龍", "John\tDoe", "a@b", "   ", "'-.", "Jo,"})
    void namesWithOtherCharactersAreRefused(String name) {
        assertBreaks(ProfileRule.FIRST_NAME_CHARACTERS, "firstName", () -> new FirstName(name));
        assertBreaks(ProfileRule.MIDDLE_NAME_CHARACTERS, "middleName", () -> new MiddleName(name));
        assertBreaks(ProfileRule.LAST_NAME_CHARACTERS, "lastName", () -> new LastName(name));
    }

    @Test
    void lengthCountsCharactersNotBytes() {
        assertThat(new FirstName("É".repeat(35)).value()).hasSize(35);
        assertBreaks(ProfileRule.FIRST_NAME_LENGTH, "firstName", () -> new FirstName("É".repeat(36)));
    }

    @ParameterizedTest(name = "middle name \"{0}\" is no middle name")
    @NullAndEmptySource
    void aMissingOrEmptyMiddleNameIsNoMiddleName(String middle) {
        assertThat(PersonName.of("Jane", middle, "Doe").middle()).isEmpty();
    }

    @Test
    void aPersonNameKeepsItsParts() {
        PersonName name = PersonName.of("Jane", "Q", "Doe");

        assertThat(name.first().value()).isEqualTo("Jane");
        assertThat(name.middle()).contains(new MiddleName("Q"));
        assertThat(name.first().toString()).isEqualTo("Jane");
        assertThat(name.middle().orElseThrow().toString()).isEqualTo("Q");
        assertThat(name.last().toString()).isEqualTo("Doe");
    }

    @ParameterizedTest(name = "peer-transfer preference \"{0}\" is {1}")
    @org.junit.jupiter.params.provider.CsvSource({"manual,MANUAL", "MANUAL,MANUAL", "automatic,AUTOMATIC",
            "Automatic,AUTOMATIC"})
    void peerTransferPreferenceIsManualOrAutomaticInAnyCase(String text, PeerTransferPreference expected) {
        assertThat(PeerTransferPreference.parse(text)).isEqualTo(expected);
        assertThat(expected.apiName()).isEqualTo(expected.name().toLowerCase());
    }

    @ParameterizedTest(name = "peer-transfer preference \"{0}\" is refused")
    @NullAndEmptySource
    @ValueSource(strings = {"auto", "none"})
    void otherPeerTransferPreferencesAreRefused(String text) {
        assertBreaks(ProfileRule.PEER_TRANSFER_PREFERENCE_VALUE, "peerTransferAcceptPreference",
                () -> PeerTransferPreference.parse(text));
    }

    @Test
    void peerTransferPreferenceIsManualUnlessSet() {
        assertThat(PeerTransferPreference.DEFAULT).isEqualTo(PeerTransferPreference.MANUAL);
        assertThat(UserProfile.EMPTY.peerTransferPreference()).isEqualTo(PeerTransferPreference.MANUAL);
    }

    @ParameterizedTest(name = "terms identifier \"{0}\" is accepted")
    @ValueSource(strings = {"daa", "privPlcy", "e-sign_v2.1", "x"})
    void termsIdentifiersAreAccepted(String identifier) {
        assertThat(new TermsAcceptance(identifier, TestClock.NOW, true).termsIdentifier()).isEqualTo(identifier);
    }

    @ParameterizedTest(name = "terms identifier \"{0}\" is refused")
    @NullAndEmptySource
    @ValueSource(strings = {"priv plcy", "a/b"})
    void malformedTermsIdentifiersAreRefused(String identifier) {
        assertBreaks(ProfileRule.TERMS_IDENTIFIER_FORMAT, "termsIdentifier",
                () -> new TermsAcceptance(identifier, TestClock.NOW, true));
    }

    @Test
    void termsIdentifierIsAtMost64Characters() {
        assertThatNoException().isThrownBy(() -> new TermsAcceptance("t".repeat(64), TestClock.NOW, true));
        assertBreaks(ProfileRule.TERMS_IDENTIFIER_FORMAT,
                () -> new TermsAcceptance("t".repeat(65), TestClock.NOW, true));
    }

    @Test
    void aNewerAnswerToTheSameTermsReplacesTheOlderInItsPlaceAndOthersAreAdded() {
        Instant earlier = TestClock.NOW.minusSeconds(60);
        TermsAcceptance daa = new TermsAcceptance("daa", earlier, true);
        TermsAcceptance privacy = new TermsAcceptance("privPlcy", earlier, true);
        TermsAcceptance daaAgain = new TermsAcceptance("daa", TestClock.NOW, false);
        TermsAcceptance esign = new TermsAcceptance("esign", TestClock.NOW, true);

        assertThat(TermsAcceptance.merge(List.of(daa, privacy), List.of(daaAgain, esign)))
                .containsExactly(daaAgain, privacy, esign);
    }

    @Test
    void aNewerAnswerToTheSecondTermsReplacesThatOne() {
        Instant earlier = TestClock.NOW.minusSeconds(60);
        TermsAcceptance daa = new TermsAcceptance("daa", earlier, true);
        TermsAcceptance privacy = new TermsAcceptance("privPlcy", earlier, true);
        TermsAcceptance privacyAgain = new TermsAcceptance("privPlcy", TestClock.NOW, false);

        assertThat(TermsAcceptance.merge(List.of(daa, privacy), List.of(privacyAgain)))
                .containsExactly(daa, privacyAgain);
    }

    @Test
    void anOlderAnswerDoesNotReplaceANewerOne() {
        TermsAcceptance current = new TermsAcceptance("daa", TestClock.NOW, true);
        TermsAcceptance older = new TermsAcceptance("daa", TestClock.NOW.minusSeconds(1), false);
        TermsAcceptance sameTime = new TermsAcceptance("daa", TestClock.NOW, false);

        assertThat(TermsAcceptance.merge(List.of(current), List.of(older))).containsExactly(current);
        assertThat(TermsAcceptance.merge(List.of(current), List.of(sameTime))).containsExactly(sameTime);
    }

    @ParameterizedTest(name = "login id \"{0}\" is accepted")
    @ValueSource(strings = {"j", "jane.doe@example.com", "JaneDoe_1980"})
    void loginIdsAreAccepted(String value) {
        assertThat(new LoginId(value).value()).isEqualTo(value);
    }

    @ParameterizedTest(name = "login id \"{0}\" is refused")
    @NullAndEmptySource
    @ValueSource(strings = {"jane doe", "jane\u0000"})
    void malformedLoginIdsAreRefused(String value) {
        assertBreaks(ProfileRule.LOGIN_ID_FORMAT, "loginId", () -> new LoginId(value));
    }

    @Test
    void loginIdIsAtMost255Characters() {
        assertThatNoException().isThrownBy(() -> new LoginId("x".repeat(255)));
        assertBreaks(ProfileRule.LOGIN_ID_FORMAT, () -> new LoginId("x".repeat(256)));
    }

    @Test
    void loginIdMatchesWithoutRegardToCase() {
        LoginId loginId = new LoginId("JaneDoe");

        assertThat(loginId.matches("janedoe")).isTrue();
        assertThat(loginId.matches("JANEDOE")).isTrue();
        assertThat(loginId.matches("janedo")).isFalse();
        assertThat(loginId.matches(null)).isFalse();
    }

    @Test
    void anEmptyProfileHasNothing() {
        assertThat(UserProfile.EMPTY.name()).isEmpty();
        assertThat(UserProfile.EMPTY.addresses()).isEmpty();
        assertThat(UserProfile.EMPTY.identifyingData()).isEmpty();
        assertThat(UserProfile.EMPTY.kycCompleted()).isFalse();
        assertThat(UserProfile.EMPTY.termsAcceptances()).isEmpty();
        assertThat(UserProfile.EMPTY.loginId()).isEqualTo(Optional.empty());
    }
}
