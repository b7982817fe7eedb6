package io.contactinfo.domain.otp;

import io.contactinfo.domain.contact.Destination;
import io.contactinfo.domain.rule.Require;
import io.contactinfo.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * What a verified CONTACT_VERIFICATION challenge yields (SPEC §4.5): proof that the user controls a
 * destination, redeemable once, until {@link #expiresAt()}, in a Users API update.
 */
public record ContactVerification(ContactVerificationId id, UserId userId, Destination destination,
                                  Instant verifiedAt, Instant expiresAt, boolean used) {

    public ContactVerification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(verifiedAt, "verifiedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /**
     * The proof of {@code challenge}, verified at {@code now}.
     *
     * @throws IllegalArgumentException when the challenge is not a verified CONTACT_VERIFICATION
     */
    public static ContactVerification of(ContactVerificationId id, OtpChallenge challenge, Instant now,
                                         OtpPolicy policy) {
        if (challenge.status() != OtpStatus.VERIFIED || challenge.purpose() != OtpPurpose.CONTACT_VERIFICATION) {
            throw new IllegalArgumentException("not a verified contact verification: " + challenge.id());
        }
        return new ContactVerification(id, challenge.userId(), challenge.destination(), now,
                now.plus(policy.contactVerificationValidity()), false);
    }

    /**
     * Uses the proof for {@code user}'s update at {@code now}.
     *
     * @return the proof, now used
     * @throws io.contactinfo.domain.rule.RuleViolation {@link OtpRule#VERIFICATION_OTHER_USER},
     *                                                  {@link OtpRule#VERIFICATION_USED} or
     *                                                  {@link OtpRule#VERIFICATION_EXPIRED} (from {@link #expiresAt()} on)
     */
    public ContactVerification redeem(UserId user, Instant now) {
        Require.that(userId.equals(user), OtpRule.VERIFICATION_OTHER_USER, "contactVerificationIdentifiers");
        Require.that(!used, OtpRule.VERIFICATION_USED, "contactVerificationIdentifiers");
        Require.that(now.isBefore(expiresAt), OtpRule.VERIFICATION_EXPIRED, "contactVerificationIdentifiers");
        return new ContactVerification(id, userId, destination, verifiedAt, expiresAt, true);
    }
}
