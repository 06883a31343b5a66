-- The metrics count the outbox's failed jobs every 15 seconds (docs/decisions/metrics.md): without
-- an index that count reads the whole table, which only grows. Failed jobs are few.
CREATE INDEX outbox_failed ON outbox (id) WHERE failed;
