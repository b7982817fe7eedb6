package io.contactinfo.application.port.in;

import io.contactinfo.domain.contact.ContactMethodId;
import io.contactinfo.domain.otp.OtpPurpose;
import io.contactinfo.domain.user.InstitutionCustomerId;
import java.util.Objects;

/** Send a one-time passcode to one of the customer's contact methods, for one purpose. */
public record SendOtpCommand(CallerContext caller, InstitutionCustomerId customerId, ContactMethodId contactMethodId,
                             OtpPurpose purpose) {

    public SendOtpCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(contactMethodId, "contactMethodId");
        Objects.requireNonNull(purpose, "purpose");
    }
}
