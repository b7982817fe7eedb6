-- How many values of the identity columns H2 sets aside at a time: 32 by default, and each time they are used up
-- H2 writes the next ones to its file in a commit of its own, which, with every commit written at once, was a tenth
-- of an import's time (async-profiler); with 1,000 the import enrolled 505-516 rows a second instead of 413-438.
-- A crash skips what was set aside and not used: these columns order rows, nothing counts on them being dense.
-- On PostgreSQL the placeholder is 1, its default: there each session keeps its own values set aside, and the rows
-- of concurrent sessions would be numbered out of the order they were written in.
ALTER TABLE app_user ALTER COLUMN added_order SET CACHE ${identity_cache};
ALTER TABLE audit_record ALTER COLUMN seq SET CACHE ${identity_cache};
ALTER TABLE notification_outbox ALTER COLUMN seq SET CACHE ${identity_cache};
