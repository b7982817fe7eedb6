package io.contactinfo.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link OtpStore} does; extend it once per implementation. Each test works in institutions of its own.
 * Timestamps carry microseconds, the finest precision SQL databases keep.
 */
public abstract class OtpStoreContract {

    private static final Instant NOW = Instant.parse("2024-03-01T10:15:30.123456Z");

    protected final InstitutionId bankA = new InstitutionId("bank-" + UUID.randomUUID());
    protected final InstitutionId bankB = new InstitutionId("bank-" + UUID.randomUUID());
    private final UserId jane = UserId.random();
    private final UserId john = UserId.random();

    /** The implementation under test. */
    protected abstract OtpStore otpStore();

    @Test
    void givenAChallenge_add_thenFindReturnsIt() {
        OtpChallenge challenge = aChallenge(new EmailAddress("Jane.Doe@Example.com"), NOW);

        otpStore().add(bankA, challenge);

        assertThat(otpStore().find(bankA, challenge.id()))
                .hasValueSatisfying(found -> assertSameChallenge(found, challenge));
        assertThat(otpStore().find(bankB, challenge.id())).isEmpty();
        assertThat(otpStore().find(bankA, OtpChallengeId.random())).isEmpty();
    }

    @Test
    void givenAStoredChallenge_update_storesItsAttemptsAndStatus() {
        OtpChallenge challenge = aChallenge(new PhoneNumber("2125550147"), NOW);
        otpStore().add(bankA, challenge);
        OtpChallenge locked = reconstitute(challenge, 5, OtpStatus.LOCKED);

        otpStore().update(bankA, locked);

        assertThat(otpStore().find(bankA, challenge.id()))
                .hasValueSatisfying(found -> assertSameChallenge(found, locked));
    }

    @Test
    void givenAWithdrawnChallenge_itIsNeitherFoundNorCountedAmongTheSends_andAnotherInstitutionCannotWithdrawIt() {
        PhoneNumber mobile = new PhoneNumber("2125550147");
        OtpChallenge kept = aChallenge(mobile, NOW);
        OtpChallenge withdrawn = aChallenge(mobile, NOW.plusSeconds(1));
        otpStore().add(bankA, kept);
        otpStore().add(bankA, withdrawn);

        otpStore().withdraw(bankB, kept.id());
        otpStore().withdraw(bankA, withdrawn.id());
        otpStore().withdraw(bankA, OtpChallengeId.random());

        assertThat(otpStore().find(bankA, withdrawn.id())).isEmpty();
        assertThat(otpStore().find(bankA, kept.id())).isPresent();
        assertThat(otpStore().sendsTo(bankA, mobile, NOW.minusSeconds(60))).hasSize(1);
    }

    @Test
    void givenAChallengeNotStoredInTheInstitution_update_fails() {
        OtpChallenge challenge = aChallenge(new PhoneNumber("2125550147"), NOW);
        otpStore().add(bankA, challenge);

        assertThatThrownBy(() -> otpStore().update(bankB, reconstitute(challenge, 1, OtpStatus.PENDING)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> otpStore().update(bankA, aChallenge(new PhoneNumber("2125550147"), NOW)))
                .isInstanceOf(IllegalStateException.class);

        assertThat(otpStore().find(bankA, challenge.id()))
                .hasValueSatisfying(found -> assertSameChallenge(found, challenge));
    }

    @Test
    void givenAChallengeAlreadyStored_add_fails() {
        OtpChallenge challenge = aChallenge(new PhoneNumber("2125550147"), NOW);
        otpStore().add(bankA, challenge);

        assertThatThrownBy(() -> otpStore().add(bankA, challenge)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void givenChallengesToSeveralDestinations_sendsTo_returnsThoseToTheDestinationSinceTheInstantOldestFirst() {
        Instant since = NOW.minus(Duration.ofHours(1));
        EmailAddress email = new EmailAddress("Jane.Doe@Example.com");
        otpStore().add(bankA, aChallenge(email, NOW));
        otpStore().add(bankA, aChallenge(new EmailAddress("jane.doe@example.COM"), since));
        otpStore().add(bankA, aChallenge(email, since.minusNanos(1000)));
        otpStore().add(bankA, aChallenge(email, NOW.minusSeconds(30)));
        otpStore().add(bankA, aChallenge(new EmailAddress("john@example.com"), NOW));
        otpStore().add(bankA, aChallenge(new PhoneNumber("2125550147"), NOW));
        otpStore().add(bankB, aChallenge(email, NOW));

        assertThat(otpStore().sendsTo(bankA, new EmailAddress("JANE.DOE@example.com"), since))
                .containsExactly(since, NOW.minusSeconds(30), NOW);
        assertThat(otpStore().sendsTo(bankA, new PhoneNumber("2125550147"), since)).containsExactly(NOW);
        assertThat(otpStore().sendsTo(bankA, new PhoneNumber("2125550148"), since)).isEmpty();
    }

    @Test
    void givenFailedVerificationsOfSeveralUsers_failedVerifications_returnsTheUsersSinceTheInstantOldestFirst() {
        Instant since = NOW.minus(Duration.ofHours(1));
        otpStore().addFailedVerification(bankA, jane, NOW);
        otpStore().addFailedVerification(bankA, jane, since);
        otpStore().addFailedVerification(bankA, jane, since.minusNanos(1000));
        otpStore().addFailedVerification(bankA, jane, NOW.minusSeconds(30));
        otpStore().addFailedVerification(bankA, jane, NOW);
        otpStore().addFailedVerification(bankA, john, NOW);
        otpStore().addFailedVerification(bankB, jane, NOW);

        assertThat(otpStore().failedVerifications(bankA, jane, since))
                .containsExactly(since, NOW.minusSeconds(30), NOW, NOW);
        assertThat(otpStore().failedVerifications(bankA, john, since)).containsExactly(NOW);
        assertThat(otpStore().failedVerifications(bankB, john, since)).isEmpty();
        assertThat(otpStore().failedVerifications(bankA, UserId.random(), since)).isEmpty();
    }

    @Test
    void givenAVerification_add_thenFindReturnsIt() {
        ContactVerification verification = aVerification(new PhoneNumber("2125550147"));

        otpStore().add(bankA, verification);

        assertThat(otpStore().find(bankA, verification.id())).contains(verification);
        assertThat(otpStore().find(bankB, verification.id())).isEmpty();
        assertThat(otpStore().find(bankA, ContactVerificationId.random())).isEmpty();
    }

    @Test
    void givenARedeemedVerification_update_storesThatItWasUsed() {
        ContactVerification verification = aVerification(new EmailAddress("jane@example.com"));
        otpStore().add(bankA, verification);
        ContactVerification redeemed = used(verification);

        otpStore().update(bankA, redeemed);

        assertThat(otpStore().find(bankA, verification.id())).contains(redeemed);
    }

    @Test
    void givenAVerificationNotStoredInTheInstitution_update_failsAndAddTwiceFails() {
        ContactVerification verification = aVerification(new EmailAddress("jane@example.com"));
        otpStore().add(bankA, verification);

        assertThatThrownBy(() -> otpStore().update(bankB, used(verification)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> otpStore().add(bankA, verification)).isInstanceOf(IllegalStateException.class);

        assertThat(otpStore().find(bankA, verification.id())).contains(verification);
    }

    @Test
    void givenChallengesVerificationsAndFailuresOlderThanTheInstant_purgeExpired_deletesThemAndKeepsTheRest() {
        // Long before every other test's records, which a shared database keeps: the count is this test's alone.
        Instant olderThan = Instant.parse("1990-01-01T00:00:00Z");
        Duration life = Duration.ofMinutes(5);
        OtpChallenge expired = aChallenge(new PhoneNumber("2125550147"), olderThan.minus(life).minusNanos(1000));
        OtpChallenge expiringThen = aChallenge(new PhoneNumber("2125550147"), olderThan.minus(life));
        OtpChallenge elsewhere = aChallenge(new EmailAddress("jane@example.com"), olderThan.minus(Duration.ofDays(1)));
        ContactVerification expiredVerification = aVerification(new PhoneNumber("2125550147"),
                olderThan.minus(Duration.ofHours(1)));
        ContactVerification validVerification = aVerification(new PhoneNumber("2125550147"), olderThan);
        otpStore().add(bankA, expired);
        otpStore().add(bankA, expiringThen);
        otpStore().add(bankB, elsewhere);
        otpStore().add(bankA, expiredVerification);
        otpStore().add(bankA, validVerification);
        otpStore().addFailedVerification(bankA, jane, olderThan.minusNanos(1000));
        otpStore().addFailedVerification(bankB, john, olderThan.minus(Duration.ofDays(1)));
        otpStore().addFailedVerification(bankA, jane, olderThan);

        assertThat(otpStore().purgeExpired(olderThan)).isEqualTo(5);

        assertThat(otpStore().find(bankA, expired.id())).isEmpty();
        assertThat(otpStore().find(bankB, elsewhere.id())).isEmpty();
        assertThat(otpStore().find(bankA, expiredVerification.id())).isEmpty();
        assertThat(otpStore().find(bankA, expiringThen.id())).isPresent();
        assertThat(otpStore().find(bankA, validVerification.id())).contains(validVerification);
        assertThat(otpStore().failedVerifications(bankA, jane, olderThan.minus(Duration.ofDays(2))))
                .containsExactly(olderThan);
        assertThat(otpStore().failedVerifications(bankB, john, olderThan.minus(Duration.ofDays(2)))).isEmpty();
        assertThat(otpStore().purgeExpired(olderThan)).isZero();
    }

    protected OtpChallenge aChallenge(Destination destination, Instant issuedAt) {
        OtpChallengeId id = OtpChallengeId.random();
        Channel channel = destination instanceof PhoneNumber ? Channel.SMS : Channel.EMAIL;
        return OtpChallenge.reconstitute(id, jane, new ContactMethodId(UUID.randomUUID()), channel, destination,
                OtpPurpose.CONTACT_VERIFICATION, OtpCodeHash.of(("hash of " + id).getBytes(StandardCharsets.UTF_8)),
                issuedAt, issuedAt.plus(Duration.ofMinutes(5)), 5, 0, OtpStatus.PENDING);
    }

    private ContactVerification aVerification(Destination destination) {
        return aVerification(destination, NOW.plus(Duration.ofMinutes(30)));
    }

    private ContactVerification aVerification(Destination destination, Instant expiresAt) {
        return new ContactVerification(ContactVerificationId.random(), jane, destination,
                expiresAt.minus(Duration.ofMinutes(30)), expiresAt, false);
    }

    private static ContactVerification used(ContactVerification v) {
        return new ContactVerification(v.id(), v.userId(), v.destination(), v.verifiedAt(), v.expiresAt(), true);
    }

    private static OtpChallenge reconstitute(OtpChallenge c, int attempts, OtpStatus status) {
        return OtpChallenge.reconstitute(c.id(), c.userId(), c.contactMethodId(), c.channel(), c.destination(),
                c.purpose(), c.codeHash(), c.issuedAt(), c.expiresAt(), c.maxAttempts(), attempts, status);
    }

    /** OtpChallenge has no equals: an aggregate is one entity by id; a store must give back all of its state. */
    protected static void assertSameChallenge(OtpChallenge actual, OtpChallenge expected) {
        assertThat(actual.id()).isEqualTo(expected.id());
        assertThat(actual.userId()).isEqualTo(expected.userId());
        assertThat(actual.contactMethodId()).isEqualTo(expected.contactMethodId());
        assertThat(actual.channel()).isEqualTo(expected.channel());
        assertThat(actual.destination()).isEqualTo(expected.destination());
        assertThat(actual.purpose()).isEqualTo(expected.purpose());
        assertThat(actual.codeHash()).isEqualTo(expected.codeHash());
        assertThat(actual.issuedAt()).isEqualTo(expected.issuedAt());
        assertThat(actual.expiresAt()).isEqualTo(expected.expiresAt());
        assertThat(actual.maxAttempts()).isEqualTo(expected.maxAttempts());
        assertThat(actual.attempts()).isEqualTo(expected.attempts());
        assertThat(actual.status()).isEqualTo(expected.status());
    }
}
