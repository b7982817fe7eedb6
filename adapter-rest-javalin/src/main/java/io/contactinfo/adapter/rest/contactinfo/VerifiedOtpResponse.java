package io.contactinfo.adapter.rest.contactinfo;

import io.contactinfo.application.port.in.VerifiedOtp;
import io.contactinfo.domain.otp.ContactVerificationId;

/**
 * The 200 body of {@code POST /customers/{customerId}/otp/{otpId}:verify}.
 *
 * @param contactVerificationId present after a CONTACT_VERIFICATION challenge only (omitted when null)
 */
record VerifiedOtpResponse(boolean verified, String contactVerificationId) {

    /** A code that does not match: the attempt was counted, the challenge stays open until it locks. */
    static final VerifiedOtpResponse MISMATCH = new VerifiedOtpResponse(false, null);

    static VerifiedOtpResponse of(VerifiedOtp verified) {
        return new VerifiedOtpResponse(verified.verified(),
                verified.contactVerificationId().map(ContactVerificationId::toString).orElse(null));
    }
}
