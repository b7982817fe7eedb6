-- What the notification dispatcher, the purge of expired records and the OTP resend limits need.
-- Plain SQL that H2 2.x and PostgreSQL 15 both accept.

-- A notification is PENDING until DELIVERED (sent_at says when) or REJECTED (rejected_at says when).
-- A pending one is due from due_at on: empty when never claimed, the end of the lease while claimed, the next
-- attempt after a failure. attempts counts the claims; last_error is the last failure's reason (never the
-- destination or the parameters).
ALTER TABLE notification_outbox ADD COLUMN status VARCHAR(9) DEFAULT 'PENDING' NOT NULL;
ALTER TABLE notification_outbox ADD COLUMN due_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE notification_outbox ADD COLUMN last_error VARCHAR(255);
ALTER TABLE notification_outbox ADD COLUMN rejected_at TIMESTAMP WITH TIME ZONE;
UPDATE notification_outbox SET status = 'DELIVERED' WHERE sent_at IS NOT NULL;

-- The dispatcher's claim: pending and due, oldest first.
CREATE INDEX notification_outbox_due_ix ON notification_outbox (status, due_at, seq);

-- The purge of expired challenges, verifications and idempotency records.
CREATE INDEX otp_challenge_expires_ix ON otp_challenge (expires_at);
CREATE INDEX contact_verification_expires_ix ON contact_verification (expires_at);
CREATE INDEX idempotency_record_created_ix ON idempotency_record (created_at);

-- One row per destination ever sent a code: the row the OTP store locks (SELECT ... FOR UPDATE) so that two
-- requests for a code to one destination check the resend limits one after the other. The destination is kept
-- as its keyed hash (kind and normalized value), never in clear.
CREATE TABLE otp_destination_lock (
    institution_id   VARCHAR(64) NOT NULL,
    destination_hash VARCHAR(64) NOT NULL,
    CONSTRAINT otp_destination_lock_pk PRIMARY KEY (institution_id, destination_hash)
);
