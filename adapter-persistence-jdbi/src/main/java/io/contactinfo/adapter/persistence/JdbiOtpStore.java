package io.contactinfo.adapter.persistence;

import static io.contactinfo.adapter.persistence.Sql.instant;
import static io.contactinfo.adapter.persistence.Sql.utc;
import static io.contactinfo.adapter.persistence.Sql.uuid;

import io.contactinfo.adapter.persistence.crypto.KeyedHash;
import io.contactinfo.application.port.out.OtpStore;
import io.contactinfo.domain.contact.Channel;
import io.contactinfo.domain.contact.ContactMethodId;
import io.contactinfo.domain.contact.Destination;
import io.contactinfo.domain.contact.EmailAddress;
import io.contactinfo.domain.contact.PhoneNumber;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.otp.ContactVerification;
import io.contactinfo.domain.otp.ContactVerificationId;
import io.contactinfo.domain.otp.OtpChallenge;
import io.contactinfo.domain.otp.OtpChallengeId;
import io.contactinfo.domain.otp.OtpCodeHash;
import io.contactinfo.domain.otp.OtpPurpose;
import io.contactinfo.domain.otp.OtpStatus;
import io.contactinfo.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Update;

/**
 * OTP challenges, contact verifications and failed verifications, in the tables {@code otp_challenge},
 * {@code contact_verification} and {@code otp_failed_verification}. A challenge's code is kept only as the keyed
 * hash the domain computed.
 *
 * <p>{@link #sendsTo} first locks the destination's row in {@code otp_destination_lock} (see {@link Sql#lockRow}),
 * keyed by a keyed hash of the destination, and holds it until the transaction ends: a second request for a code to
 * the same destination waits, then sees the first one's challenge. Finding a challenge or a verification locks
 * it likewise, so concurrent verifications and redemptions are serialized.
 */
public final class JdbiOtpStore implements OtpStore {

    private static final String INSERT_CHALLENGE = """
            INSERT INTO otp_challenge (id, institution_id, user_id, contact_method_id, channel, destination_kind,
                                       destination, destination_normalized, purpose, code_hash, issued_at,
                                       expires_at, max_attempts, attempts, status)
            VALUES (:id, :institutionId, :userId, :contactMethodId, :channel, :destinationKind, :destination,
                    :destinationNormalized, :purpose, :codeHash, :issuedAt, :expiresAt, :maxAttempts, :attempts,
                    :status)
            """;
    // Attempts and status are all a challenge changes.
    private static final String UPDATE_CHALLENGE = """
            UPDATE otp_challenge SET attempts = :attempts, status = :status
             WHERE id = :id AND institution_id = :institutionId
            """;
    // Locked for the rest of the unit of work: two verifications of one challenge at once must each see the
    // other's attempt, or N parallel guesses would count as one and the attempt cap would not hold.
    private static final String FIND_CHALLENGE =
            "SELECT * FROM otp_challenge WHERE id = :id AND institution_id = :institutionId FOR UPDATE";
    // Index (institution_id, destination_kind, destination_normalized, issued_at).
    private static final String SENDS_TO = """
            SELECT issued_at FROM otp_challenge
             WHERE institution_id = :institutionId AND destination_kind = :destinationKind
               AND destination_normalized = :destinationNormalized AND issued_at >= :since
             ORDER BY issued_at
            """;
    private static final String LOCK_DESTINATION = """
            SELECT destination_hash FROM otp_destination_lock
             WHERE institution_id = :institutionId AND destination_hash = :destinationHash
               FOR UPDATE
            """;
    private static final String INSERT_DESTINATION = """
            INSERT INTO otp_destination_lock (institution_id, destination_hash) VALUES (:institutionId, :destinationHash)
            """;
    private static final String INSERT_FAILURE = """
            INSERT INTO otp_failed_verification (id, institution_id, user_id, failed_at)
            VALUES (:id, :institutionId, :userId, :failedAt)
            """;
    // Index (user_id, failed_at). No lock of its own: the caller holds the user's row (see OtpStore).
    private static final String FAILURES_OF = """
            SELECT failed_at FROM otp_failed_verification
             WHERE user_id = :userId AND institution_id = :institutionId AND failed_at >= :since
             ORDER BY failed_at
            """;
    // Indexes (expires_at), (failed_at).
    private static final String WITHDRAW_CHALLENGE =
            "DELETE FROM otp_challenge WHERE id = :id AND institution_id = :institutionId";
    private static final String PURGE_CHALLENGES = "DELETE FROM otp_challenge WHERE expires_at < :olderThan";
    private static final String PURGE_VERIFICATIONS = "DELETE FROM contact_verification WHERE expires_at < :olderThan";
    private static final String PURGE_FAILURES = "DELETE FROM otp_failed_verification WHERE failed_at < :olderThan";
    private static final String INSERT_VERIFICATION = """
            INSERT INTO contact_verification (id, institution_id, user_id, destination_kind, destination,
                                              verified_at, expires_at, is_used)
            VALUES (:id, :institutionId, :userId, :destinationKind, :destination, :verifiedAt, :expiresAt, :used)
            """;
    // Being used is all a verification changes.
    private static final String UPDATE_VERIFICATION = """
            UPDATE contact_verification SET is_used = :used WHERE id = :id AND institution_id = :institutionId
            """;
    // Locked likewise, so that two updates cannot both redeem one verification.
    private static final String FIND_VERIFICATION =
            "SELECT * FROM contact_verification WHERE id = :id AND institution_id = :institutionId FOR UPDATE";

    private static final String PHONE = "PHONE";
    private static final String EMAIL = "EMAIL";

    private final Jdbi jdbi;
    private final KeyedHash destinationHash;

    /** @param destinationHash the keyed hash that stands for a destination in the lock table */
    public JdbiOtpStore(Jdbi jdbi, KeyedHash destinationHash) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.destinationHash = Objects.requireNonNull(destinationHash, "destinationHash");
    }

    /** @throws IllegalStateException when a challenge with that id is already stored */
    @Override
    public void add(InstitutionId institutionId, OtpChallenge challenge) {
        insert(INSERT_CHALLENGE, "challenge", update -> bind(update, institutionId, challenge));
    }

    /** @throws IllegalStateException when the institution has no challenge with that id */
    @Override
    public void update(InstitutionId institutionId, OtpChallenge challenge) {
        updateOne(UPDATE_CHALLENGE, "challenge", update -> bind(update, institutionId, challenge));
    }

    @Override
    public void withdraw(InstitutionId institutionId, OtpChallengeId id) {
        jdbi.useHandle(handle -> handle.createUpdate(WITHDRAW_CHALLENGE)
                .bind("id", id.value())
                .bind("institutionId", institutionId.value())
                .execute());
    }

    @Override
    public Optional<OtpChallenge> find(InstitutionId institutionId, OtpChallengeId id) {
        return jdbi.withHandle(handle -> handle.createQuery(FIND_CHALLENGE)
                .bind("id", id.value())
                .bind("institutionId", institutionId.value())
                .map((rs, ctx) -> challenge(rs))
                .findOne());
    }

    @Override
    public List<Instant> sendsTo(InstitutionId institutionId, Destination destination, Instant since) {
        String kind = kind(destination);
        return jdbi.inTransaction(handle -> {
            Sql.lockRow(handle, LOCK_DESTINATION, INSERT_DESTINATION, Map.of("institutionId", institutionId.value(),
                    "destinationHash", destinationHash.hex(kind + ":" + destination.normalized())));
            return handle.createQuery(SENDS_TO)
                    .bind("institutionId", institutionId.value())
                    .bind("destinationKind", kind)
                    .bind("destinationNormalized", destination.normalized())
                    .bind("since", utc(since))
                    .map((rs, ctx) -> instant(rs, "issued_at"))
                    .list();
        });
    }

    @Override
    public void addFailedVerification(InstitutionId institutionId, UserId userId, Instant failedAt) {
        jdbi.useHandle(handle -> handle.createUpdate(INSERT_FAILURE)
                .bind("id", UUID.randomUUID())
                .bind("institutionId", institutionId.value())
                .bind("userId", userId.value())
                .bind("failedAt", utc(failedAt))
                .execute());
    }

    @Override
    public List<Instant> failedVerifications(InstitutionId institutionId, UserId userId, Instant since) {
        return jdbi.withHandle(handle -> handle.createQuery(FAILURES_OF)
                .bind("institutionId", institutionId.value())
                .bind("userId", userId.value())
                .bind("since", utc(since))
                .map((rs, ctx) -> instant(rs, "failed_at"))
                .list());
    }

    /** @throws IllegalStateException when a verification with that id is already stored */
    @Override
    public void add(InstitutionId institutionId, ContactVerification verification) {
        insert(INSERT_VERIFICATION, "verification", update -> bind(update, institutionId, verification));
    }

    /** @throws IllegalStateException when the institution has no verification with that id */
    @Override
    public void update(InstitutionId institutionId, ContactVerification verification) {
        updateOne(UPDATE_VERIFICATION, "verification", update -> bind(update, institutionId, verification));
    }

    @Override
    public Optional<ContactVerification> find(InstitutionId institutionId, ContactVerificationId id) {
        return jdbi.withHandle(handle -> handle.createQuery(FIND_VERIFICATION)
                .bind("id", id.value())
                .bind("institutionId", institutionId.value())
                .map((rs, ctx) -> new ContactVerification(new ContactVerificationId(uuid(rs, "id")),
                        new UserId(uuid(rs, "user_id")), destination(rs), instant(rs, "verified_at"),
                        instant(rs, "expires_at"), rs.getBoolean("is_used")))
                .findOne());
    }

    @Override
    public int purgeExpired(Instant olderThan) {
        return jdbi.inTransaction(handle ->
                handle.createUpdate(PURGE_CHALLENGES).bind("olderThan", utc(olderThan)).execute()
                        + handle.createUpdate(PURGE_VERIFICATIONS).bind("olderThan", utc(olderThan)).execute()
                        + handle.createUpdate(PURGE_FAILURES).bind("olderThan", utc(olderThan)).execute());
    }

    private void insert(String sql, String what, UnaryOperator<Update> binding) {
        jdbi.useTransaction(handle -> {
            if (!Sql.insertUnlessDuplicate(handle, h -> binding.apply(h.createUpdate(sql)).execute())) {
                throw new IllegalStateException(what + " already exists");
            }
        });
    }

    private void updateOne(String sql, String what, UnaryOperator<Update> binding) {
        if (jdbi.withHandle(handle -> binding.apply(handle.createUpdate(sql)).execute()) != 1) {
            throw new IllegalStateException("no such " + what + " to update");
        }
    }

    private static Update bind(Update update, InstitutionId institutionId, OtpChallenge challenge) {
        return update.bind("id", challenge.id().value())
                .bind("institutionId", institutionId.value())
                .bind("userId", challenge.userId().value())
                .bind("contactMethodId", challenge.contactMethodId().value())
                .bind("channel", challenge.channel().name())
                .bind("destinationKind", kind(challenge.destination()))
                .bind("destination", value(challenge.destination()))
                .bind("destinationNormalized", challenge.destination().normalized())
                .bind("purpose", challenge.purpose().name())
                .bind("codeHash", challenge.codeHash().base64())
                .bind("issuedAt", utc(challenge.issuedAt()))
                .bind("expiresAt", utc(challenge.expiresAt()))
                .bind("maxAttempts", challenge.maxAttempts())
                .bind("attempts", challenge.attempts())
                .bind("status", challenge.status().name());
    }

    private static Update bind(Update update, InstitutionId institutionId, ContactVerification verification) {
        return update.bind("id", verification.id().value())
                .bind("institutionId", institutionId.value())
                .bind("userId", verification.userId().value())
                .bind("destinationKind", kind(verification.destination()))
                .bind("destination", value(verification.destination()))
                .bind("verifiedAt", utc(verification.verifiedAt()))
                .bind("expiresAt", utc(verification.expiresAt()))
                .bind("used", verification.used());
    }

    private static OtpChallenge challenge(ResultSet rs) throws SQLException {
        return OtpChallenge.reconstitute(new OtpChallengeId(uuid(rs, "id")), new UserId(uuid(rs, "user_id")),
                new ContactMethodId(uuid(rs, "contact_method_id")), Channel.valueOf(rs.getString("channel")),
                destination(rs), OtpPurpose.valueOf(rs.getString("purpose")),
                OtpCodeHash.ofBase64(rs.getString("code_hash")), instant(rs, "issued_at"),
                instant(rs, "expires_at"), rs.getInt("max_attempts"), rs.getInt("attempts"),
                OtpStatus.valueOf(rs.getString("status")));
    }

    private static String kind(Destination destination) {
        return destination instanceof PhoneNumber ? PHONE : EMAIL;
    }

    private static String value(Destination destination) {
        return destination instanceof PhoneNumber phone ? phone.digits() : ((EmailAddress) destination).value();
    }

    private static Destination destination(ResultSet rs) throws SQLException {
        String value = rs.getString("destination");
        return PHONE.equals(rs.getString("destination_kind")) ? new PhoneNumber(value) : new EmailAddress(value);
    }
}
