-- usage_daily gains a row per account a day, and a feed may rewrite today's: by PostgreSQL's default scale factors
-- (20% of the table) autovacuum would come back to it about every two months at 100,000 accounts. Until it does, the
-- pages those rows are on are not all-visible, and every usage window read fetches them from the table instead of
-- the index alone: a full alert scan of 100,000 accounts took 22 s after eighteen whole-book writes, 11 s after a
-- VACUUM (7.6 s). So vacuum and analyze it after a fixed number of changed or new rows, whatever its size.
ALTER TABLE usage_daily SET (
    autovacuum_vacuum_scale_factor = 0,
    autovacuum_vacuum_threshold = 10000,
    autovacuum_vacuum_insert_scale_factor = 0,
    autovacuum_vacuum_insert_threshold = 10000,
    autovacuum_analyze_scale_factor = 0,
    autovacuum_analyze_threshold = 50000
);
