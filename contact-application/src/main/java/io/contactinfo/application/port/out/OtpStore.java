package io.contactinfo.application.port.out;

import io.contactinfo.domain.contact.Destination;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.otp.ContactVerification;
import io.contactinfo.domain.otp.ContactVerificationId;
import io.contactinfo.domain.otp.OtpChallenge;
import io.contactinfo.domain.otp.OtpChallengeId;
import io.contactinfo.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One-time-passcode challenges, the contact verifications they yield and the failed verifications of each user, per
 * institution.
 */
public interface OtpStore {

    void add(InstitutionId institutionId, OtpChallenge challenge);

    /** Replaces the stored challenge (attempts, status) with {@code challenge}. */
    void update(InstitutionId institutionId, OtpChallenge challenge);

    Optional<OtpChallenge> find(InstitutionId institutionId, OtpChallengeId id);

    /**
     * Forgets a challenge whose passcode never reached the customer (its provider did not take it, and the caller
     * was told so): it can no longer be verified, nor counts among its destination's sends. Nothing when the
     * institution has no such challenge.
     */
    void withdraw(InstitutionId institutionId, OtpChallengeId id);

    /**
     * Locks {@code destination} for the rest of the unit of work, then lists when passcodes were sent to it since
     * {@code since}, oldest first (for the resend limits).
     *
     * <p>Race-free by contract: two requests for a code to the same destination (in one process or in several
     * sharing a database) are serialized by the lock, so the second one sees the first one's challenge and the
     * resend limits cannot be outrun. Call it inside the unit of work that adds the challenge.
     */
    List<Instant> sendsTo(InstitutionId institutionId, Destination destination, Instant since);

    /**
     * Records that a wrong passcode of {@code userId} was checked at {@code failedAt} (for the hourly failure budget).
     * Call it inside the unit of work that stores the attempt on the challenge.
     */
    void addFailedVerification(InstitutionId institutionId, UserId userId, Instant failedAt);

    /**
     * When wrong passcodes of {@code userId} were checked since {@code since}, oldest first (for the hourly failure
     * budget). Not race-free by itself: the caller serializes the verifications of one user, by reading the user
     * for update in the same unit of work.
     */
    List<Instant> failedVerifications(InstitutionId institutionId, UserId userId, Instant since);

    void add(InstitutionId institutionId, ContactVerification verification);

    /** Replaces the stored verification (once redeemed) with {@code verification}. */
    void update(InstitutionId institutionId, ContactVerification verification);

    Optional<ContactVerification> find(InstitutionId institutionId, ContactVerificationId id);

    /**
     * Deletes, in every institution, the challenges and the contact verifications that expired before
     * {@code olderThan}, and the failed verifications recorded before it.
     *
     * @return how many challenges, verifications and failed verifications were deleted, together
     */
    int purgeExpired(Instant olderThan);
}
