package io.contactinfo.application.service;

import io.contactinfo.application.port.in.CallerContext;
import io.contactinfo.application.port.in.NotFoundException;
import io.contactinfo.application.port.in.Scope;
import io.contactinfo.application.port.in.VerifiedOtp;
import io.contactinfo.application.port.in.VerifyOtpCommand;
import io.contactinfo.application.port.in.VerifyOtpUseCase;
import io.contactinfo.application.port.out.AuditLog;
import io.contactinfo.application.port.out.AuditRecord;
import io.contactinfo.application.port.out.OtpStore;
import io.contactinfo.application.port.out.UnitOfWork;
import io.contactinfo.application.port.out.UserRepository;
import io.contactinfo.domain.contact.ContactRule;
import io.contactinfo.domain.contact.Phone;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.otp.ContactVerification;
import io.contactinfo.domain.otp.ContactVerificationId;
import io.contactinfo.domain.otp.OtpChallenge;
import io.contactinfo.domain.otp.OtpCodeHasher;
import io.contactinfo.domain.otp.OtpPolicy;
import io.contactinfo.domain.otp.OtpRule;
import io.contactinfo.domain.otp.OtpStatus;
import io.contactinfo.domain.otp.OtpVerification;
import io.contactinfo.domain.rule.LimitDecision;
import io.contactinfo.domain.rule.RuleViolation;
import io.contactinfo.domain.user.CertifiedPhone;
import io.contactinfo.domain.user.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

public final class VerifyOtpService implements VerifyOtpUseCase {

    /** The window of the hourly failure budget ({@link OtpPolicy#mayVerify}). */
    private static final Duration HOUR = Duration.ofHours(1);

    private final EntitledCustomers customers;
    private final UserRepository users;
    private final OtpStore otps;
    private final AuditTrail audit;
    private final UnitOfWork unitOfWork;
    private final OtpPolicy policy;
    private final OtpCodeHasher hasher;
    private final Clock clock;

    public VerifyOtpService(UserRepository users, OtpStore otps, AuditLog auditLog, UnitOfWork unitOfWork,
                            OtpPolicy policy, OtpCodeHasher hasher, Clock clock) {
        this.users = Objects.requireNonNull(users, "users");
        this.customers = new EntitledCustomers(users);
        this.otps = Objects.requireNonNull(otps, "otps");
        this.audit = new AuditTrail(auditLog, clock);
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public VerifiedOtp verify(VerifyOtpCommand command) {
        command.caller().require(Scope.INSTITUTION_USERS_WRITE);
        // A refusal is returned from the unit of work, not thrown in it: what it recorded (the attempt counted,
        // the failure, the audit record) must commit.
        Outcome outcome = unitOfWork.transactionally(() -> attempt(command));
        if (outcome.refusal().isPresent()) {
            throw outcome.refusal().get();
        }
        return new VerifiedOtp(true, outcome.contactVerificationId());
    }

    private Outcome attempt(VerifyOtpCommand command) {
        CallerContext caller = command.caller();
        InstitutionId institution = caller.institutionId();
        // Reads the user for update: the verifications of one customer, on any server instance, run one after the
        // other from here on, so each sees the failures the one before recorded and the budget cannot be outrun.
        User user = customers.byCustomerId(caller, command.customerId());
        OtpChallenge challenge = otps.find(institution, command.otpId())
                .filter(c -> c.userId().equals(user.id()))
                .orElseThrow(() -> new NotFoundException(NotFoundException.Resource.OTP_CHALLENGE));
        Instant now = clock.instant();
        List<Instant> failures = otps.failedVerifications(institution, user.id(), now.minus(HOUR));
        if (policy.mayVerify(failures, now) instanceof LimitDecision.Refused overBudget) {
            return refuse(caller, user, challenge, overBudget);
        }
        OtpVerification verification = challenge.verify(command.code(), hasher, now);
        otps.update(institution, verification.challenge());

        List<AuditRecord.Change> changes = new ArrayList<>();
        changes.add(AuditTrail.change("otpId", Optional.empty(), challenge.id().toString()));
        changes.add(AuditTrail.change("attempts", Optional.of(Integer.toString(challenge.attempts())),
                Integer.toString(verification.challenge().attempts())));
        Optional<ContactVerificationId> contactVerificationId = Optional.empty();
        String action;
        if (verification instanceof OtpVerification.Rejected rejected) {
            boolean lockedNow = challenge.status() != OtpStatus.LOCKED
                    && rejected.challenge().status() == OtpStatus.LOCKED;
            action = lockedNow ? "otp.locked" : "otp.rejected";
            changes.add(AuditTrail.change("rule", Optional.empty(), rejected.rule().id()));
            if (rejected.rule() == OtpRule.CODE_MISMATCH || lockedNow) {
                // A wrong code was compared: one failure of the hourly budget.
                otps.addFailedVerification(institution, user.id(), now);
            }
        } else {
            action = "otp.verified";
            switch (challenge.purpose()) {
                case CONTACT_VERIFICATION -> contactVerificationId = Optional.of(
                        recordContactVerification(institution, verification.challenge(), now));
                case CERTIFY_PHONE -> changes.add(certifyPhone(user, verification.challenge(), now));
                case PASSWORD_RESET -> {
                    // the verified challenge is the proof; the password itself is not this service's
                }
            }
        }
        audit.record(caller, action, user.id().toString(), changes);
        return verification instanceof OtpVerification.Rejected rejected
                ? Outcome.refused(rejected.toViolation())
                : new Outcome(Optional.empty(), contactVerificationId);
    }

    /**
     * The customer's failure budget is spent: no code is compared, not even the right one, and no attempt is counted.
     * The refusal is audited like a rejected code, so that a brute-force attempt shows in the audit trail; that record
     * is all the unit of work commits.
     */
    private Outcome refuse(CallerContext caller, User user, OtpChallenge challenge, LimitDecision.Refused overBudget) {
        audit.record(caller, "otp.rejected", user.id().toString(), List.of(
                AuditTrail.change("otpId", Optional.empty(), challenge.id().toString()),
                AuditTrail.change("rule", Optional.empty(), overBudget.rule().id())));
        return Outcome.refused(overBudget.violation("code"));
    }

    private ContactVerificationId recordContactVerification(InstitutionId institution, OtpChallenge verified,
                                                            Instant now) {
        ContactVerification proof = ContactVerification.of(ContactVerificationId.random(), verified, now, policy);
        otps.add(institution, proof);
        return proof.id();
    }

    /**
     * Makes the challenge's phone the certified phone.
     *
     * @throws RuleViolation {@link ContactRule#PHONE_NOT_FOUND} when the phone changed since the code was sent
     */
    private AuditRecord.Change certifyPhone(User user, OtpChallenge verified, Instant now) {
        Phone phone = ContactMethodTarget.find(user.contacts(), verified.contactMethodId())
                .flatMap(ContactMethodTarget::phone)
                .orElseThrow(() -> new RuleViolation(ContactRule.PHONE_NOT_FOUND, "phoneNumber"));
        User certified = user.certifyPhone(phone.id(), now, verified.id().value());
        users.update(user, certified);
        return AuditTrail.change("certifiedPhone", user.certifiedPhone().map(CertifiedPhone::number),
                certified.certifiedPhone().map(CertifiedPhone::number));
    }

    /** What the unit of work decided: the refusal to throw once it committed, or the proof a verification yielded. */
    private record Outcome(Optional<RuleViolation> refusal, Optional<ContactVerificationId> contactVerificationId) {

        static Outcome refused(RuleViolation refusal) {
            return new Outcome(Optional.of(refusal), Optional.empty());
        }
    }
}
