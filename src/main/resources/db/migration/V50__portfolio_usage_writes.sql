-- The versions whose write changed usage rows and nothing else, with the earliest day it wrote. Scores
-- reused from before such writes need only their usage read again (HealthService); a version missing here
-- may have changed anything. Pruned with portfolio_changes.
CREATE TABLE portfolio_usage_writes (
    version     BIGINT      NOT NULL PRIMARY KEY,
    usage_from  VARCHAR(10) NOT NULL
);
