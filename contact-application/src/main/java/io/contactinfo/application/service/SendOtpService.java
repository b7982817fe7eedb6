package io.contactinfo.application.service;

import io.contactinfo.application.port.in.CallerContext;
import io.contactinfo.application.port.in.DispatchNotificationsUseCase;
import io.contactinfo.application.port.in.DispatchReport;
import io.contactinfo.application.port.in.NotFoundException;
import io.contactinfo.application.port.in.NotificationUnavailableException;
import io.contactinfo.application.port.in.Scope;
import io.contactinfo.application.port.in.SendOtpCommand;
import io.contactinfo.application.port.in.SendOtpUseCase;
import io.contactinfo.application.port.in.SentOtp;
import io.contactinfo.application.port.out.AuditLog;
import io.contactinfo.application.port.out.Notification;
import io.contactinfo.application.port.out.NotificationOutbox;
import io.contactinfo.application.port.out.OtpStore;
import io.contactinfo.application.port.out.UnitOfWork;
import io.contactinfo.application.port.out.UserRepository;
import io.contactinfo.domain.contact.ContactMethod;
import io.contactinfo.domain.contact.ContactRule;
import io.contactinfo.domain.contact.PhoneType;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.otp.OtpChallenge;
import io.contactinfo.domain.otp.OtpChallengeId;
import io.contactinfo.domain.otp.OtpCode;
import io.contactinfo.domain.otp.OtpCodeHasher;
import io.contactinfo.domain.otp.OtpPolicy;
import io.contactinfo.domain.otp.OtpPurpose;
import io.contactinfo.domain.rule.Require;
import io.contactinfo.domain.user.UserContacts;
import io.contactinfo.domain.user.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Issues a passcode to one of the customer's contact methods (SPEC §4.5) and hands its message to the provider at
 * once: the customer is waiting for it. The challenge and the message commit first, in one unit of work; when the
 * provider cannot take the message now, the call fails with {@link NotificationUnavailableException} (the Contact
 * Info API's 30002) and the passcode is withdrawn: its message is never delivered later (the caller got no otpId to
 * verify it with), and when the provider refused the destination, which was then sent nothing, the send stops
 * counting against it. A send the provider may have made (it did not answer in time) keeps counting.
 */
public final class SendOtpService implements SendOtpUseCase {

    /** The window of the hourly send cap ({@link OtpPolicy#maySend}). */
    private static final Duration HOUR = Duration.ofHours(1);

    private final EntitledCustomers customers;
    private final OtpStore otps;
    private final AuditTrail audit;
    private final CustomerNotices notices;
    private final UnitOfWork unitOfWork;
    private final OtpPolicy policy;
    private final OtpCodeHasher hasher;
    private final Clock clock;
    private final RandomGenerator random;
    private final DispatchNotificationsUseCase dispatch;

    /**
     * @param random   a CSPRNG ({@code java.security.SecureRandom}) outside tests: it draws the codes
     * @param dispatch hands the passcode's message to its provider at once; {@link DispatchNotificationsUseCase#NONE}
     *                 leaves it in the outbox
     */
    public SendOtpService(UserRepository users, OtpStore otps, AuditLog auditLog, NotificationOutbox outbox,
                          UnitOfWork unitOfWork, OtpPolicy policy, OtpCodeHasher hasher, Clock clock,
                          RandomGenerator random, DispatchNotificationsUseCase dispatch) {
        this.customers = new EntitledCustomers(users);
        this.otps = Objects.requireNonNull(otps, "otps");
        this.audit = new AuditTrail(auditLog, clock);
        this.notices = new CustomerNotices(outbox);
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.dispatch = Objects.requireNonNull(dispatch, "dispatch");
    }

    @Override
    public SentOtp send(SendOtpCommand command) {
        CallerContext caller = command.caller();
        caller.require(Scope.INSTITUTION_USERS_WRITE);
        InstitutionId institution = caller.institutionId();
        Issued issued = unitOfWork.transactionally(() -> {
            UserContacts user = customers.contactsByCustomerId(caller, command.customerId());
            ContactMethodTarget target = ContactMethodTarget.find(user, command.contactMethodId())
                    .orElseThrow(() -> new NotFoundException(NotFoundException.Resource.CONTACT_METHOD));
            ContactMethod method = target.method();
            Instant now = clock.instant();
            List<Instant> sends = otps.sendsTo(institution, target.destination(), now.minus(HOUR));
            policy.maySend(sends, now).orThrow("contactMethodId");
            policy.requireCoolOffPassed(command.purpose(), target.lastUpdated(), now);
            // No code that could never certify: only a mobile becomes the certified phone (an email is
            // refused by the challenge itself).
            Require.that(command.purpose() != OtpPurpose.CERTIFY_PHONE
                            || target.phone().map(p -> p.type() == PhoneType.MOBILE).orElse(true),
                    ContactRule.CERTIFIED_PHONE_MOBILE, "contactMethodId");

            OtpChallengeId id = OtpChallengeId.random();
            OtpCode code = OtpCode.generate(policy.codeLength(), random);
            OtpChallenge challenge = OtpChallenge.issue(id, user.userId(), method.id(), method.channel(),
                    target.destination(), command.purpose(), hasher.hash(id, code), now, policy);
            otps.add(institution, challenge);
            // The message is the only place the code goes: not the audit record, not the result.
            UUID messageId = notices.send(institution, method.channel(), target.destination(),
                    Notification.Kind.OTP_CODE, Map.of("code", code.digits(), "purpose", command.purpose().name(),
                            "expiresAt", challenge.expiresAt().toString()));
            audit.record(caller, "otp.sent", user.userId().toString(), List.of(
                    AuditTrail.change("otpId", Optional.empty(), id.toString()),
                    AuditTrail.change("purpose", Optional.empty(), command.purpose().name()),
                    AuditTrail.change("channel", Optional.empty(), method.channel().name()),
                    AuditTrail.change("destination", Optional.empty(), Optional.of(target.destination()))));
            return new Issued(new SentOtp(id, method.id(), method.channel(), method.maskedDestination(),
                    challenge.expiresAt()), user.userId(), messageId);
        });
        Optional<DispatchReport.Outcome> notDelivered = dispatch.dispatchNow(issued.messageId())
                .map(DispatchReport.Dispatched::outcome)
                .filter(outcome -> outcome != DispatchReport.Outcome.DELIVERED);
        if (notDelivered.isPresent()) {
            // Never delivered later: the caller gets no otpId to verify it with.
            dispatch.withdraw(issued.messageId());
            unitOfWork.transactionally(() -> {
                // A refused destination was sent nothing, so the send stops counting against it. A provider that did
                // not answer in time may have sent it: that send keeps counting (resend interval, hourly cap), or a
                // gateway that times out yet delivers would let codes go to one phone without limit.
                if (notDelivered.get() == DispatchReport.Outcome.REJECTED) {
                    otps.withdraw(institution, issued.sent().otpId());
                }
                audit.record(caller, "otp.withdrawn", issued.userId().toString(),
                        List.of(AuditTrail.change("otpId", Optional.empty(), issued.sent().otpId().toString())));
            });
            throw new NotificationUnavailableException();
        }
        return issued.sent();
    }

    /** A committed challenge, the user it is for, and its message in the outbox. */
    private record Issued(SentOtp sent, UserId userId, UUID messageId) {
    }
}
