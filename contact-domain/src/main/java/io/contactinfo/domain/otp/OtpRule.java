package io.contactinfo.domain.otp;

import io.contactinfo.domain.rule.Rule;

/** Rules for one-time passcodes (SPEC §4.5; NIST SP 800-63B §5.1.3, OWASP ASVS V2.7). */
public enum OtpRule implements Rule {
    POLICY_RANGE("otp.policy.range",
            "OTP settings: 6-10 digits, valid 1 second to 10 minutes, 1-10 attempts, at least 1 send and 1 failed"
                    + " verification an hour"),
    CODE_FORMAT("otp.code.format", "A passcode is 6-10 digits"),
    CODE_MISMATCH("otp.code.mismatch", "The passcode does not match"),
    EXPIRED("otp.challenge.expired", "The passcode has expired (valid 5 minutes by default)"),
    ATTEMPTS_EXHAUSTED("otp.challenge.attempts-exhausted",
            "Too many wrong passcodes: the challenge is locked (5 attempts by default)"),
    ALREADY_VERIFIED("otp.challenge.already-verified", "A verified challenge cannot be used again"),
    RESEND_TOO_SOON("otp.send.too-soon", "A new passcode for the same destination at most once per 30 seconds"),
    HOURLY_SENDS("otp.send.hourly", "At most 5 passcodes an hour for the same destination"),
    HOURLY_FAILURES("otp.verify.hourly-failures",
            "At most 100 failed passcode verifications an hour for the same customer (OWASP ASVS 2.2.1)"),
    PASSWORD_RESET_COOL_OFF("otp.password-reset.cool-off",
            "No password-reset passcode to a phone or email changed less than 24 hours ago"),
    CERTIFY_PHONE_CHANNEL("otp.certify-phone.channel", "A phone is certified by a passcode sent by SMS or voice"),
    VERIFICATION_EXPIRED("otp.contact-verification.expired",
            "A contact verification is usable for 30 minutes after the passcode was verified"),
    VERIFICATION_USED("otp.contact-verification.used", "A contact verification is usable once"),
    VERIFICATION_OTHER_USER("otp.contact-verification.other-user",
            "A contact verification proves a destination for the user who verified it only");

    private final String id;
    private final String description;

    OtpRule(String id, String description) {
        this.id = id;
        this.description = description;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return description;
    }
}
