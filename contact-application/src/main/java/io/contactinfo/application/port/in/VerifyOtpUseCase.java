package io.contactinfo.application.port.in;

import io.contactinfo.domain.rule.LimitExceeded;
import io.contactinfo.domain.rule.RuleViolation;

/**
 * Checks a passcode against its challenge (seed 000; SPEC §4.5). Every counted attempt is stored, also
 * when the code is wrong; a wrong code also counts against the customer's hourly failure budget. A verified
 * CONTACT_VERIFICATION yields a contact verification; a verified CERTIFY_PHONE makes its phone the customer's
 * certified phone. Requires {@code institution-users:write}.
 */
public interface VerifyOtpUseCase {

    /**
     * @throws MissingScopeException without {@link Scope#INSTITUTION_USERS_WRITE}
     * @throws NotFoundException     {@code CUSTOMER} when the customer is not one of the caller's institution
     *                               (or not the token's own customer); {@code OTP_CHALLENGE} when the challenge
     *                               is not one of the customer's
     * @throws LimitExceeded         {@code otp.challenge.attempts-exhausted} when the challenge is locked, by this
     *                               wrong code or before (the attempt, if counted, is stored all the same);
     *                               {@code otp.verify.hourly-failures} when the customer's verifications failed
     *                               100 times in the last hour (no code compared, no attempt counted)
     * @throws RuleViolation         {@code otp.code.mismatch} (the attempt is stored), {@code otp.challenge.expired},
     *                               {@code otp.challenge.already-verified}
     */
    VerifiedOtp verify(VerifyOtpCommand command);
}
