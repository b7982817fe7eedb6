-- The hourly failure budget of OTP verification (OWASP ASVS 2.2.1: at most 100 failed verifications per customer
-- in any hour). Plain SQL that H2 2.x and PostgreSQL 15 both accept.

-- One row per wrong passcode checked, written in the transaction that counts the attempt on its challenge. The
-- budget counts a user's rows of the last hour; the purge deletes rows older than the OTP retention (at least
-- an hour). The user's id and when, nothing else: neither the code nor the destination.
CREATE TABLE otp_failed_verification (
    id             UUID                     NOT NULL,
    institution_id VARCHAR(64)              NOT NULL,
    user_id        UUID                     NOT NULL,
    failed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT otp_failed_verification_pk PRIMARY KEY (id)
);

CREATE INDEX otp_failed_verification_user_ix ON otp_failed_verification (user_id, failed_at);
CREATE INDEX otp_failed_verification_failed_ix ON otp_failed_verification (failed_at);
