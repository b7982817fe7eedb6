package io.contactinfo.application.port.in;

import io.contactinfo.domain.rule.LimitExceeded;
import io.contactinfo.domain.rule.RuleViolation;

/**
 * Sends a one-time passcode to a contact method of the customer (seed 000; SPEC §4.5): the challenge and
 * its message commit together, the code travels only in the message. Requires {@code institution-users:write}.
 */
public interface SendOtpUseCase {

    /**
     * @throws MissingScopeException without {@link Scope#INSTITUTION_USERS_WRITE}
     * @throws NotFoundException     {@code CUSTOMER} when the customer is not one of the caller's institution
     *                               (or not the token's own customer); {@code CONTACT_METHOD} when the contact
     *                               method is not one of the customer's current ones
     * @throws LimitExceeded         {@code otp.send.too-soon} or {@code otp.send.hourly} when the destination
     *                               was sent passcodes too recently or too often
     * @throws RuleViolation         {@code otp.password-reset.cool-off} when a password-reset code would go to a
     *                               destination changed too recently; {@code otp.certify-phone.channel} when a
     *                               phone certification would go by email, {@code contact.certified-phone.mobile}
     *                               to a phone that is not a mobile
     */
    SentOtp send(SendOtpCommand command);
}
