package io.contactinfo.application.port.in;

import io.contactinfo.domain.otp.OtpChallengeId;
import io.contactinfo.domain.otp.OtpCode;
import io.contactinfo.domain.user.InstitutionCustomerId;
import java.util.Objects;

/** The code the customer typed for one of their passcode challenges. */
public record VerifyOtpCommand(CallerContext caller, InstitutionCustomerId customerId, OtpChallengeId otpId,
                               OtpCode code) {

    public VerifyOtpCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(otpId, "otpId");
        Objects.requireNonNull(code, "code");
    }
}
