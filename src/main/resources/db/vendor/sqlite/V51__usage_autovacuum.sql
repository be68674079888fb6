-- PostgreSQL's counterpart tunes autovacuum for usage_daily. SQLite has no visibility map to keep current: its
-- index reads never visit the table for that, so there is nothing to do. This keeps both stores' schema histories
-- at the same versions.
SELECT 1;
