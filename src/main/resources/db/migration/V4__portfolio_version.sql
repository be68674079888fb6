-- Bumped in the same transaction as every write to the portfolio, so that readers (in this process or
-- another) can tell whether scores computed earlier still hold.
CREATE TABLE portfolio_version (
    id       INTEGER PRIMARY KEY,
    version  BIGINT  NOT NULL
);
INSERT INTO portfolio_version (id, version) VALUES (1, 0);
