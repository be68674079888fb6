-- Which accounts the write behind each portfolio version touched, so that a reader (this process or
-- another) rescores only those. Written in the write's own transaction and pruned to the most recent
-- versions: a reader further behind, or a version with no rows here, rescores the whole book.
-- account_id '' stands for "every account" (a write too large to name its accounts one by one).
CREATE TABLE portfolio_changes (
    version     BIGINT      NOT NULL,
    account_id  VARCHAR(64) NOT NULL,
    PRIMARY KEY (version, account_id)
);
