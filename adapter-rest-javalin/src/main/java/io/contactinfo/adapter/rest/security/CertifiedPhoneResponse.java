package io.contactinfo.adapter.rest.security;

import io.contactinfo.domain.contact.PhoneNumber;

/** The body of {@code GET /certified-phone} (seed 003): the ten digits, unmasked, to the customer's own token. */
record CertifiedPhoneResponse(String phoneNumber) {

    static CertifiedPhoneResponse of(PhoneNumber number) {
        return new CertifiedPhoneResponse(number.digits());
    }
}
