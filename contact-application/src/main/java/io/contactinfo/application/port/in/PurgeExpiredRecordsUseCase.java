package io.contactinfo.application.port.in;

/**
 * Deletes what the service keeps only for a while: OTP challenges and contact verifications once
 * expired, and idempotency records, each after its retention window. Run it now and then (hourly is plenty).
 */
public interface PurgeExpiredRecordsUseCase {

    /** How many records one run deleted. */
    record PurgedRecords(int otpRecords, int idempotencyRecords) {
    }

    PurgedRecords purge();
}
