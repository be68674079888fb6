-- Alerts with a lifecycle, the messages that group them, and one outbox for everything proactive.
-- Portable SQL (SQLite and PostgreSQL): instants as fixed-width ISO TEXT 'YYYY-MM-DDTHH:MM:SS.mmmZ' (so they
-- compare as text), dates as 'YYYY-MM-DD', booleans as 0/1 integers.

ALTER TABLE alerts ADD COLUMN evidence TEXT;
ALTER TABLE alerts ADD COLUMN playbook VARCHAR(40);
ALTER TABLE alerts ADD COLUMN level DOUBLE PRECISION;
-- What the owner was last told: a persisting signal is posted again only when materially worse than this.
ALTER TABLE alerts ADD COLUMN notified_severity VARCHAR(20);
ALTER TABLE alerts ADD COLUMN notified_level DOUBLE PRECISION;
ALTER TABLE alerts ADD COLUMN notified_on VARCHAR(10);
ALTER TABLE alerts ADD COLUMN snoozed_by VARCHAR(200);
ALTER TABLE alerts ADD COLUMN acknowledged_by VARCHAR(200);
ALTER TABLE alerts ADD COLUMN acknowledged_at VARCHAR(30);
ALTER TABLE alerts ADD COLUMN playbook_started_by VARCHAR(200);
ALTER TABLE alerts ADD COLUMN playbook_started_at VARCHAR(30);
ALTER TABLE alerts ADD COLUMN resolved_at VARCHAR(30);

-- One unresolved alert per account and rule, enforced by the store (a partial unique index: SQLite and
-- PostgreSQL both have them).
CREATE UNIQUE INDEX alerts_one_unresolved ON alerts (account_id, rule_id) WHERE status <> 'resolved';
CREATE INDEX alerts_owner ON alerts (owner_email, status);

-- One message about one account's alerts from one evaluation (several rules firing together: one message).
CREATE TABLE alert_notices (
    notice_id   VARCHAR(64) PRIMARY KEY,
    account_id  VARCHAR(64) NOT NULL REFERENCES accounts (account_id),
    created_at  VARCHAR(30) NOT NULL
);
CREATE TABLE alert_notice_items (
    notice_id  VARCHAR(64) NOT NULL REFERENCES alert_notices (notice_id),
    alert_id   VARCHAR(64) NOT NULL REFERENCES alerts (alert_id),
    PRIMARY KEY (notice_id, alert_id)
);
CREATE INDEX alert_notice_items_alert ON alert_notice_items (alert_id);

-- Everything proactive (alert messages, digests, checklists; later prompts, reminders, loop-closing messages)
-- is written here in the transaction of what it delivers, and delivered by a worker. A claim is a lease:
-- claimed_by and lease_until are set by a conditional UPDATE, so several instances can share the table.
-- in_doubt = 1 while a claimed delivery has no recorded outcome: the next claim looks for the post first.
CREATE TABLE outbox (
    outbox_id        VARCHAR(64)  PRIMARY KEY,
    idempotency_key  VARCHAR(600) NOT NULL UNIQUE,
    item_kind        VARCHAR(30)  NOT NULL,
    item_id          VARCHAR(64)  NOT NULL,
    operation        VARCHAR(10)  NOT NULL,
    platform         VARCHAR(10)  NOT NULL,
    target_kind      VARCHAR(20)  NOT NULL,
    target           VARCHAR(300) NOT NULL,
    thread_of        VARCHAR(100),
    message_id       VARCHAR(100),
    account_id       VARCHAR(64),
    state            VARCHAR(20)  NOT NULL,
    attempts         INTEGER      NOT NULL,
    next_attempt_at  VARCHAR(30)  NOT NULL,
    claimed_by       VARCHAR(100),
    lease_until      VARCHAR(30),
    in_doubt         INTEGER      NOT NULL,
    last_error       TEXT,
    created_at       VARCHAR(30)  NOT NULL,
    updated_at       VARCHAR(30)  NOT NULL
);
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);

-- The messages csbot posted, beside the item they show, so that they can be updated for everyone later.
CREATE TABLE posted_messages (
    platform         VARCHAR(10)  NOT NULL,
    conversation_id  VARCHAR(300) NOT NULL,
    message_id       VARCHAR(100) NOT NULL,
    item_kind        VARCHAR(30)  NOT NULL,
    item_id          VARCHAR(64)  NOT NULL,
    outbox_id        VARCHAR(64)  NOT NULL,
    posted_at        VARCHAR(30)  NOT NULL,
    PRIMARY KEY (platform, conversation_id, message_id)
);
CREATE INDEX posted_messages_item ON posted_messages (item_kind, item_id);

-- The Teams personal chat of each internal person who talked to the bot, by email: where a direct message
-- to a CSM goes on Teams.
CREATE TABLE teams_people (
    email            VARCHAR(200) PRIMARY KEY,
    conversation_id  VARCHAR(300) NOT NULL,
    updated_at       VARCHAR(30)  NOT NULL
);

-- One weekly digest per CSM and week.
CREATE TABLE digests (
    digest_id   VARCHAR(64)  PRIMARY KEY,
    csm_email   VARCHAR(200) NOT NULL,
    week_of     VARCHAR(10)  NOT NULL,
    as_of       VARCHAR(10)  NOT NULL,
    created_at  VARCHAR(30)  NOT NULL,
    UNIQUE (csm_email, week_of)
);
