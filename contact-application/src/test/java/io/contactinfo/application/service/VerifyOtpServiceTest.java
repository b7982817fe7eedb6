package io.contactinfo.application.service;

import static io.contactinfo.application.service.ContactTestData.BANK_A;
import static io.contactinfo.application.service.ContactTestData.BANK_B;
import static io.contactinfo.application.service.ContactTestData.JANE;
import static io.contactinfo.application.service.ContactTestData.JANE_EMAIL;
import static io.contactinfo.application.service.ContactTestData.JANE_MOBILE;
import static io.contactinfo.application.service.ContactTestData.JOHN;
import static io.contactinfo.application.service.ContactTestData.LONG_AGO;
import static io.contactinfo.application.service.ContactTestData.NOW;
import static io.contactinfo.application.service.ContactTestData.assertNoneHolds;
import static io.contactinfo.application.service.ContactTestData.caller;
import static io.contactinfo.application.service.ContactTestData.callerFor;
import static io.contactinfo.application.service.ContactTestData.jane;
import static io.contactinfo.application.service.ContactTestData.phone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.contactinfo.application.inmemory.InMemoryPorts;
import io.contactinfo.application.port.in.DispatchNotificationsUseCase;
import io.contactinfo.application.port.in.CallerContext;
import io.contactinfo.application.port.in.MissingScopeException;
import io.contactinfo.application.port.in.NotFoundException;
import io.contactinfo.application.port.in.Scope;
import io.contactinfo.application.port.in.SendOtpCommand;
import io.contactinfo.application.port.in.SentOtp;
import io.contactinfo.application.port.in.VerifiedOtp;
import io.contactinfo.application.port.in.VerifyOtpCommand;
import io.contactinfo.application.port.out.AuditLog;
import io.contactinfo.application.port.out.AuditRecord;
import io.contactinfo.domain.contact.Channel;
import io.contactinfo.domain.contact.ContactMethod;
import io.contactinfo.domain.contact.ContactRule;
import io.contactinfo.domain.contact.PhoneNumber;
import io.contactinfo.domain.contact.PhoneType;
import io.contactinfo.domain.otp.ContactVerification;
import io.contactinfo.domain.otp.OtpChallenge;
import io.contactinfo.domain.otp.OtpChallengeId;
import io.contactinfo.domain.otp.OtpCode;
import io.contactinfo.domain.otp.OtpPolicy;
import io.contactinfo.domain.otp.OtpPurpose;
import io.contactinfo.domain.otp.OtpRule;
import io.contactinfo.domain.otp.OtpStatus;
import io.contactinfo.domain.rule.LimitExceeded;
import io.contactinfo.domain.rule.RuleViolation;
import io.contactinfo.domain.user.CertifiedPhone;
import io.contactinfo.domain.user.InstitutionCustomerId;
import io.contactinfo.domain.user.User;
import io.contactinfo.domain.user.UserId;
import io.contactinfo.domain.user.UserProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerifyOtpServiceTest {

    private static final CallerContext WRITER = caller(BANK_A, Scope.INSTITUTION_USERS_WRITE);

    private final InMemoryPorts ports = new InMemoryPorts();
    private final AdjustableClock clock = new AdjustableClock(NOW);
    private final Sha256OtpCodeHasher hasher = new Sha256OtpCodeHasher();
    private final SendOtpService sender = new SendOtpService(ports.users(), ports.otps(), ports.audit(),
            ports.outbox(), ports.unitOfWork(), OtpPolicy.DEFAULTS, hasher, clock, new Random(7),
            DispatchNotificationsUseCase.NONE);
    private final VerifyOtpService service = service(ports.audit());
    private final User jane = jane(BANK_A, Optional.empty());

    VerifyOtpServiceTest() {
        ports.users().add(jane);
    }

    @Test
    void givenTheRightCode_verify_verifiesTheChallenge() {
        SentOtp sent = send(Channel.SMS, OtpPurpose.PASSWORD_RESET);

        VerifiedOtp verified = service.verify(command(WRITER, JANE, sent.otpId(), codeOf(sent)));

        assertThat(verified.verified()).isTrue();
        assertThat(verified.contactVerificationId()).isEmpty();
        assertThat(challenge(sent).status()).isEqualTo(OtpStatus.VERIFIED);
        assertThat(lastAudit().action()).isEqualTo("otp.verified");
    }

    @Test
    void givenTheRightCodeForAContactVerification_verify_yieldsAProofUsableFor30Minutes() {
        SentOtp sent = send(Channel.EMAIL, OtpPurpose.CONTACT_VERIFICATION);

        VerifiedOtp verified = service.verify(command(WRITER, JANE, sent.otpId(), codeOf(sent)));

        assertThat(verified.contactVerificationId()).isPresent();
        ContactVerification proof = ports.otps().find(BANK_A, verified.contactVerificationId().get()).orElseThrow();
        assertThat(proof.userId()).isEqualTo(jane.id());
        assertThat(proof.destination()).isEqualTo(JANE_EMAIL);
        assertThat(proof.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
        assertThat(proof.used()).isFalse();
    }

    @Test
    void givenTheRightCodeForAPhoneCertification_verify_certifiesThatMobilePhone() {
        SentOtp sent = send(Channel.SMS, OtpPurpose.CERTIFY_PHONE);

        service.verify(command(WRITER, JANE, sent.otpId(), codeOf(sent)));

        CertifiedPhone certified = ports.users().findByCustomerId(BANK_A, JANE).orElseThrow().certifiedPhone()
                .orElseThrow();
        assertThat(certified.number()).isEqualTo(JANE_MOBILE);
        assertThat(certified.phoneId()).isEqualTo(jane.phones().get(0).id());
        assertThat(certified.certifiedAt()).isEqualTo(NOW);
        assertThat(certified.challengeId()).isEqualTo(sent.otpId().value());
        assertThat(lastAudit().changes()).extracting(AuditRecord.Change::field, AuditRecord.Change::after)
                .contains(tuple("certifiedPhone", Optional.of("(***) ***-0147")));
    }

    @Test
    void givenACertificationWhosePhoneNumberChangedSinceTheSend_verify_isRefusedAndCertifiesNothing() {
        SentOtp sent = send(Channel.SMS, OtpPurpose.CERTIFY_PHONE);
        ports.users().update(jane.replacePhoneNumber(JANE_MOBILE, new PhoneNumber("3125550111"), Set.of(), NOW)
                .after());

        assertThatThrownBy(() -> service.verify(command(WRITER, JANE, sent.otpId(), codeOf(sent))))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.rule()).isEqualTo(ContactRule.PHONE_NOT_FOUND));
        assertThat(ports.users().findByCustomerId(BANK_A, JANE).orElseThrow().certifiedPhone()).isEmpty();
    }

    @Test
    void givenAWrongCode_verify_isRefusedAndTheAttemptIsKept() {
        SentOtp sent = send(Channel.SMS, OtpPurpose.PASSWORD_RESET);

        assertThatThrownBy(() -> service.verify(command(WRITER, JANE, sent.otpId(), wrongCodeFor(sent))))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.rule()).isEqualTo(OtpRule.CODE_MISMATCH));

        assertThat(challenge(sent).attempts()).isEqualTo(1);
        assertThat(challenge(sent).status()).isEqualTo(OtpStatus.PENDING);
        assertThat(lastAudit().action()).isEqualTo("otp.rejected");
    }

    @Test
    void givenTheFifthWrongCode_verify_locksTheChallengeForGood() {
        SentOtp sent = send(Channel.SMS, OtpPurpose.PASSWORD_RESET);
        OtpCode wrong = wrongCodeFor(sent);
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> service.verify(command(WRITER, JANE, sent.otpId(), wrong)))
                    .isInstanceOfSatisfying(RuleViolation.class,
                            e -> assertThat(e.rule()).isEqualTo(OtpRule.CODE_MISMATCH));
        }

        assertThatThrownBy(() -> service.verify(command(WRITER, JANE, sent.otpId(), wrong)))
                .isInstanceOfSatisfying(LimitExceeded.class, e -> {
                    assertThat(e.rule()).isEqualTo(OtpRule.ATTEMPTS_EXHAUSTED);
                    assertThat(e.limit()).isEqualTo(5);
                    assertThat(e.current()).isEqualTo(5);
                });
        assertThat(challenge(sent).status()).isEqualTo(OtpStatus.LOCKED);
        assertThat(lastAudit().action()).isEqualTo("otp.locked");

        assertThatThrownBy(() -> service.verify(command(WRITER, JANE, sent.otpId(), codeOf(sent))))
                .isInstanceOfSatisfying(LimitExceeded.class,
                        e -> assertThat(e.rule()).isEqualTo(OtpRule.ATTEMPTS_EXHAUSTED));
        assertThat(challenge(sent).attempts()).isEqualTo(5);
        assertThat(lastAudit().action()).isEqualTo("otp.rejected");
    }

    @Test
    void eachWrongCodeCompared_countsOneFailureOfTheCustomer_theLockingOneIncluded() {
        SentOtp sent = send(Channel.SMS, OtpPurpose.PASSWORD_RESET);
        for (int i = 0; i < 6; i++) {
            assertThatThrownBy(() -> service.verify(command(WRITER, JANE, sent.otpId(), wrongCodeFor(sent))))
                    .isInstanceOf(RuleViolation.class);
        }

        // Five compared (the fifth locked the challenge); the sixth was refused by the lock, compared with nothing.
        assertThat(failuresOfJane()).hasSize(5).containsOnly(NOW);
    }

    @Test
    void aRefusalThatComparesNoCode_countsNoFailure() {
        SentOtp verified = send(Channel.EMAIL, OtpPurpose.CONTACT_VERIFICATION);
        service.verify(command(WRITER, JANE, verified.otpId(), codeOf(verified)));
        SentOtp expired = send(Channel.SMS, OtpPurpose.PASSWORD_RESET);
        clock.advance(Duration.ofMinutes(5));

        assertThatThrownBy(() -> service.verify(command(WRITER, JANE, verified.otpId(), wrongCodeFor(verified))))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.rule()).isEqualTo(OtpRule.ALREADY_VERIFIED));
        assertThatThrownBy(() -> service.verify(command(WRITER, JANE, expired.otpId(), wrongCodeFor(expired))))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo(OtpRule.EXPIRED));
        assertThat(failuresOfJane()).isEmpty();
    }

    @Test
    void after100FailuresInTheHour_the101stVerification_isRefusedEvenWithTheRightCode_andCountsNoAttempt() {
        failedEarlier(99, NOW.minus(Duration.ofMinutes(50)));
        SentOtp sent = send(Channel.SMS, OtpPurpose.PASSWORD_RESET);
        assertThatThrownBy(() -> service.verify(command(WRITER, JANE, sent.otpId(), wrongCodeFor(sent))))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.rule()).isEqualTo(OtpRule.CODE_MISMATCH));

        assertThatThrownBy(() -> service.verify(command(WRITER, JANE, sent.otpId(), codeOf(sent))))
                .isInstanceOfSatisfying(LimitExceeded.class, e -> {
                    assertThat(e.rule()).isEqualTo(OtpRule.HOURLY_FAILURES);
                    assertThat(e.field()).isEqualTo("code");
                    assertThat(e.limit()).isEqualTo(100);
                    assertThat(e.current()).isEqualTo(100);
                });

        assertThat(challenge(sent).attempts()).isEqualTo(1);
        assertThat(challenge(sent).status()).isEqualTo(OtpStatus.PENDING);
        assertThat(failuresOfJane()).hasSize(100);
        assertThat(lastAudit().action()).isEqualTo("otp.rejected");
        assertThat(lastAudit().changes()).extracting(AuditRecord.Change::field, AuditRecord.Change::after)
                .containsExactly(tuple("otpId", Optional.of(sent.otpId().toString())),
                        tuple("rule", Optional.of("otp.verify.hourly-failures")));
    }

    @Test
    void after100FailuresInTheHour_codesAreCheckedAgainOnceTheOldestFailureIsAnHourOld() {
        failedEarlier(1, NOW.minus(Duration.ofMinutes(58)));
        failedEarlier(99, NOW.minus(Duration.ofMinutes(57)));
        SentOtp sent = send(Channel.SMS, OtpPurpose.PASSWORD_RESET);
        assertThatThrownBy(() -> service.verify(command(WRITER, JANE, sent.otpId(), codeOf(sent))))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.rule()).isEqualTo(OtpRule.HOURLY_FAILURES));

        clock.advance(Duration.ofMinutes(2));

        assertThat(service.verify(command(WRITER, JANE, sent.otpId(), codeOf(sent))).verified()).isTrue();
    }

    @Test
    void anotherCustomersFailures_doNotCountAgainstThisOne() {
        ports.users().add(User.create(UserId.random(), BANK_A, JOHN, Optional.empty(), UserProfile.EMPTY,
                List.of(phone(new PhoneNumber("3125550111"), PhoneType.MOBILE, true, LONG_AGO)), Optional.empty()));
        User john = ports.users().findByCustomerId(BANK_A, JOHN).orElseThrow();
        for (int i = 0; i < 100; i++) {
            ports.otps().addFailedVerification(BANK_A, john.id(), NOW.minusSeconds(60));
        }
        SentOtp sent = send(Channel.SMS, OtpPurpose.PASSWORD_RESET);

        assertThat(service.verify(command(WRITER, JANE, sent.otpId(), codeOf(sent))).verified()).isTrue();
    }

    @Test
    void givenAnExpiredChallenge_verify_isRefusedWithoutCountingAnAttempt() {
        SentOtp sent = send(Channel.SMS, OtpPurpose.PASSWORD_RESET);
        clock.advance(Duration.ofMinutes(5));

        assertThatThrownBy(() -> service.verify(command(WRITER, JANE, sent.otpId(), codeOf(sent))))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo(OtpRule.EXPIRED));
        assertThat(challenge(sent).attempts()).isZero();
        assertThat(challenge(sent).status()).isEqualTo(OtpStatus.PENDING);
    }

    @Test
    void givenAVerifiedChallenge_verify_refusesToUseItAgain() {
        SentOtp sent = send(Channel.EMAIL, OtpPurpose.CONTACT_VERIFICATION);
        service.verify(command(WRITER, JANE, sent.otpId(), codeOf(sent)));

        assertThatThrownBy(() -> service.verify(command(WRITER, JANE, sent.otpId(), codeOf(sent))))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.rule()).isEqualTo(OtpRule.ALREADY_VERIFIED));
    }

    @Test
    void givenATokenWithoutTheWriteScope_verify_isRefusedWithoutCountingAnAttempt() {
        SentOtp sent = send(Channel.SMS, OtpPurpose.PASSWORD_RESET);
        var command = command(caller(BANK_A, Scope.INSTITUTION_USERS_READ), JANE, sent.otpId(), codeOf(sent));

        assertThatThrownBy(() -> service.verify(command)).isInstanceOfSatisfying(MissingScopeException.class,
                e -> assertThat(e.required()).isEqualTo(Scope.INSTITUTION_USERS_WRITE));
        assertThat(challenge(sent).attempts()).isZero();
    }

    @Test
    void givenAnUnknownCustomer_verify_isNotFound() {
        SentOtp sent = send(Channel.SMS, OtpPurpose.PASSWORD_RESET);

        assertNotFound(sent, command(WRITER, new InstitutionCustomerId("c-404"), sent.otpId(), codeOf(sent)),
                NotFoundException.Resource.CUSTOMER);
    }

    @Test
    void givenACallerOfAnotherInstitution_verify_cannotTellTheCustomerOrChallengeExists() {
        SentOtp sent = send(Channel.SMS, OtpPurpose.PASSWORD_RESET);

        assertNotFound(sent, command(caller(BANK_B, Scope.INSTITUTION_USERS_WRITE), JANE, sent.otpId(),
                codeOf(sent)), NotFoundException.Resource.CUSTOMER);
    }

    @Test
    void givenATokenIssuedForAnotherCustomer_verify_isNotFound() {
        SentOtp sent = send(Channel.SMS, OtpPurpose.PASSWORD_RESET);

        assertNotFound(sent, command(callerFor(BANK_A, JOHN, Scope.INSTITUTION_USERS_WRITE), JANE, sent.otpId(),
                codeOf(sent)), NotFoundException.Resource.CUSTOMER);
    }

    @Test
    void givenAnUnknownChallenge_verify_isNotFound() {
        assertThatThrownBy(() -> service.verify(command(WRITER, JANE, OtpChallengeId.random(), new OtpCode("123456"))))
                .isInstanceOfSatisfying(NotFoundException.class,
                        e -> assertThat(e.resource()).isEqualTo(NotFoundException.Resource.OTP_CHALLENGE));
        assertThat(ports.audit().records()).isEmpty();
    }

    @Test
    void givenAnotherCustomersChallenge_verify_isNotFound() {
        SentOtp sent = send(Channel.SMS, OtpPurpose.PASSWORD_RESET);
        ports.users().add(User.create(UserId.random(), BANK_A, JOHN, Optional.empty(), UserProfile.EMPTY,
                List.of(phone(new PhoneNumber("3125550111"), PhoneType.MOBILE, true, LONG_AGO)), Optional.empty()));

        assertNotFound(sent, command(WRITER, JOHN, sent.otpId(), codeOf(sent)),
                NotFoundException.Resource.OTP_CHALLENGE);
    }

    @Test
    void givenAFailureWhileAuditing_verify_keepsNeitherTheAttemptNorTheProof() {
        SentOtp sent = send(Channel.EMAIL, OtpPurpose.CONTACT_VERIFICATION);
        int records = ports.audit().records().size();
        AuditLog broken = record -> {
            throw new IllegalStateException("audit log unavailable");
        };

        assertThatThrownBy(() -> service(broken).verify(command(WRITER, JANE, sent.otpId(), codeOf(sent))))
                .hasMessage("audit log unavailable");

        assertThat(challenge(sent).status()).isEqualTo(OtpStatus.PENDING);
        assertThat(challenge(sent).attempts()).isZero();
        assertThat(ports.audit().records()).hasSize(records);
        service.verify(command(WRITER, JANE, sent.otpId(), codeOf(sent)));
    }

    @Test
    void noAuditRecordOfASendOrAVerification_holdsTheCodeOrTheDestination() {
        SentOtp sms = send(Channel.SMS, OtpPurpose.CERTIFY_PHONE);
        service.verify(command(WRITER, JANE, sms.otpId(), codeOf(sms)));
        clock.advance(Duration.ofMinutes(1));
        SentOtp email = send(Channel.EMAIL, OtpPurpose.CONTACT_VERIFICATION);
        assertThatThrownBy(() -> service.verify(command(WRITER, JANE, email.otpId(), wrongCodeFor(email))))
                .isInstanceOf(RuleViolation.class);

        assertThat(ports.audit().records()).extracting(AuditRecord::action)
                .containsExactly("otp.sent", "otp.verified", "otp.sent", "otp.rejected");
        assertNoneHolds(ports.audit().records(), codeOf(sms).digits(), codeOf(email).digits(),
                wrongCodeFor(email).digits(), JANE_MOBILE.digits(), JANE_EMAIL.value());
    }

    private void assertNotFound(SentOtp sent, VerifyOtpCommand command, NotFoundException.Resource resource) {
        int records = ports.audit().records().size();
        assertThatThrownBy(() -> service.verify(command)).isInstanceOfSatisfying(NotFoundException.class,
                e -> assertThat(e.resource()).isEqualTo(resource));
        assertThat(challenge(sent).attempts()).isZero();
        assertThat(ports.audit().records()).hasSize(records);
    }

    private SentOtp send(Channel channel, OtpPurpose purpose) {
        ContactMethod method = jane.contactMethods().stream().filter(m -> m.channel() == channel).findFirst()
                .orElseThrow();
        return sender.send(new SendOtpCommand(WRITER, JANE, method.id(), purpose));
    }

    /** The code as the customer received it: from the message in the outbox. */
    private OtpCode codeOf(SentOtp sent) {
        OtpChallenge challenge = challenge(sent);
        return ports.outbox().pending().stream()
                .map(message -> new OtpCode(message.parameters().get("code")))
                .filter(code -> hasher.hash(challenge.id(), code).matches(challenge.codeHash()))
                .findFirst().orElseThrow();
    }

    private OtpCode wrongCodeFor(SentOtp sent) {
        String right = codeOf(sent).digits();
        return new OtpCode(right.equals("000000") ? "000001" : "000000");
    }

    /** {@code count} failed verifications of Jane at {@code at}, as earlier challenges would have left them. */
    private void failedEarlier(int count, Instant at) {
        for (int i = 0; i < count; i++) {
            ports.otps().addFailedVerification(BANK_A, jane.id(), at);
        }
    }

    private List<Instant> failuresOfJane() {
        return ports.otps().failedVerifications(BANK_A, jane.id(), LONG_AGO);
    }

    private OtpChallenge challenge(SentOtp sent) {
        return ports.otps().find(BANK_A, sent.otpId()).orElseThrow();
    }

    private AuditRecord lastAudit() {
        List<AuditRecord> records = ports.audit().records();
        return records.get(records.size() - 1);
    }

    private VerifyOtpService service(AuditLog auditLog) {
        return new VerifyOtpService(ports.users(), ports.otps(), auditLog, ports.unitOfWork(), OtpPolicy.DEFAULTS,
                hasher, clock);
    }

    private static VerifyOtpCommand command(CallerContext caller, InstitutionCustomerId customer, OtpChallengeId id,
                                            OtpCode code) {
        return new VerifyOtpCommand(caller, customer, id, code);
    }
}
