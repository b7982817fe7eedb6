package io.contactinfo.domain.otp;

/**
 * Turns a passcode into what is stored (SPEC §4.5: "stored only as a keyed hash"). Implemented outside the
 * domain (e.g. HMAC-SHA-256 with a server key); the challenge id is part of the input, so one code hashes
 * differently for every challenge.
 */
@FunctionalInterface
public interface OtpCodeHasher {

    OtpCodeHash hash(OtpChallengeId challengeId, OtpCode code);
}
