package io.contactinfo.domain.otp;

import io.contactinfo.domain.rule.LimitDecision;
import io.contactinfo.domain.rule.Require;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The numbers of the OTP rules (SPEC §4.5), configurable within bounds; {@link #DEFAULTS} are NIST's and OWASP's.
 *
 * @param codeLength                    digits of a passcode, 6-10 (default 6)
 * @param validity                      how long a passcode is valid, at most 10 minutes (default 5)
 * @param maxAttempts                   verification attempts before the challenge locks, 1-10 (default 5)
 * @param resendInterval                least time between two passcodes to one destination (default 30 s)
 * @param maxSendsPerHour               most passcodes to one destination in any hour (default 5)
 * @param contactVerificationValidity   how long a contact verification can be redeemed (default 30 minutes)
 * @param passwordResetCoolOff          no password-reset passcode to a destination changed more recently
 *                                      (default 24 h)
 * @param maxFailedVerificationsPerHour most wrong passcodes checked for one customer in any hour, whatever the
 *                                      challenges and destinations (default 100, OWASP ASVS 2.2.1)
 */
public record OtpPolicy(int codeLength, Duration validity, int maxAttempts, Duration resendInterval,
                        int maxSendsPerHour, Duration contactVerificationValidity, Duration passwordResetCoolOff,
                        int maxFailedVerificationsPerHour) {

    public static final int MIN_CODE_LENGTH = 6;
    public static final int MAX_CODE_LENGTH = 10;
    public static final Duration MAX_VALIDITY = Duration.ofMinutes(10);
    public static final int MAX_ATTEMPTS = 10;

    private static final Duration HOUR = Duration.ofHours(1);

    /** The numbers of SPEC §4.5; declared after the bounds it is checked against. */
    public static final OtpPolicy DEFAULTS = new OtpPolicy(6, Duration.ofMinutes(5), 5, Duration.ofSeconds(30), 5,
            Duration.ofMinutes(30), Duration.ofHours(24), 100);

    public OtpPolicy {
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(resendInterval, "resendInterval");
        Objects.requireNonNull(contactVerificationValidity, "contactVerificationValidity");
        Objects.requireNonNull(passwordResetCoolOff, "passwordResetCoolOff");
        Require.that(codeLength >= MIN_CODE_LENGTH && codeLength <= MAX_CODE_LENGTH, OtpRule.POLICY_RANGE,
                "codeLength");
        Require.that(isPositive(validity) && validity.compareTo(MAX_VALIDITY) <= 0, OtpRule.POLICY_RANGE,
                "validity");
        Require.that(maxAttempts >= 1 && maxAttempts <= MAX_ATTEMPTS, OtpRule.POLICY_RANGE, "maxAttempts");
        Require.that(!resendInterval.isNegative(), OtpRule.POLICY_RANGE, "resendInterval");
        Require.that(maxSendsPerHour >= 1, OtpRule.POLICY_RANGE, "maxSendsPerHour");
        Require.that(isPositive(contactVerificationValidity), OtpRule.POLICY_RANGE, "contactVerificationValidity");
        Require.that(!passwordResetCoolOff.isNegative(), OtpRule.POLICY_RANGE, "passwordResetCoolOff");
        Require.that(maxFailedVerificationsPerHour >= 1, OtpRule.POLICY_RANGE, "maxFailedVerificationsPerHour");
    }

    private static boolean isPositive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }

    /**
     * May a new passcode go to a destination that was sent passcodes at {@code previousSends}? Not within
     * {@link #resendInterval} of the last one ({@link OtpRule#RESEND_TOO_SOON}, limit 1), and not when
     * {@link #maxSendsPerHour} were sent in the hour before {@code now} ({@link OtpRule#HOURLY_SENDS}).
     */
    public LimitDecision maySend(List<Instant> previousSends, Instant now) {
        Instant intervalStart = now.minus(resendInterval);
        int inInterval = (int) previousSends.stream().filter(sent -> sent.isAfter(intervalStart)).count();
        if (inInterval > 0) {
            return new LimitDecision.Refused(OtpRule.RESEND_TOO_SOON, 1, inInterval);
        }
        return LimitDecision.below(inTheHourBefore(now, previousSends), maxSendsPerHour, OtpRule.HOURLY_SENDS);
    }

    /**
     * May a passcode of a customer whose verifications failed at {@code previousFailures} be checked at all? Not
     * when {@link #maxFailedVerificationsPerHour} failed in the hour before {@code now}
     * ({@link OtpRule#HOURLY_FAILURES}): then no code is compared, not even the right one. A failure is a wrong
     * code checked, the one that locks its challenge included.
     */
    public LimitDecision mayVerify(List<Instant> previousFailures, Instant now) {
        return LimitDecision.below(inTheHourBefore(now, previousFailures), maxFailedVerificationsPerHour,
                OtpRule.HOURLY_FAILURES);
    }

    /** How many of {@code instants} fall in the hour before {@code now}; one exactly an hour old no longer does. */
    private static int inTheHourBefore(Instant now, List<Instant> instants) {
        Instant hourStart = now.minus(HOUR);
        return (int) instants.stream().filter(instant -> instant.isAfter(hourStart)).count();
    }

    /**
     * The SIM-swap defence (NIST SP 800-63B §5.1.3.3): a PASSWORD_RESET passcode is not sent to a
     * destination changed less than {@link #passwordResetCoolOff} before {@code now}; other purposes pass.
     *
     * @param destinationChangedAt when the phone number or email address was last set
     * @throws io.contactinfo.domain.rule.RuleViolation {@link OtpRule#PASSWORD_RESET_COOL_OFF}
     */
    public void requireCoolOffPassed(OtpPurpose purpose, Instant destinationChangedAt, Instant now) {
        Require.that(purpose != OtpPurpose.PASSWORD_RESET
                        || !destinationChangedAt.plus(passwordResetCoolOff).isAfter(now),
                OtpRule.PASSWORD_RESET_COOL_OFF, "contactMethodId");
    }
}
