-- Facts about the store itself, one row each. "demo_portfolio" says the demo portfolio was loaded into this
-- store (and which), so that importing real data beside it warns: demo accounts never mix with real ones
-- unnoticed.
CREATE TABLE store_metadata (
    name   VARCHAR(64)  PRIMARY KEY,
    value  VARCHAR(300) NOT NULL
);

-- A store filled before this table existed may hold the demo already: its three stories, owned by the demo's
-- CSMs (a domain no real customer uses), say so.
INSERT INTO store_metadata (name, value)
SELECT 'demo_portfolio', 'loaded before csbot recorded which'
WHERE (SELECT COUNT(*) FROM accounts
       WHERE account_id IN ('acme', 'globex', 'initech') AND csm_email LIKE '%@csbot.example') = 3;
