package io.contactinfo.application.port.out;

import io.contactinfo.domain.contact.Destination;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.otp.ContactVerification;
import io.contactinfo.domain.otp.ContactVerificationId;
import io.contactinfo.domain.otp.OtpChallenge;
import io.contactinfo.domain.otp.OtpChallengeId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One-time-passcode challenges and the contact verifications they yield, per institution. */
public interface OtpStore {

    void add(InstitutionId institutionId, OtpChallenge challenge);

    /** Replaces the stored challenge (attempts, status) with {@code challenge}. */
    void update(InstitutionId institutionId, OtpChallenge challenge);

    Optional<OtpChallenge> find(InstitutionId institutionId, OtpChallengeId id);

    /**
     * Locks {@code destination} for the rest of the unit of work, then lists when passcodes were sent to it since
     * {@code since}, oldest first (for the resend limits).
     *
     * <p>Race-free by contract: two requests for a code to the same destination (in one process or in several
     * sharing a database) are serialized by the lock, so the second one sees the first one's challenge and the
     * resend limits cannot be outrun. Call it inside the unit of work that adds the challenge.
     */
    List<Instant> sendsTo(InstitutionId institutionId, Destination destination, Instant since);

    void add(InstitutionId institutionId, ContactVerification verification);

    /** Replaces the stored verification (once redeemed) with {@code verification}. */
    void update(InstitutionId institutionId, ContactVerification verification);

    Optional<ContactVerification> find(InstitutionId institutionId, ContactVerificationId id);

    /**
     * Deletes, in every institution, the challenges and the contact verifications that expired before
     * {@code olderThan}.
     *
     * @return how many challenges and verifications were deleted, together
     */
    int purgeExpired(Instant olderThan);
}
