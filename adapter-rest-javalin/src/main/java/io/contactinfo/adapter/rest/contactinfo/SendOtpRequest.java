package io.contactinfo.adapter.rest.contactinfo;

import io.contactinfo.adapter.rest.MalformedRequestException;
import io.contactinfo.adapter.rest.Uuids;
import io.contactinfo.domain.contact.ContactMethodId;
import io.contactinfo.domain.otp.OtpPurpose;

/**
 * The body of {@code POST /customers/{customerId}/otp}.
 *
 * @param purpose {@code PASSWORD_RESET} when absent: seed 000's password-reset flow knows no purpose
 */
record SendOtpRequest(String contactMethodId, OtpPurpose purpose) {

    /** @throws MalformedRequestException on {@code contactMethodId} when it is missing or not a UUID */
    ContactMethodId contactMethod() {
        return Uuids.parse(contactMethodId).map(ContactMethodId::new).orElseThrow(
                () -> new MalformedRequestException(MalformedRequestException.Part.BODY, "contactMethodId"));
    }

    OtpPurpose purposeOrDefault() {
        return purpose == null ? OtpPurpose.PASSWORD_RESET : purpose;
    }
}
