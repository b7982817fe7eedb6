package io.contactinfo.application.service;

import io.contactinfo.application.port.in.PurgeExpiredRecordsUseCase;
import io.contactinfo.application.port.out.IdempotencyStore;
import io.contactinfo.application.port.out.OtpStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Deletes expired OTP challenges and contact verifications, old failed verifications and old idempotency records,
 * after their retention.
 */
public final class PurgeExpiredRecordsService implements PurgeExpiredRecordsUseCase {

    /**
     * The hourly send cap and failure budget (SPEC §4.5) count the challenges and the failed verifications of the
     * last hour: they must outlive it.
     */
    private static final Duration SHORTEST_OTP_RETENTION = Duration.ofHours(1);

    /**
     * @param otp         how long challenges and verifications are kept after they expired, and failed
     *                    verifications after they failed, at least 1 hour
     * @param idempotency how long an idempotency record is kept after its request, positive: a retry within it
     *                    gets the first outcome again
     */
    public record Retention(Duration otp, Duration idempotency) {

        /** A day for both. */
        public static final Retention DEFAULTS = new Retention(Duration.ofHours(24), Duration.ofHours(24));

        public Retention {
            Objects.requireNonNull(otp, "otp");
            Objects.requireNonNull(idempotency, "idempotency");
            if (otp.compareTo(SHORTEST_OTP_RETENTION) < 0) {
                throw new IllegalArgumentException("otp retention must be at least " + SHORTEST_OTP_RETENTION);
            }
            if (!Durations.positive(idempotency)) {
                throw new IllegalArgumentException("idempotency retention must be positive");
            }
        }
    }

    private final OtpStore otps;
    private final IdempotencyStore idempotency;
    private final Retention retention;
    private final Clock clock;

    public PurgeExpiredRecordsService(OtpStore otps, IdempotencyStore idempotency, Retention retention,
                                      Clock clock) {
        this.otps = Objects.requireNonNull(otps, "otps");
        this.idempotency = Objects.requireNonNull(idempotency, "idempotency");
        this.retention = Objects.requireNonNull(retention, "retention");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public PurgedRecords purge() {
        Instant now = clock.instant();
        return new PurgedRecords(otps.purgeExpired(now.minus(retention.otp())),
                idempotency.purge(now.minus(retention.idempotency())));
    }
}
