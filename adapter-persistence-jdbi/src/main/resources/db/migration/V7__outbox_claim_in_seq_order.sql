-- The dispatcher's claim reads the pending notifications in the order they were queued and stops at its batch.
-- Plain SQL that H2 2.x and PostgreSQL 15 both accept.

-- The index on (status, due_at, seq) matched the claim's filter but not its order: both databases read and
-- sorted every pending row for each batch of 50 (H2 also locked each one), so the claims of a backlog of
-- 100,000 notifications cost as much as 100,000 x 2,000 row reads. In seq order, a claim reads the rows it
-- takes, plus those leased or waiting for a retry ahead of them.
DROP INDEX notification_outbox_due_ix;
CREATE INDEX notification_outbox_pending_ix ON notification_outbox (status, seq);
