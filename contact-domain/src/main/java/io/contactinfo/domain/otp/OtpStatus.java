package io.contactinfo.domain.otp;

/** Where a challenge stands. Expiry is not a status: it follows from the clock. */
public enum OtpStatus {
    /** Sent, awaiting the code. */
    PENDING,
    /** The right code was given; the challenge cannot be used again. */
    VERIFIED,
    /** Too many wrong codes; the challenge cannot be used again. */
    LOCKED
}
