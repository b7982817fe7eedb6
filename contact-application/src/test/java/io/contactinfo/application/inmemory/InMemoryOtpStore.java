package io.contactinfo.application.inmemory;

import io.contactinfo.application.port.out.OtpStore;
import io.contactinfo.domain.contact.Destination;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.otp.ContactVerification;
import io.contactinfo.domain.otp.ContactVerificationId;
import io.contactinfo.domain.otp.OtpChallenge;
import io.contactinfo.domain.otp.OtpChallengeId;
import io.contactinfo.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@link OtpStore} in maps. {@link #sendsTo} needs no lock of its own: the {@link InMemoryUnitOfWork} runs one
 * unit of work at a time.
 */
public final class InMemoryOtpStore implements OtpStore, InMemoryUnitOfWork.Transactional {

    private record State(Map<OtpChallengeId, Stored<OtpChallenge>> challenges,
                              Map<ContactVerificationId, Stored<ContactVerification>> verifications,
                              List<Stored<FailedVerification>> failures) {
    }

    private record Stored<T>(InstitutionId institutionId, T value) {
    }

    private record FailedVerification(UserId userId, Instant failedAt) {
    }

    private Map<OtpChallengeId, Stored<OtpChallenge>> challenges = new HashMap<>();
    private Map<ContactVerificationId, Stored<ContactVerification>> verifications = new HashMap<>();
    private List<Stored<FailedVerification>> failures = new ArrayList<>();

    @Override
    public synchronized void add(InstitutionId institutionId, OtpChallenge challenge) {
        if (challenges.putIfAbsent(challenge.id(), new Stored<>(institutionId, challenge)) != null) {
            throw new IllegalStateException("challenge already exists");
        }
    }

    @Override
    public synchronized void update(InstitutionId institutionId, OtpChallenge challenge) {
        requireStored(challenges.get(challenge.id()), institutionId);
        challenges.put(challenge.id(), new Stored<>(institutionId, challenge));
    }

    @Override
    public synchronized Optional<OtpChallenge> find(InstitutionId institutionId, OtpChallengeId id) {
        return Optional.ofNullable(challenges.get(id))
                .filter(stored -> stored.institutionId().equals(institutionId))
                .map(Stored::value);
    }

    @Override
    public synchronized void withdraw(InstitutionId institutionId, OtpChallengeId id) {
        Stored<OtpChallenge> stored = challenges.get(id);
        if (stored != null && stored.institutionId().equals(institutionId)) {
            challenges.remove(id);
        }
    }

    @Override
    public synchronized List<Instant> sendsTo(InstitutionId institutionId, Destination destination, Instant since) {
        return challenges.values().stream()
                .filter(stored -> stored.institutionId().equals(institutionId))
                .map(Stored::value)
                .filter(challenge -> challenge.destination().sameAs(destination)
                        && !challenge.issuedAt().isBefore(since))
                .map(OtpChallenge::issuedAt)
                .sorted()
                .toList();
    }

    @Override
    public synchronized void addFailedVerification(InstitutionId institutionId, UserId userId, Instant failedAt) {
        failures.add(new Stored<>(institutionId, new FailedVerification(userId, failedAt)));
    }

    @Override
    public synchronized List<Instant> failedVerifications(InstitutionId institutionId, UserId userId,
                                                          Instant since) {
        return failures.stream()
                .filter(stored -> stored.institutionId().equals(institutionId))
                .map(Stored::value)
                .filter(failure -> failure.userId().equals(userId) && !failure.failedAt().isBefore(since))
                .map(FailedVerification::failedAt)
                .sorted()
                .toList();
    }

    @Override
    public synchronized void add(InstitutionId institutionId, ContactVerification verification) {
        if (verifications.putIfAbsent(verification.id(), new Stored<>(institutionId, verification)) != null) {
            throw new IllegalStateException("verification already exists");
        }
    }

    @Override
    public synchronized void update(InstitutionId institutionId, ContactVerification verification) {
        requireStored(verifications.get(verification.id()), institutionId);
        verifications.put(verification.id(), new Stored<>(institutionId, verification));
    }

    @Override
    public synchronized Optional<ContactVerification> find(InstitutionId institutionId, ContactVerificationId id) {
        return Optional.ofNullable(verifications.get(id))
                .filter(stored -> stored.institutionId().equals(institutionId))
                .map(Stored::value);
    }

    @Override
    public synchronized int purgeExpired(Instant olderThan) {
        int before = challenges.size() + verifications.size() + failures.size();
        challenges.values().removeIf(stored -> stored.value().expiresAt().isBefore(olderThan));
        verifications.values().removeIf(stored -> stored.value().expiresAt().isBefore(olderThan));
        failures.removeIf(stored -> stored.value().failedAt().isBefore(olderThan));
        return before - challenges.size() - verifications.size() - failures.size();
    }

    private static void requireStored(Stored<?> stored, InstitutionId institutionId) {
        if (stored == null || !stored.institutionId().equals(institutionId)) {
            throw new IllegalStateException("nothing stored to update");
        }
    }

    @Override
    public synchronized Object snapshot() {
        return new State(new HashMap<>(challenges), new HashMap<>(verifications), new ArrayList<>(failures));
    }

    @Override
    public synchronized void restore(Object snapshot) {
        State saved = (State) snapshot;
        challenges = new HashMap<>(saved.challenges());
        verifications = new HashMap<>(saved.verifications());
        failures = new ArrayList<>(saved.failures());
    }
}
