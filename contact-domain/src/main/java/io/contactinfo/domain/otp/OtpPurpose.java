package io.contactinfo.domain.otp;

/** Why a passcode is sent (SPEC §4.5). */
public enum OtpPurpose {
    /** Self-service password reset to a destination on record (seed 000). */
    PASSWORD_RESET,
    /** Proof that the caller controls a new phone or email, redeemed in a Users API update (SPEC §4.2). */
    CONTACT_VERIFICATION,
    /** Proof that the customer holds a mobile phone, which then becomes the certified phone (seed 003). */
    CERTIFY_PHONE
}
