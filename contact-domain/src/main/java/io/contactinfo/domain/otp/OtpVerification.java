package io.contactinfo.domain.otp;

import io.contactinfo.domain.rule.LimitExceeded;
import io.contactinfo.domain.rule.RuleViolation;
import java.util.Objects;

/**
 * The outcome of giving a code to a challenge. Either way it carries the challenge as it now is, to be
 * stored: a wrong code counts as an attempt even though the verification fails.
 */
public sealed interface OtpVerification permits OtpVerification.Verified, OtpVerification.Rejected {

    OtpChallenge challenge();

    /** The code matched; the challenge is now {@link OtpStatus#VERIFIED}. */
    record Verified(OtpChallenge challenge) implements OtpVerification {

        public Verified {
            Objects.requireNonNull(challenge, "challenge");
        }
    }

    /** The code was refused by {@code rule}. */
    record Rejected(OtpChallenge challenge, OtpRule rule) implements OtpVerification {

        public Rejected {
            Objects.requireNonNull(challenge, "challenge");
            Objects.requireNonNull(rule, "rule");
        }

        /** The refusal as an exception; a locked challenge says how many attempts it allowed and had. */
        public RuleViolation toViolation() {
            return rule == OtpRule.ATTEMPTS_EXHAUSTED
                    ? new LimitExceeded(rule, "code", challenge.maxAttempts(), challenge.attempts())
                    : new RuleViolation(rule, "code");
        }
    }
}
