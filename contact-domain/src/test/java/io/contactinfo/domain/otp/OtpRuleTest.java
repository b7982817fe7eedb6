package io.contactinfo.domain.otp;

import static io.contactinfo.domain.testing.Violations.assertBreaks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactinfo.domain.contact.Channel;
import io.contactinfo.domain.contact.ContactMethodId;
import io.contactinfo.domain.contact.EmailAddress;
import io.contactinfo.domain.contact.PhoneNumber;
import io.contactinfo.domain.rule.LimitDecision;
import io.contactinfo.domain.rule.LimitExceeded;
import io.contactinfo.domain.rule.RuleViolation;
import io.contactinfo.domain.testing.TestClock;
import io.contactinfo.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC §4.5 (NIST SP 800-63B §5.1.3, OWASP ASVS V2.7): codes, expiry, attempts, resends, cool-off, proofs. */
class OtpRuleTest {

    private static final Instant NOW = TestClock.NOW;
    private static final OtpPolicy POLICY = OtpPolicy.DEFAULTS;
    /** Stands in for the keyed hash computed outside the domain: the same code in another challenge differs. */
    private static final OtpCodeHasher HASHER = (id, code) ->
            OtpCodeHash.of((id + ":" + code.digits()).getBytes(StandardCharsets.UTF_8));
    private static final OtpCode CODE = new OtpCode("123456");
    private static final OtpCode WRONG = new OtpCode("654321");

    private static OtpChallenge challenge(OtpPurpose purpose) {
        OtpChallengeId id = OtpChallengeId.random();
        return OtpChallenge.issue(id, UserId.random(), new ContactMethodId(UUID.randomUUID()), Channel.SMS,
                new PhoneNumber("2125550147"), purpose, HASHER.hash(id, CODE), NOW, POLICY);
    }

    // --- settings

    @Test
    void theDefaultsAreSixDigitsFiveMinutesFiveAttempts30SecondsFivePerHour30Minutes24Hours100FailuresPerHour() {
        assertThat(POLICY).isEqualTo(new OtpPolicy(6, Duration.ofMinutes(5), 5, Duration.ofSeconds(30), 5,
                Duration.ofMinutes(30), Duration.ofHours(24), 100));
    }

    @ParameterizedTest(name = "a code length of {0} is accepted")
    @ValueSource(ints = {6, 10})
    void codeLengthIs6To10(int length) {
        assertThat(withCodeLength(length).codeLength()).isEqualTo(length);
    }

    @ParameterizedTest(name = "a code length of {0} is refused")
    @ValueSource(ints = {5, 11})
    void codeLengthOutside6To10IsRefused(int length) {
        assertBreaks(OtpRule.POLICY_RANGE, "codeLength", () -> withCodeLength(length));
    }

    private static OtpPolicy withCodeLength(int length) {
        return new OtpPolicy(length, POLICY.validity(), 5, POLICY.resendInterval(), 5,
                POLICY.contactVerificationValidity(), POLICY.passwordResetCoolOff(), 100);
    }

    @Test
    void validityIsMoreThanZeroAndAtMostTenMinutes() {
        assertThat(withValidity(Duration.ofMinutes(10)).validity()).isEqualTo(Duration.ofMinutes(10));
        assertThat(withValidity(Duration.ofSeconds(1)).validity()).isEqualTo(Duration.ofSeconds(1));
        assertBreaks(OtpRule.POLICY_RANGE, "validity", () -> withValidity(Duration.ofMinutes(10).plusSeconds(1)));
        assertBreaks(OtpRule.POLICY_RANGE, "validity", () -> withValidity(Duration.ZERO));
        assertBreaks(OtpRule.POLICY_RANGE, "validity", () -> withValidity(Duration.ofSeconds(-1)));
    }

    private static OtpPolicy withValidity(Duration validity) {
        return new OtpPolicy(6, validity, 5, POLICY.resendInterval(), 5, POLICY.contactVerificationValidity(),
                POLICY.passwordResetCoolOff(), 100);
    }

    @ParameterizedTest(name = "attempts {0}: accepted {1}")
    @CsvSource({"0,false", "1,true", "10,true", "11,false"})
    void attemptsAre1To10(int attempts, boolean accepted) {
        if (accepted) {
            assertThatNoException().isThrownBy(() -> withAttempts(attempts));
        } else {
            assertBreaks(OtpRule.POLICY_RANGE, "maxAttempts", () -> withAttempts(attempts));
        }
    }

    private static OtpPolicy withAttempts(int attempts) {
        return new OtpPolicy(6, POLICY.validity(), attempts, POLICY.resendInterval(), 5,
                POLICY.contactVerificationValidity(), POLICY.passwordResetCoolOff(), 100);
    }

    @Test
    void theOtherSettingsHaveTheirBounds() {
        Duration d = Duration.ofSeconds(1);
        assertThatNoException().isThrownBy(() -> new OtpPolicy(6, d, 1, Duration.ZERO, 1, d, Duration.ZERO, 1));
        assertBreaks(OtpRule.POLICY_RANGE, "resendInterval",
                () -> new OtpPolicy(6, d, 1, Duration.ofSeconds(-1), 1, d, Duration.ZERO, 1));
        assertBreaks(OtpRule.POLICY_RANGE, "maxSendsPerHour",
                () -> new OtpPolicy(6, d, 1, d, 0, d, Duration.ZERO, 1));
        assertBreaks(OtpRule.POLICY_RANGE, "contactVerificationValidity",
                () -> new OtpPolicy(6, d, 1, d, 1, Duration.ZERO, Duration.ZERO, 1));
        assertBreaks(OtpRule.POLICY_RANGE, "passwordResetCoolOff",
                () -> new OtpPolicy(6, d, 1, d, 1, d, Duration.ofSeconds(-1), 1));
        assertBreaks(OtpRule.POLICY_RANGE, "maxFailedVerificationsPerHour",
                () -> new OtpPolicy(6, d, 1, d, 1, d, Duration.ZERO, 0));
    }

    // --- the code

    @ParameterizedTest(name = "code \"{0}\" is refused")
    @NullAndEmptySource
    @ValueSource(strings = {"12345", "12345678901", "12345a", " 123456"})
    void codesAre6To10Digits(String digits) {
        assertBreaks(OtpRule.CODE_FORMAT, "code", () -> new OtpCode(digits));
    }

    @Test
    void aGeneratedCodeHasTheConfiguredDigitsFromTheGivenRandomness() {
        OtpCode six = OtpCode.generate(6, new Random(42));
        OtpCode ten = OtpCode.generate(10, new Random(42));

        assertThat(six.digits()).matches("[0-9]{6}");
        assertThat(ten.digits()).matches("[0-9]{10}").startsWith(six.digits());
        assertThat(OtpCode.generate(6, new Random(42))).isEqualTo(six);
        assertThat(OtpCode.generate(6, new Random() {
            @Override
            public int nextInt(int bound) {
                return bound - 1;
            }
        }).digits()).isEqualTo("999999");
    }

    @Test
    void aCodeNeverPrintsItself() {
        assertThat(CODE.toString()).isEqualTo("******");
    }

    @Test
    void hashesCompareByContentAndNeverPrintIt() {
        OtpCodeHash hash = OtpCodeHash.of(new byte[] {1, 2, 3});

        assertThat(hash.matches(OtpCodeHash.of(new byte[] {1, 2, 3}))).isTrue();
        assertThat(hash.matches(OtpCodeHash.of(new byte[] {1, 2, 4}))).isFalse();
        assertThat(hash).isEqualTo(OtpCodeHash.ofBase64(hash.base64())).hasSameHashCodeAs(OtpCodeHash.ofBase64("AQID"));
        assertThat(hash).isNotEqualTo("AQID");
        assertThat(hash.bytes()).containsExactly(1, 2, 3);
        assertThat(hash.toString()).isEqualTo("OtpCodeHash[****]");
        assertThat(hash.hashCode()).isNotEqualTo(OtpCodeHash.of(new byte[] {1, 2, 4}).hashCode());
        assertThatThrownBy(() -> OtpCodeHash.of(new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHashCannotBeChangedFromOutside() {
        byte[] bytes = {1, 2, 3};
        OtpCodeHash hash = OtpCodeHash.of(bytes);
        bytes[0] = 9;
        hash.bytes()[1] = 9;

        assertThat(hash.bytes()).containsExactly(1, 2, 3);
    }

    // --- verifying

    @Test
    void theRightCodeBeforeExpiryVerifiesTheChallenge() {
        OtpChallenge challenge = challenge(OtpPurpose.PASSWORD_RESET);

        OtpVerification result = challenge.verify(CODE, HASHER, NOW.plus(Duration.ofMinutes(5)).minusMillis(1));

        assertThat(result).isInstanceOf(OtpVerification.Verified.class);
        assertThat(result.challenge().status()).isEqualTo(OtpStatus.VERIFIED);
        assertThat(result.challenge().attempts()).isEqualTo(1);
        assertThat(result.challenge().attemptsLeft()).isZero();
    }

    @Test
    void aCodeIsValidForFiveMinutes() {
        OtpChallenge challenge = challenge(OtpPurpose.PASSWORD_RESET);

        assertThat(challenge.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        assertThat(challenge.isExpiredAt(NOW.plus(Duration.ofMinutes(5)).minusMillis(1))).isFalse();
        assertThat(challenge.isExpiredAt(NOW.plus(Duration.ofMinutes(5)))).isTrue();
    }

    @Test
    void theRightCodeAtExpiryIsRefusedWithoutCountingAnAttempt() {
        OtpChallenge challenge = challenge(OtpPurpose.PASSWORD_RESET);

        OtpVerification result = challenge.verify(CODE, HASHER, NOW.plus(Duration.ofMinutes(5)));

        assertThat(result).isEqualTo(new OtpVerification.Rejected(challenge, OtpRule.EXPIRED));
        assertThat(result.challenge().attempts()).isZero();
    }

    @Test
    void aWrongCodeCountsAnAttempt() {
        OtpVerification result = challenge(OtpPurpose.PASSWORD_RESET).verify(WRONG, HASHER, NOW);

        assertThat(result).isInstanceOfSatisfying(OtpVerification.Rejected.class, rejected -> {
            assertThat(rejected.rule()).isEqualTo(OtpRule.CODE_MISMATCH);
            assertThat(rejected.challenge().attempts()).isEqualTo(1);
            assertThat(rejected.challenge().attemptsLeft()).isEqualTo(4);
            assertThat(rejected.challenge().status()).isEqualTo(OtpStatus.PENDING);
            assertThat(rejected.toViolation().rule()).isEqualTo(OtpRule.CODE_MISMATCH);
        });
    }

    @Test
    void theRightCodeAtTheFifthAttemptVerifies() {
        OtpChallenge challenge = afterWrongCodes(challenge(OtpPurpose.PASSWORD_RESET), 4);

        assertThat(challenge.attemptsLeft()).isEqualTo(1);
        assertThat(challenge.verify(CODE, HASHER, NOW)).isInstanceOf(OtpVerification.Verified.class);
    }

    @Test
    void theFifthWrongCodeLocksTheChallengeAndTheRightCodeIsThenRefused() {
        OtpChallenge challenge = afterWrongCodes(challenge(OtpPurpose.PASSWORD_RESET), 4);

        OtpVerification fifth = challenge.verify(WRONG, HASHER, NOW);

        assertThat(fifth).isInstanceOf(OtpVerification.Rejected.class);
        OtpVerification.Rejected rejected = (OtpVerification.Rejected) fifth;
        assertThat(rejected.rule()).isEqualTo(OtpRule.ATTEMPTS_EXHAUSTED);
        assertThat(rejected.challenge().status()).isEqualTo(OtpStatus.LOCKED);
        assertThat(rejected.challenge().attempts()).isEqualTo(5);
        assertThat(rejected.challenge().attemptsLeft()).isZero();
        RuleViolation violation = rejected.toViolation();
        assertThat(violation).isInstanceOfSatisfying(LimitExceeded.class, e -> {
            assertThat(e.limit()).isEqualTo(5);
            assertThat(e.current()).isEqualTo(5);
        });

        OtpVerification sixth = rejected.challenge().verify(CODE, HASHER, NOW);
        assertThat(sixth).isEqualTo(new OtpVerification.Rejected(rejected.challenge(), OtpRule.ATTEMPTS_EXHAUSTED));
    }

    @Test
    void aVerifiedChallengeCannotBeReused() {
        OtpChallenge verified = challenge(OtpPurpose.PASSWORD_RESET).verify(CODE, HASHER, NOW).challenge();

        OtpVerification again = verified.verify(CODE, HASHER, NOW);

        assertThat(again).isEqualTo(new OtpVerification.Rejected(verified, OtpRule.ALREADY_VERIFIED));
        assertThat(again.challenge().attempts()).isEqualTo(1);
    }

    @Test
    void theSameCodeOfAnotherChallengeDoesNotMatch() {
        OtpChallenge one = challenge(OtpPurpose.PASSWORD_RESET);
        OtpChallenge other = OtpChallenge.reconstitute(OtpChallengeId.random(), one.userId(), one.contactMethodId(),
                one.channel(), one.destination(), one.purpose(), one.codeHash(), one.issuedAt(), one.expiresAt(),
                one.maxAttempts(), one.attempts(), one.status());

        assertThat(other.verify(CODE, HASHER, NOW)).isInstanceOf(OtpVerification.Rejected.class);
    }

    @Test
    void aChallengeKeepsWhatItWasIssuedWith() {
        OtpChallengeId id = OtpChallengeId.random();
        UserId user = UserId.random();
        ContactMethodId method = new ContactMethodId(UUID.randomUUID());
        OtpChallenge challenge = OtpChallenge.issue(id, user, method, Channel.SMS, new PhoneNumber("2125550147"),
                OtpPurpose.CONTACT_VERIFICATION, HASHER.hash(id, CODE), NOW, POLICY);

        assertThat(challenge.id()).isEqualTo(id);
        assertThat(challenge.userId()).isEqualTo(user);
        assertThat(challenge.contactMethodId()).isEqualTo(method);
        assertThat(challenge.codeHash()).isEqualTo(HASHER.hash(id, CODE));

        assertThat(challenge.channel()).isEqualTo(Channel.SMS);
        assertThat(challenge.purpose()).isEqualTo(OtpPurpose.CONTACT_VERIFICATION);
        assertThat(challenge.destination()).isEqualTo(new PhoneNumber("2125550147"));
        assertThat(challenge.issuedAt()).isEqualTo(NOW);
        assertThat(challenge.maxAttempts()).isEqualTo(5);
        assertThat(challenge.attemptsLeft()).isEqualTo(5);
        assertThat(challenge.status()).isEqualTo(OtpStatus.PENDING);
    }

    private static OtpChallenge afterWrongCodes(OtpChallenge challenge, int wrong) {
        OtpChallenge current = challenge;
        for (int i = 0; i < wrong; i++) {
            current = current.verify(WRONG, HASHER, NOW).challenge();
        }
        return current;
    }

    @ParameterizedTest(name = "a phone is certified by {0}")
    @EnumSource(value = Channel.class, names = {"SMS", "VOICE"})
    void aPhoneIsCertifiedBySmsOrVoice(Channel channel) {
        OtpChallengeId id = OtpChallengeId.random();
        assertThat(OtpChallenge.issue(id, UserId.random(), new ContactMethodId(UUID.randomUUID()), channel,
                new PhoneNumber("2125550147"), OtpPurpose.CERTIFY_PHONE, HASHER.hash(id, CODE), NOW, POLICY)
                .purpose()).isEqualTo(OtpPurpose.CERTIFY_PHONE);
    }

    @Test
    void aPhoneIsNotCertifiedByEmail() {
        OtpChallengeId id = OtpChallengeId.random();
        assertBreaks(OtpRule.CERTIFY_PHONE_CHANNEL, "contactMethodId", () -> OtpChallenge.issue(id, UserId.random(),
                new ContactMethodId(UUID.randomUUID()), Channel.EMAIL, new EmailAddress("jane@example.com"),
                OtpPurpose.CERTIFY_PHONE, HASHER.hash(id, CODE), NOW, POLICY));
    }

    // --- sending

    @Test
    void theFirstCodeToADestinationMayBeSent() {
        assertThat(POLICY.maySend(List.of(), NOW)).isEqualTo(LimitDecision.ALLOWED);
    }

    @Test
    void aNewCodeAtMostOncePer30Seconds() {
        assertThat(POLICY.maySend(List.of(NOW.minusSeconds(29)), NOW))
                .isEqualTo(new LimitDecision.Refused(OtpRule.RESEND_TOO_SOON, 1, 1));
        assertThat(POLICY.maySend(List.of(NOW.minusSeconds(30)), NOW)).isEqualTo(LimitDecision.ALLOWED);
    }

    @Test
    void atMostFiveCodesAnHour() {
        List<Instant> fourInTheHour = List.of(NOW.minusSeconds(3599), NOW.minusSeconds(2000), NOW.minusSeconds(1000),
                NOW.minusSeconds(60));
        List<Instant> fiveInTheHour = List.of(NOW.minusSeconds(3599), NOW.minusSeconds(2000), NOW.minusSeconds(1000),
                NOW.minusSeconds(500), NOW.minusSeconds(60));
        List<Instant> oldestAnHourAgo = List.of(NOW.minusSeconds(3600), NOW.minusSeconds(2000), NOW.minusSeconds(1000),
                NOW.minusSeconds(500), NOW.minusSeconds(60));

        assertThat(POLICY.maySend(fourInTheHour, NOW)).isEqualTo(LimitDecision.ALLOWED);
        assertThat(POLICY.maySend(fiveInTheHour, NOW))
                .isEqualTo(new LimitDecision.Refused(OtpRule.HOURLY_SENDS, 5, 5));
        assertThat(POLICY.maySend(oldestAnHourAgo, NOW)).isEqualTo(LimitDecision.ALLOWED);
    }

    // --- verifying

    @Test
    void aCustomerWith99FailuresInTheHour_mayHaveAPasscodeChecked() {
        assertThat(POLICY.mayVerify(List.of(), NOW)).isEqualTo(LimitDecision.ALLOWED);
        assertThat(POLICY.mayVerify(failures(99, NOW.minusSeconds(3599)), NOW)).isEqualTo(LimitDecision.ALLOWED);
    }

    @Test
    void aCustomerWith100FailuresInTheHour_mayNotHaveAnyPasscodeChecked() {
        assertThat(POLICY.mayVerify(failures(100, NOW.minusSeconds(3599)), NOW))
                .isEqualTo(new LimitDecision.Refused(OtpRule.HOURLY_FAILURES, 100, 100));
    }

    @Test
    void aFailureExactlyAnHourOld_noLongerCounts() {
        List<Instant> oldestAnHourAgo = new ArrayList<>(failures(99, NOW.minusSeconds(3000)));
        oldestAnHourAgo.add(NOW.minus(Duration.ofHours(1)));

        assertThat(POLICY.mayVerify(oldestAnHourAgo, NOW)).isEqualTo(LimitDecision.ALLOWED);
        assertThat(POLICY.mayVerify(oldestAnHourAgo, NOW.minusNanos(1)))
                .isEqualTo(new LimitDecision.Refused(OtpRule.HOURLY_FAILURES, 100, 100));
    }

    @Test
    void theFailureBudgetIsConfigurable() {
        OtpPolicy oneFailure = new OtpPolicy(6, POLICY.validity(), 5, POLICY.resendInterval(), 5,
                POLICY.contactVerificationValidity(), POLICY.passwordResetCoolOff(), 1);

        assertThat(oneFailure.mayVerify(List.of(), NOW)).isEqualTo(LimitDecision.ALLOWED);
        assertThat(oneFailure.mayVerify(List.of(NOW.minusSeconds(1)), NOW))
                .isEqualTo(new LimitDecision.Refused(OtpRule.HOURLY_FAILURES, 1, 1));
    }

    /** {@code count} failures, one a second, the first at {@code first}. */
    private static List<Instant> failures(int count, Instant first) {
        return IntStream.range(0, count).mapToObj(first::plusSeconds).toList();
    }

    @Test
    void aPasswordResetCodeIsNotSentToADestinationChangedLessThan24HoursAgo() {
        assertBreaks(OtpRule.PASSWORD_RESET_COOL_OFF, "contactMethodId", () -> POLICY.requireCoolOffPassed(
                OtpPurpose.PASSWORD_RESET, NOW.minus(Duration.ofHours(24)).plusSeconds(1), NOW));
        assertThatNoException().isThrownBy(() -> POLICY.requireCoolOffPassed(
                OtpPurpose.PASSWORD_RESET, NOW.minus(Duration.ofHours(24)), NOW));
    }

    @ParameterizedTest(name = "{0} has no cool-off")
    @EnumSource(value = OtpPurpose.class, names = {"CONTACT_VERIFICATION", "CERTIFY_PHONE"})
    void otherPurposesHaveNoCoolOff(OtpPurpose purpose) {
        assertThatNoException().isThrownBy(() -> POLICY.requireCoolOffPassed(purpose, NOW, NOW));
    }

    // --- contact verification

    @Test
    void aVerifiedContactVerificationYieldsAProofUsableOnceFor30Minutes() {
        OtpChallenge verified = challenge(OtpPurpose.CONTACT_VERIFICATION).verify(CODE, HASHER, NOW).challenge();
        ContactVerificationId id = ContactVerificationId.random();

        ContactVerification proof = ContactVerification.of(id, verified, NOW, POLICY);

        assertThat(proof.destination()).isEqualTo(new PhoneNumber("2125550147"));
        assertThat(proof.userId()).isEqualTo(verified.userId());
        assertThat(proof.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
        UserId owner = verified.userId();
        ContactVerification used = proof.redeem(owner, NOW.plus(Duration.ofMinutes(30)).minusMillis(1));
        assertThat(used.used()).isTrue();
        assertBreaks(OtpRule.VERIFICATION_USED, "contactVerificationIdentifiers", () -> used.redeem(owner, NOW));
        assertBreaks(OtpRule.VERIFICATION_EXPIRED, "contactVerificationIdentifiers",
                () -> proof.redeem(owner, NOW.plus(Duration.ofMinutes(30))));
        assertBreaks(OtpRule.VERIFICATION_OTHER_USER, "contactVerificationIdentifiers",
                () -> proof.redeem(UserId.random(), NOW));
    }

    @Test
    void onlyAVerifiedContactVerificationYieldsAProof() {
        OtpChallenge pending = challenge(OtpPurpose.CONTACT_VERIFICATION);
        OtpChallenge passwordReset = challenge(OtpPurpose.PASSWORD_RESET).verify(CODE, HASHER, NOW).challenge();

        assertThatThrownBy(() -> ContactVerification.of(ContactVerificationId.random(), pending, NOW, POLICY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ContactVerification.of(ContactVerificationId.random(), passwordReset, NOW, POLICY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void idsPrintTheirUuid() {
        OtpChallengeId id = OtpChallengeId.random();
        ContactVerificationId proof = ContactVerificationId.random();

        assertThat(id.toString()).isEqualTo(id.value().toString());
        assertThat(proof.toString()).isEqualTo(proof.value().toString());
    }
}
