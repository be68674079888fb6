-- The versions whose write wrote no usage rows and removed none, with the one table each wrote (accounts,
-- contacts, tickets, feedback_responses, meetings, success_plans): the usage totals of a ranking from before such
-- writes still hold, and after writes of accounts alone only the accounts' own fields can have moved
-- (HealthService). A version missing here may have changed usage. Pruned with portfolio_changes.
CREATE TABLE portfolio_writes_without_usage (
    version     BIGINT      NOT NULL PRIMARY KEY,
    table_name  VARCHAR(40) NOT NULL
);
