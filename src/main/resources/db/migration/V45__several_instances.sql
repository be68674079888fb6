-- Several instances on one store (issue 12): scheduled work (the daily scan, the weekly digest, pruning) runs on one
-- instance at a time. The instance that moves a job's locked_until past now holds the job until then; it moves it
-- back when done, though never earlier than a minimum hold, so the same schedule firing a moment later elsewhere is
-- skipped. A crashed holder's claim lapses at locked_until. Times are fixed-width ISO text in UTC.
CREATE TABLE scheduled_locks (
    job           VARCHAR(100) PRIMARY KEY,
    locked_until  VARCHAR(30)  NOT NULL,
    locked_at     VARCHAR(30)  NOT NULL,
    locked_by     VARCHAR(200) NOT NULL
);

-- Deliveries already handled are kept a day (Slack and Bot Framework retry within minutes), then pruned by age.
CREATE INDEX inbound_events_received ON inbound_events (received_at);
