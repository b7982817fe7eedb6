-- One row per idempotency key in use: the row a request locks (SELECT ... FOR UPDATE) before it looks for the
-- key's outcome, does its work and stores the outcome, all in one transaction. A twin sent to another server
-- instance waits on the row, then finds the outcome. Purged with the outcomes.
CREATE TABLE idempotency_key_lock (
    institution_id VARCHAR(64)              NOT NULL,
    request_key    UUID                     NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT idempotency_key_lock_pk PRIMARY KEY (institution_id, request_key)
);

CREATE INDEX idempotency_key_lock_created_ix ON idempotency_key_lock (created_at);
