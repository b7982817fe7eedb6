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
import io.contactinfo.application.port.in.CallerContext;
import io.contactinfo.application.port.in.DispatchNotificationsUseCase;
import io.contactinfo.application.port.in.MissingScopeException;
import io.contactinfo.application.port.in.NotFoundException;
import io.contactinfo.application.port.in.NotificationUnavailableException;
import io.contactinfo.application.port.in.Scope;
import io.contactinfo.application.port.in.SendOtpCommand;
import io.contactinfo.application.port.in.SentOtp;
import io.contactinfo.application.port.out.AuditRecord;
import io.contactinfo.application.port.out.Delivery;
import io.contactinfo.application.port.out.Notification;
import io.contactinfo.application.port.out.NotificationOutbox;
import io.contactinfo.domain.contact.Channel;
import io.contactinfo.domain.contact.ContactMethod;
import io.contactinfo.domain.contact.ContactMethodId;
import io.contactinfo.domain.contact.ContactRule;
import io.contactinfo.domain.contact.PhoneNumber;
import io.contactinfo.domain.contact.PhoneType;
import io.contactinfo.domain.otp.OtpChallenge;
import io.contactinfo.domain.otp.OtpCode;
import io.contactinfo.domain.otp.OtpPolicy;
import io.contactinfo.domain.otp.OtpPurpose;
import io.contactinfo.domain.otp.OtpRule;
import io.contactinfo.domain.otp.OtpStatus;
import io.contactinfo.domain.otp.OtpVerification;
import io.contactinfo.domain.rule.LimitExceeded;
import io.contactinfo.domain.rule.RuleViolation;
import io.contactinfo.domain.user.InstitutionCustomerId;
import io.contactinfo.domain.user.User;
import io.contactinfo.domain.user.UserId;
import io.contactinfo.domain.user.UserProfile;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SendOtpServiceTest {

    private static final CallerContext WRITER = caller(BANK_A, Scope.INSTITUTION_USERS_WRITE);

    private final InMemoryPorts ports = new InMemoryPorts();
    private final AdjustableClock clock = new AdjustableClock(NOW);
    private final Sha256OtpCodeHasher hasher = new Sha256OtpCodeHasher();
    private final SendOtpService service = service(ports.outbox());
    private final User jane = jane(BANK_A, Optional.empty());

    SendOtpServiceTest() {
        ports.users().add(jane);
    }

    @Test
    void givenAMobileMethod_send_returnsTheChallengeWithAMaskedDestinationAndItsExpiry() {
        ContactMethod sms = method(jane, Channel.SMS);

        SentOtp sent = service.send(command(WRITER, JANE, sms.id(), OtpPurpose.PASSWORD_RESET));

        assertThat(sent.contactMethodId()).isEqualTo(sms.id());
        assertThat(sent.channel()).isEqualTo(Channel.SMS);
        assertThat(sent.maskedDestination()).isEqualTo("(***) ***-0147");
        assertThat(sent.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        assertThat(ports.otps().find(BANK_A, sent.otpId())).hasValueSatisfying(challenge -> {
            assertThat(challenge.status()).isEqualTo(OtpStatus.PENDING);
            assertThat(challenge.userId()).isEqualTo(jane.id());
            assertThat(challenge.destination()).isEqualTo(JANE_MOBILE);
            assertThat(challenge.purpose()).isEqualTo(OtpPurpose.PASSWORD_RESET);
        });
    }

    @Test
    void givenAMobileMethod_send_putsTheCodeInTheMessageAndOnlyItsHashInTheChallenge() {
        SentOtp sent = service.send(command(WRITER, JANE, method(jane, Channel.SMS).id(), OtpPurpose.PASSWORD_RESET));

        Notification message = ports.outbox().pending().get(0);
        assertThat(ports.outbox().pending()).hasSize(1);
        assertThat(message.kind()).isEqualTo(Notification.Kind.OTP_CODE);
        assertThat(message.channel()).isEqualTo(Channel.SMS);
        assertThat(message.destination()).isEqualTo(JANE_MOBILE.digits());
        OtpCode code = new OtpCode(message.parameters().get("code"));
        assertThat(code.digits()).hasSize(6);
        OtpChallenge challenge = ports.otps().find(BANK_A, sent.otpId()).orElseThrow();
        assertThat(challenge.codeHash().matches(hasher.hash(challenge.id(), code))).isTrue();
        assertThat(challenge.verify(code, hasher, NOW)).isInstanceOf(OtpVerification.Verified.class);
    }

    @Test
    void givenAnEmailMethod_send_mailsTheCodeToTheAddress() {
        SentOtp sent = service.send(command(WRITER, JANE, method(jane, Channel.EMAIL).id(),
                OtpPurpose.CONTACT_VERIFICATION));

        assertThat(sent.channel()).isEqualTo(Channel.EMAIL);
        assertThat(sent.maskedDestination()).isEqualTo("J***@Example.com");
        assertThat(ports.outbox().pending()).singleElement().satisfies(message -> {
            assertThat(message.channel()).isEqualTo(Channel.EMAIL);
            assertThat(message.destination()).isEqualTo(JANE_EMAIL.value());
        });
    }

    @Test
    void givenAVoiceMethod_send_callsTheNumber() {
        ContactMethod voice = jane.contactMethods().stream()
                .filter(m -> m.channel() == Channel.VOICE && m.maskedDestination().endsWith("0148"))
                .findFirst().orElseThrow();

        SentOtp sent = service.send(command(WRITER, JANE, voice.id(), OtpPurpose.PASSWORD_RESET));

        assertThat(sent.channel()).isEqualTo(Channel.VOICE);
        assertThat(ports.outbox().pending()).singleElement()
                .satisfies(message -> assertThat(message.destination()).isEqualTo("2125550148"));
    }

    @Test
    void givenASend_send_auditsItWithoutTheCodeOrTheDestination() {
        SentOtp sent = service.send(command(WRITER, JANE, method(jane, Channel.SMS).id(), OtpPurpose.PASSWORD_RESET));

        String code = ports.outbox().pending().get(0).parameters().get("code");
        assertThat(ports.audit().records()).singleElement().satisfies(record -> {
            assertThat(record.action()).isEqualTo("otp.sent");
            assertThat(record.target()).contains(jane.id().toString());
            assertThat(record.changes()).extracting(AuditRecord.Change::field, AuditRecord.Change::after)
                    .containsExactly(
                            tuple("otpId", Optional.of(sent.otpId().toString())),
                            tuple("purpose", Optional.of("PASSWORD_RESET")),
                            tuple("channel", Optional.of("SMS")),
                            tuple("destination", Optional.of("(***) ***-0147")));
        });
        assertNoneHolds(ports.audit().records(), code, JANE_MOBILE.digits());
    }

    @Test
    void givenAnEmailSend_theAuditRecordHoldsNoEmailAddress() {
        service.send(command(WRITER, JANE, method(jane, Channel.EMAIL).id(), OtpPurpose.PASSWORD_RESET));

        assertNoneHolds(ports.audit().records(), JANE_EMAIL.value(),
                ports.outbox().pending().get(0).parameters().get("code"));
    }

    @Test
    void givenATokenWithoutTheWriteScope_send_isRefused() {
        var command = command(caller(BANK_A, Scope.INSTITUTION_USERS_READ), JANE, method(jane, Channel.SMS).id(),
                OtpPurpose.PASSWORD_RESET);

        assertThatThrownBy(() -> service.send(command)).isInstanceOfSatisfying(MissingScopeException.class,
                e -> assertThat(e.required()).isEqualTo(Scope.INSTITUTION_USERS_WRITE));
        assertNothingSent();
    }

    @Test
    void givenAnUnknownCustomer_send_isNotFound() {
        assertNotFound(command(WRITER, JOHN, method(jane, Channel.SMS).id(), OtpPurpose.PASSWORD_RESET),
                NotFoundException.Resource.CUSTOMER);
    }

    @Test
    void givenACallerOfAnotherInstitution_send_cannotTellTheCustomerExists() {
        assertNotFound(command(caller(BANK_B, Scope.INSTITUTION_USERS_WRITE), JANE, method(jane, Channel.SMS).id(),
                OtpPurpose.PASSWORD_RESET), NotFoundException.Resource.CUSTOMER);
    }

    @Test
    void givenATokenIssuedForAnotherCustomer_send_isNotFound() {
        assertNotFound(command(callerFor(BANK_A, JOHN, Scope.INSTITUTION_USERS_WRITE), JANE,
                method(jane, Channel.SMS).id(), OtpPurpose.PASSWORD_RESET), NotFoundException.Resource.CUSTOMER);
    }

    @Test
    void givenAnUnknownContactMethod_send_isNotFound() {
        assertNotFound(command(WRITER, JANE, new ContactMethodId(UUID.randomUUID()), OtpPurpose.PASSWORD_RESET),
                NotFoundException.Resource.CONTACT_METHOD);
    }

    @Test
    void givenAnotherCustomersContactMethod_send_isNotFound() {
        User john = User.create(UserId.random(), BANK_A, JOHN, Optional.empty(), UserProfile.EMPTY,
                List.of(phone(new PhoneNumber("3125550111"), PhoneType.MOBILE, true, LONG_AGO)), Optional.empty());
        ports.users().add(john);

        assertNotFound(command(WRITER, JANE, method(john, Channel.SMS).id(), OtpPurpose.PASSWORD_RESET),
                NotFoundException.Resource.CONTACT_METHOD);
    }

    @Test
    void givenASendLessThan30SecondsAgo_send_isRefusedUntilTheIntervalPasses() {
        ContactMethodId sms = method(jane, Channel.SMS).id();
        service.send(command(WRITER, JANE, sms, OtpPurpose.PASSWORD_RESET));
        clock.advance(Duration.ofSeconds(29));

        assertThatThrownBy(() -> service.send(command(WRITER, JANE, sms, OtpPurpose.PASSWORD_RESET)))
                .isInstanceOfSatisfying(LimitExceeded.class,
                        e -> assertThat(e.rule()).isEqualTo(OtpRule.RESEND_TOO_SOON));
        assertThat(ports.outbox().pending()).hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        service.send(command(WRITER, JANE, sms, OtpPurpose.PASSWORD_RESET));
        assertThat(ports.outbox().pending()).hasSize(2);
    }

    @Test
    void givenAResendThroughTheVoiceMethodOfTheSameNumber_send_countsTheSameDestination() {
        service.send(command(WRITER, JANE, method(jane, Channel.SMS).id(), OtpPurpose.PASSWORD_RESET));

        assertThatThrownBy(() -> service.send(command(WRITER, JANE, method(jane, Channel.VOICE).id(),
                OtpPurpose.PASSWORD_RESET)))
                .isInstanceOfSatisfying(LimitExceeded.class,
                        e -> assertThat(e.rule()).isEqualTo(OtpRule.RESEND_TOO_SOON));
    }

    @Test
    void givenFiveSendsWithinTheHour_send_isRefusedUntilTheFirstIsAnHourOld() {
        ContactMethodId sms = method(jane, Channel.SMS).id();
        for (int i = 0; i < 5; i++) {
            service.send(command(WRITER, JANE, sms, OtpPurpose.PASSWORD_RESET));
            clock.advance(Duration.ofMinutes(1));
        }

        assertThatThrownBy(() -> service.send(command(WRITER, JANE, sms, OtpPurpose.PASSWORD_RESET)))
                .isInstanceOfSatisfying(LimitExceeded.class, e -> {
                    assertThat(e.rule()).isEqualTo(OtpRule.HOURLY_SENDS);
                    assertThat(e.limit()).isEqualTo(5);
                    assertThat(e.current()).isEqualTo(5);
                });
        assertThat(ports.outbox().pending()).hasSize(5);
        assertThat(ports.audit().records()).hasSize(5);

        clock.advance(Duration.ofMinutes(55));
        service.send(command(WRITER, JANE, sms, OtpPurpose.PASSWORD_RESET));
        assertThat(ports.outbox().pending()).hasSize(6);
    }

    @Test
    void givenAPhoneChangedLessThan24HoursAgo_aPasswordResetCode_isRefused() {
        User recent = User.create(UserId.random(), BANK_A, JOHN, Optional.empty(), UserProfile.EMPTY,
                List.of(phone(new PhoneNumber("3125550111"), PhoneType.MOBILE, true, NOW.minus(Duration.ofHours(23)))),
                Optional.empty());
        ports.users().add(recent);

        assertThatThrownBy(() -> service.send(command(WRITER, JOHN, method(recent, Channel.SMS).id(),
                OtpPurpose.PASSWORD_RESET)))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.rule()).isEqualTo(OtpRule.PASSWORD_RESET_COOL_OFF));
        assertNothingSent();
    }

    @Test
    void givenAPhoneChangedLessThan24HoursAgo_aContactVerificationCode_isSent() {
        User recent = User.create(UserId.random(), BANK_A, JOHN, Optional.empty(), UserProfile.EMPTY,
                List.of(phone(new PhoneNumber("3125550111"), PhoneType.MOBILE, true, NOW.minus(Duration.ofHours(1)))),
                Optional.empty());
        ports.users().add(recent);

        service.send(command(WRITER, JOHN, method(recent, Channel.SMS).id(), OtpPurpose.CONTACT_VERIFICATION));

        assertThat(ports.outbox().pending()).hasSize(1);
    }

    @Test
    void givenAPhoneChanged24HoursAgo_aPasswordResetCode_isSent() {
        User dayOld = User.create(UserId.random(), BANK_A, JOHN, Optional.empty(), UserProfile.EMPTY,
                List.of(phone(new PhoneNumber("3125550111"), PhoneType.MOBILE, true, NOW.minus(Duration.ofHours(24)))),
                Optional.empty());
        ports.users().add(dayOld);

        service.send(command(WRITER, JOHN, method(dayOld, Channel.SMS).id(), OtpPurpose.PASSWORD_RESET));

        assertThat(ports.outbox().pending()).hasSize(1);
    }

    @Test
    void givenAnEmailMethod_aCertifyPhoneCode_isRefused() {
        assertThatThrownBy(() -> service.send(command(WRITER, JANE, method(jane, Channel.EMAIL).id(),
                OtpPurpose.CERTIFY_PHONE)))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.rule()).isEqualTo(OtpRule.CERTIFY_PHONE_CHANNEL));
        assertNothingSent();
    }

    @Test
    void givenAHomePhone_aCertifyPhoneCode_isRefused() {
        ContactMethod homeVoice = jane.contactMethods().stream()
                .filter(m -> m.channel() == Channel.VOICE && m.maskedDestination().endsWith("0148"))
                .findFirst().orElseThrow();

        assertThatThrownBy(() -> service.send(command(WRITER, JANE, homeVoice.id(), OtpPurpose.CERTIFY_PHONE)))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.rule()).isEqualTo(ContactRule.CERTIFIED_PHONE_MOBILE));
        assertNothingSent();
    }

    @Test
    void givenTheMobilesVoiceMethod_aCertifyPhoneCode_isSent() {
        SentOtp sent = service.send(command(WRITER, JANE, method(jane, Channel.VOICE).id(), OtpPurpose.CERTIFY_PHONE));

        assertThat(sent.channel()).isEqualTo(Channel.VOICE);
        assertThat(sent.maskedDestination()).isEqualTo("(***) ***-0147");
    }

    @Test
    void givenAFailureAfterTheChallengeIsStored_send_leavesNoChallengeNoAuditRecordAndNoMessage() {
        NotificationOutbox broken = notification -> {
            throw new IllegalStateException("outbox unavailable");
        };

        assertThatThrownBy(() -> service(broken).send(command(WRITER, JANE, method(jane, Channel.SMS).id(),
                OtpPurpose.PASSWORD_RESET))).hasMessage("outbox unavailable");

        assertNothingSent();
        assertThat(ports.otps().sendsTo(BANK_A, JANE_MOBILE, NOW.minus(Duration.ofHours(1)))).isEmpty();
    }

    @Test
    void givenAProviderThatTakesTheMessage_send_deliversItAtOnce() {
        SentOtp sent = deliveringNow(new Delivery.Delivered()).send(command(WRITER, JANE,
                method(jane, Channel.SMS).id(), OtpPurpose.PASSWORD_RESET));

        assertThat(sent.channel()).isEqualTo(Channel.SMS);
        assertThat(ports.outbox().pending()).isEmpty();
    }

    @Test
    void givenAProviderThatDidNotAnswer_send_failsAsUnavailable_withdrawsTheMessage_andTheSendStillCounts() {
        SendOtpCommand command = command(WRITER, JANE, method(jane, Channel.SMS).id(), OtpPurpose.PASSWORD_RESET);

        assertThatThrownBy(() -> deliveringNow(new Delivery.RetryLater("gateway timed out")).send(command))
                .isInstanceOf(NotificationUnavailableException.class);

        // Never delivered later: the caller got no otpId to verify it with.
        assertThat(ports.outbox().pending()).isEmpty();
        assertThat(ports.audit().records()).extracting(AuditRecord::action)
                .containsExactly("otp.sent", "otp.withdrawn");
        // The gateway may have sent it: asking again at once is too soon, as after any send.
        assertThat(ports.otps().sendsTo(BANK_A, JANE_MOBILE, NOW.minus(Duration.ofHours(1)))).hasSize(1);
        assertThatThrownBy(() -> deliveringNow(new Delivery.Delivered()).send(command))
                .isInstanceOfSatisfying(LimitExceeded.class,
                        e -> assertThat(e.rule()).isEqualTo(OtpRule.RESEND_TOO_SOON));
    }

    @Test
    void givenAProviderThatRefusesTheDestination_send_failsAsUnavailable_andTheSendStopsCounting() {
        SendOtpCommand command = command(WRITER, JANE, method(jane, Channel.SMS).id(), OtpPurpose.PASSWORD_RESET);

        assertThatThrownBy(() -> deliveringNow(new Delivery.Rejected("invalid number")).send(command))
                .isInstanceOf(NotificationUnavailableException.class);

        assertThat(ports.outbox().pending()).isEmpty();
        // Nothing went out: the send stops counting, and the caller may ask again at once.
        assertThat(ports.otps().sendsTo(BANK_A, JANE_MOBILE, NOW.minus(Duration.ofHours(1)))).isEmpty();
        SentOtp again = deliveringNow(new Delivery.Delivered()).send(command);
        assertThat(ports.otps().find(BANK_A, again.otpId())).isPresent();
    }

    private void assertNotFound(SendOtpCommand command, NotFoundException.Resource resource) {
        assertThatThrownBy(() -> service.send(command)).isInstanceOfSatisfying(NotFoundException.class,
                e -> assertThat(e.resource()).isEqualTo(resource));
        assertNothingSent();
    }

    private void assertNothingSent() {
        assertThat(ports.outbox().pending()).isEmpty();
        assertThat(ports.audit().records()).isEmpty();
    }

    private SendOtpService service(NotificationOutbox outbox) {
        return new SendOtpService(ports.users(), ports.otps(), ports.audit(), outbox, ports.unitOfWork(),
                OtpPolicy.DEFAULTS, hasher, clock, new Random(42), DispatchNotificationsUseCase.NONE);
    }

    /** The service with a dispatcher over the in-memory outbox whose sender answers {@code delivery}. */
    private SendOtpService deliveringNow(Delivery delivery) {
        var dispatch = new DispatchNotificationsService(ports.outbox(), notification -> delivery,
                ports.unitOfWork(), DispatchNotificationsService.Settings.DEFAULTS, clock);
        return new SendOtpService(ports.users(), ports.otps(), ports.audit(), ports.outbox(), ports.unitOfWork(),
                OtpPolicy.DEFAULTS, hasher, clock, new Random(42), dispatch);
    }

    private static ContactMethod method(User user, Channel channel) {
        return user.contactMethods().stream().filter(m -> m.channel() == channel).findFirst().orElseThrow();
    }

    private static SendOtpCommand command(CallerContext caller, InstitutionCustomerId customer,
                                          ContactMethodId method, OtpPurpose purpose) {
        return new SendOtpCommand(caller, customer, method, purpose);
    }
}
