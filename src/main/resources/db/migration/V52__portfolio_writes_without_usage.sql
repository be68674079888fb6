-- The versions whose write wrote no usage rows and removed none (accounts, contacts, tickets, feedback, meetings):
-- the usage totals of a ranking from before such writes still hold, so the next whole-book ranking reads every
-- table but usage (HealthService). A version missing here may have changed usage. Pruned with portfolio_changes.
CREATE TABLE portfolio_writes_without_usage (
    version     BIGINT      NOT NULL PRIMARY KEY
);
