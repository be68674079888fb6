-- The portfolio: accounts and the signals that feed their health.
-- Portable SQL (SQLite and PostgreSQL): ISO dates as TEXT 'YYYY-MM-DD', booleans as 0/1 integers,
-- money as whole currency units in BIGINT.

CREATE TABLE accounts (
    account_id       VARCHAR(64)  PRIMARY KEY,
    name             VARCHAR(200) NOT NULL,
    segment          VARCHAR(20)  NOT NULL,
    arr              BIGINT       NOT NULL,
    seats_purchased  INTEGER      NOT NULL,
    contract_start   VARCHAR(10)  NOT NULL,
    renewal_date     VARCHAR(10)  NOT NULL,
    csm_email        VARCHAR(200) NOT NULL,
    lifecycle_stage  VARCHAR(20)  NOT NULL,
    slack_channel    VARCHAR(100),
    teams_channel    VARCHAR(300)
);
CREATE INDEX accounts_csm ON accounts (csm_email);
CREATE INDEX accounts_name ON accounts (lower(name));

CREATE TABLE contacts (
    contact_id       VARCHAR(64)  PRIMARY KEY,
    account_id       VARCHAR(64)  NOT NULL REFERENCES accounts (account_id),
    name             VARCHAR(200) NOT NULL,
    email            VARCHAR(200) NOT NULL,
    title            VARCHAR(200) NOT NULL,
    is_champion      INTEGER      NOT NULL,
    is_exec_sponsor  INTEGER      NOT NULL,
    left_on          VARCHAR(10)
);
CREATE INDEX contacts_account ON contacts (account_id);

CREATE TABLE usage_daily (
    account_id        VARCHAR(64) NOT NULL REFERENCES accounts (account_id),
    date              VARCHAR(10) NOT NULL,
    active_users      INTEGER     NOT NULL,
    events            BIGINT      NOT NULL,
    key_features_used INTEGER     NOT NULL,
    PRIMARY KEY (account_id, date)
);
-- Covering index: ranking the whole book reads a few weeks of every account's usage from it alone.
CREATE INDEX usage_daily_date ON usage_daily (date, account_id, active_users, events, key_features_used);

CREATE TABLE tickets (
    ticket_id   VARCHAR(64)  PRIMARY KEY,
    account_id  VARCHAR(64)  NOT NULL REFERENCES accounts (account_id),
    opened_on   VARCHAR(10)  NOT NULL,
    closed_on   VARCHAR(10),
    severity    INTEGER      NOT NULL,
    subject     VARCHAR(500) NOT NULL
);
CREATE INDEX tickets_account ON tickets (account_id, opened_on);

CREATE TABLE feedback_responses (
    account_id     VARCHAR(64)  NOT NULL REFERENCES accounts (account_id),
    contact_email  VARCHAR(200) NOT NULL,
    date           VARCHAR(10)  NOT NULL,
    kind           VARCHAR(10)  NOT NULL,
    score          INTEGER      NOT NULL,
    comment        TEXT,
    PRIMARY KEY (account_id, contact_email, date, kind)
);

CREATE TABLE meetings (
    account_id     VARCHAR(64) NOT NULL REFERENCES accounts (account_id),
    date           VARCHAR(10) NOT NULL,
    kind           VARCHAR(20) NOT NULL,
    exec_attended  INTEGER     NOT NULL,
    PRIMARY KEY (account_id, date, kind)
);

CREATE TABLE success_plans (
    account_id  VARCHAR(64)  NOT NULL REFERENCES accounts (account_id),
    objective   VARCHAR(300) NOT NULL,
    metric      VARCHAR(300) NOT NULL,
    target      VARCHAR(100) NOT NULL,
    due_date    VARCHAR(10)  NOT NULL,
    status      VARCHAR(20)  NOT NULL,
    PRIMARY KEY (account_id, objective)
);

-- A chat conversation that belongs to an account (set with "link"), per platform.
CREATE TABLE channel_links (
    platform         VARCHAR(10)  NOT NULL,
    conversation_id  VARCHAR(300) NOT NULL,
    account_id       VARCHAR(64)  NOT NULL REFERENCES accounts (account_id),
    linked_by        VARCHAR(200) NOT NULL,
    linked_at        VARCHAR(30)  NOT NULL,
    PRIMARY KEY (platform, conversation_id)
);
CREATE INDEX channel_links_account ON channel_links (account_id);

-- One open alert per account and rule; closed ones are kept for history.
CREATE TABLE alerts (
    alert_id     VARCHAR(64)  PRIMARY KEY,
    account_id   VARCHAR(64)  NOT NULL REFERENCES accounts (account_id),
    rule_id      VARCHAR(64)  NOT NULL,
    status       VARCHAR(20)  NOT NULL,
    severity     VARCHAR(20)  NOT NULL,
    summary      VARCHAR(500) NOT NULL,
    owner_email  VARCHAR(200) NOT NULL,
    raised_at    VARCHAR(30)  NOT NULL,
    updated_at   VARCHAR(30)  NOT NULL,
    snoozed_until VARCHAR(10)
);
CREATE INDEX alerts_account ON alerts (account_id, status);

-- Who did what, when: commands that change state, button presses, imports.
CREATE TABLE audit_log (
    id          VARCHAR(36)  PRIMARY KEY,
    at          VARCHAR(30)  NOT NULL,
    actor       VARCHAR(200) NOT NULL,
    action      VARCHAR(100) NOT NULL,
    account_id  VARCHAR(64),
    detail      TEXT
);

-- Deliveries we have already handled (Slack retries, repeated Bot Framework activities): seen once, done once.
CREATE TABLE inbound_events (
    source       VARCHAR(20)  NOT NULL,
    event_id     VARCHAR(300) NOT NULL,
    received_at  VARCHAR(30)  NOT NULL,
    PRIMARY KEY (source, event_id)
);
