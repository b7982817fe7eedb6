package io.contactinfo.domain.otp;

import io.contactinfo.domain.contact.Channel;
import io.contactinfo.domain.contact.ContactMethodId;
import io.contactinfo.domain.contact.Destination;
import io.contactinfo.domain.rule.Require;
import io.contactinfo.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * A passcode sent to one contact method of a user, for one purpose (SPEC §4.5). Holds the code's hash only.
 * Valid until {@link #expiresAt()}; locks after {@link #maxAttempts()} wrong codes; a verified or locked
 * challenge cannot be reused.
 */
public final class OtpChallenge {

    private final OtpChallengeId id;
    private final UserId userId;
    private final ContactMethodId contactMethodId;
    private final Channel channel;
    private final Destination destination;
    private final OtpPurpose purpose;
    private final OtpCodeHash codeHash;
    private final Instant issuedAt;
    private final Instant expiresAt;
    private final int maxAttempts;
    private final int attempts;
    private final OtpStatus status;

    private OtpChallenge(OtpChallengeId id, UserId userId, ContactMethodId contactMethodId, Channel channel,
                         Destination destination, OtpPurpose purpose, OtpCodeHash codeHash, Instant issuedAt,
                         Instant expiresAt, int maxAttempts, int attempts, OtpStatus status) {
        this.id = Objects.requireNonNull(id, "id");
        this.userId = Objects.requireNonNull(userId, "userId");
        this.contactMethodId = Objects.requireNonNull(contactMethodId, "contactMethodId");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.destination = Objects.requireNonNull(destination, "destination");
        this.purpose = Objects.requireNonNull(purpose, "purpose");
        this.codeHash = Objects.requireNonNull(codeHash, "codeHash");
        this.issuedAt = Objects.requireNonNull(issuedAt, "issuedAt");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.maxAttempts = maxAttempts;
        this.attempts = attempts;
        this.status = Objects.requireNonNull(status, "status");
    }

    /**
     * A new challenge for a code already sent or about to be: valid for the policy's validity from {@code now},
     * with the policy's attempts. A CERTIFY_PHONE challenge goes by SMS or voice.
     *
     * @throws io.contactinfo.domain.rule.RuleViolation {@link OtpRule#CERTIFY_PHONE_CHANNEL}
     */
    public static OtpChallenge issue(OtpChallengeId id, UserId userId, ContactMethodId contactMethodId,
                                     Channel channel, Destination destination, OtpPurpose purpose,
                                     OtpCodeHash codeHash, Instant now, OtpPolicy policy) {
        Require.that(purpose != OtpPurpose.CERTIFY_PHONE || channel != Channel.EMAIL,
                OtpRule.CERTIFY_PHONE_CHANNEL, "contactMethodId");
        return new OtpChallenge(id, userId, contactMethodId, channel, destination, purpose, codeHash, now,
                now.plus(policy.validity()), policy.maxAttempts(), 0, OtpStatus.PENDING);
    }

    /** A challenge as it was stored; for repositories only. */
    public static OtpChallenge reconstitute(OtpChallengeId id, UserId userId, ContactMethodId contactMethodId,
                                            Channel channel, Destination destination, OtpPurpose purpose,
                                            OtpCodeHash codeHash, Instant issuedAt, Instant expiresAt,
                                            int maxAttempts, int attempts, OtpStatus status) {
        return new OtpChallenge(id, userId, contactMethodId, channel, destination, purpose, codeHash, issuedAt,
                expiresAt, maxAttempts, attempts, status);
    }

    /**
     * Gives {@code code} to this challenge at {@code now}. Refused, without counting an attempt, when the
     * challenge is verified, locked or expired (from {@link #expiresAt()} on); otherwise the attempt counts,
     * and the last allowed wrong attempt locks the challenge. Hashes compare in constant time.
     */
    public OtpVerification verify(OtpCode code, OtpCodeHasher hasher, Instant now) {
        if (status == OtpStatus.VERIFIED) {
            return new OtpVerification.Rejected(this, OtpRule.ALREADY_VERIFIED);
        }
        if (status == OtpStatus.LOCKED) {
            return new OtpVerification.Rejected(this, OtpRule.ATTEMPTS_EXHAUSTED);
        }
        if (isExpiredAt(now)) {
            return new OtpVerification.Rejected(this, OtpRule.EXPIRED);
        }
        int attempt = attempts + 1;
        if (hasher.hash(id, code).matches(codeHash)) {
            return new OtpVerification.Verified(with(attempt, OtpStatus.VERIFIED));
        }
        return attempt < maxAttempts
                ? new OtpVerification.Rejected(with(attempt, OtpStatus.PENDING), OtpRule.CODE_MISMATCH)
                : new OtpVerification.Rejected(with(attempt, OtpStatus.LOCKED), OtpRule.ATTEMPTS_EXHAUSTED);
    }

    /** True from {@link #expiresAt()} on. */
    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public int attemptsLeft() {
        return status == OtpStatus.PENDING ? maxAttempts - attempts : 0;
    }

    private OtpChallenge with(int newAttempts, OtpStatus newStatus) {
        return new OtpChallenge(id, userId, contactMethodId, channel, destination, purpose, codeHash, issuedAt,
                expiresAt, maxAttempts, newAttempts, newStatus);
    }

    public OtpChallengeId id() {
        return id;
    }

    public UserId userId() {
        return userId;
    }

    public ContactMethodId contactMethodId() {
        return contactMethodId;
    }

    public Channel channel() {
        return channel;
    }

    public Destination destination() {
        return destination;
    }

    public OtpPurpose purpose() {
        return purpose;
    }

    public OtpCodeHash codeHash() {
        return codeHash;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public int attempts() {
        return attempts;
    }

    public OtpStatus status() {
        return status;
    }
}
