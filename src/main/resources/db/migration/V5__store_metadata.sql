-- Facts about the store itself, one row each. "demo_portfolio" says the demo portfolio was loaded into this
-- store (and which), so that importing real data beside it warns: demo accounts never mix with real ones
-- unnoticed.
CREATE TABLE store_metadata (
    name   VARCHAR(64)  PRIMARY KEY,
    value  VARCHAR(300) NOT NULL
);
