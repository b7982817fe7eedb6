package io.contactinfo.application.port.in;

import io.contactinfo.domain.contact.PhoneNumber;

/**
 * The mobile number the token's customer certified with a CERTIFY_PHONE passcode (seed 003, the Security
 * API's {@code GET /certified-phone}). Requires {@code institution-users:read}.
 */
public interface GetCertifiedPhoneUseCase {

    /**
     * @throws MissingScopeException without {@link Scope#INSTITUTION_USERS_READ}
     * @throws NotFoundException     {@code CUSTOMER} when the token names no customer, or none of the caller's
     *                               institution; {@code CERTIFIED_PHONE} when the customer has certified none
     */
    PhoneNumber get(GetCertifiedPhoneQuery query);
}
