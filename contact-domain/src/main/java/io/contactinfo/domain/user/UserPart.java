package io.contactinfo.domain.user;

/** The parts of a user an update may change: what the notice and the audit record name. */
public enum UserPart {
    NAME, ADDRESSES, IDENTIFYING_DATA, EMAIL, PHONES, PEER_TRANSFER_PREFERENCE, TERMS_ACCEPTANCES;

    /** True for the contact info the customer is notified about, at the old destination too (SPEC §4.4). */
    public boolean isContactInfo() {
        return this == ADDRESSES || this == EMAIL || this == PHONES;
    }
}
