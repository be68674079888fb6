-- Voice of the Customer: prompts sent, answers given in chat, and closing the loop.
-- Portable SQL (SQLite and PostgreSQL): instants as ISO-8601 TEXT, dates as 'YYYY-MM-DD', booleans 0/1.

-- One prompt to one recipient about one account. The token that authorises answers is kept only as its
-- SHA-256 (token_hash); the raw token waits in pending_token while a message that carries it (the prompt,
-- its one reminder) has not been handed to the outbox yet, and is cleared after.
CREATE TABLE feedback_sends (
    send_id          VARCHAR(36)  PRIMARY KEY,
    account_id       VARCHAR(64)  NOT NULL REFERENCES accounts (account_id),
    prompt_id        VARCHAR(40)  NOT NULL,
    recipient_kind   VARCHAR(10)  NOT NULL,   -- contact | chat-user | channel
    recipient_key    VARCHAR(300) NOT NULL,   -- what the throttle counts, e.g. contact:jane@acme.example
    recipient_name   VARCHAR(200) NOT NULL,
    contact_email    VARCHAR(200),            -- contact
    chat_platform    VARCHAR(10),             -- chat-user, channel
    chat_id          VARCHAR(300),            -- the Slack user or channel id
    platform         VARCHAR(10),             -- where it is delivered; NULL: wherever reaches the contact
    token_hash       VARCHAR(64)  NOT NULL UNIQUE,
    pending_token    VARCHAR(64),
    origin           VARCHAR(100) NOT NULL,   -- command | schedule | ticket:ID | milestone:DAY
    requested_by     VARCHAR(200) NOT NULL,
    created_at       VARCHAR(30)  NOT NULL,
    expires_at       VARCHAR(30)  NOT NULL,
    reminder_due_at  VARCHAR(30),
    reminded_at      VARCHAR(30),
    answered_at      VARCHAR(30),
    delivery         VARCHAR(20)  NOT NULL    -- queued (waiting for the outbox); later: handed-over
);
CREATE INDEX feedback_sends_recipient ON feedback_sends (recipient_key, created_at);
CREATE INDEX feedback_sends_account ON feedback_sends (account_id, created_at);
CREATE INDEX feedback_sends_delivery ON feedback_sends (delivery, created_at);

-- One answer per person per send (respondent_key: a hash of who they are on the platform, with the send).
-- contact_email is NULL for an anonymous answer. NPS, CSAT and CES answers are mirrored into
-- feedback_responses (which the health score reads) under response_email on response_date, in the same
-- transaction.
CREATE TABLE feedback_answers (
    answer_id        VARCHAR(36)  PRIMARY KEY,
    send_id          VARCHAR(36)  NOT NULL REFERENCES feedback_sends (send_id),
    account_id       VARCHAR(64)  NOT NULL REFERENCES accounts (account_id),
    prompt_id        VARCHAR(40)  NOT NULL,
    kind             VARCHAR(20)  NOT NULL,
    respondent_key   VARCHAR(64)  NOT NULL,
    contact_email    VARCHAR(200),
    anonymous        INTEGER      NOT NULL,
    score            INTEGER,
    comment          TEXT,
    platform         VARCHAR(10)  NOT NULL,
    conversation_id  VARCHAR(300) NOT NULL,
    answered_on      VARCHAR(10)  NOT NULL,
    answered_at      VARCHAR(30)  NOT NULL,
    updated_at       VARCHAR(30)  NOT NULL,
    needs_follow_up  INTEGER      NOT NULL,
    followed_up_at   VARCHAR(30),
    response_email   VARCHAR(200),
    response_date    VARCHAR(10),
    UNIQUE (send_id, respondent_key)
);
CREATE INDEX feedback_answers_account ON feedback_answers (account_id, answered_on);
CREATE INDEX feedback_answers_response ON feedback_answers (account_id, response_email, response_date, kind);
CREATE INDEX feedback_answers_follow_up ON feedback_answers (needs_follow_up, followed_up_at);
CREATE INDEX feedback_responses_date ON feedback_responses (date);

-- Where a feedback item (fb-...) or a theme stands: new, acknowledged, planned, shipped or declined.
CREATE TABLE voc_loop_states (
    subject_kind  VARCHAR(10)  NOT NULL,   -- item | theme
    subject_id    VARCHAR(64)  NOT NULL,
    stage         VARCHAR(20)  NOT NULL,
    message       TEXT,
    updated_by    VARCHAR(200) NOT NULL,
    updated_at    VARCHAR(30)  NOT NULL,
    PRIMARY KEY (subject_kind, subject_id)
);

-- A loop-closing message for one customer about one item, waiting for the outbox: once per (item, customer,
-- stage). For an anonymous answer customer_key names the answer and contact_email is NULL.
CREATE TABLE voc_loop_messages (
    message_id       VARCHAR(36)  PRIMARY KEY,
    item_id          VARCHAR(20)  NOT NULL,
    account_id       VARCHAR(64)  NOT NULL REFERENCES accounts (account_id),
    customer_key     VARCHAR(300) NOT NULL,
    contact_email    VARCHAR(200),
    platform         VARCHAR(10),
    conversation_id  VARCHAR(300),
    subject_kind     VARCHAR(10)  NOT NULL,
    subject_id       VARCHAR(64)  NOT NULL,
    stage            VARCHAR(20)  NOT NULL,
    text             TEXT         NOT NULL,
    raised_on        VARCHAR(10)  NOT NULL,
    created_at       VARCHAR(30)  NOT NULL,
    delivery         VARCHAR(20)  NOT NULL,   -- queued (waiting for the outbox); later: handed-over
    UNIQUE (item_id, customer_key, stage)
);
CREATE INDEX voc_loop_messages_delivery ON voc_loop_messages (delivery, created_at);
