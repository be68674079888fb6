-- Voice of the Customer, delivered: prompts, reminders and loop-closing updates go through the outbox (written
-- in the transaction of what they deliver); campaigns run daily; detractors are followed up.
-- Portable SQL (SQLite and PostgreSQL): instants as ISO-8601 TEXT, dates as 'YYYY-MM-DD', booleans 0/1.

-- A campaign send's key (recipient|prompt|origin, and the day for a schedule): two instances running the same
-- campaign day queue each send once. NULL for a CSM's own send (NULLs never clash in a unique index).
ALTER TABLE feedback_sends ADD COLUMN campaign_key VARCHAR(400);
CREATE UNIQUE INDEX feedback_sends_campaign ON feedback_sends (campaign_key);
CREATE INDEX feedback_sends_reminder ON feedback_sends (reminder_due_at);

-- Who followed up an answer that needed a human fast (the alert's Followed up button), beside followed_up_at.
ALTER TABLE feedback_answers ADD COLUMN followed_up_by VARCHAR(200);

-- A campaign prompt the throttle held back for one contact, recorded once per (recipient, prompt, origin, the
-- first day they may be asked again), so that the account's CSM is told of it once, in the note named here.
CREATE TABLE voc_campaign_holds (
    recipient_key  VARCHAR(300) NOT NULL,
    prompt_id      VARCHAR(40)  NOT NULL,
    origin         VARCHAR(100) NOT NULL,
    not_before     VARCHAR(10)  NOT NULL,
    account_id     VARCHAR(64)  NOT NULL REFERENCES accounts (account_id),
    contact        VARCHAR(420) NOT NULL,
    reason         TEXT         NOT NULL,
    note_id        VARCHAR(36)  NOT NULL,
    held_at        VARCHAR(30)  NOT NULL,
    PRIMARY KEY (recipient_key, prompt_id, origin, not_before)
);
CREATE INDEX voc_campaign_holds_note ON voc_campaign_holds (note_id);

-- One note to one CSM listing the holds of one campaign run (delivered through the outbox).
CREATE TABLE voc_campaign_notes (
    note_id     VARCHAR(36)  PRIMARY KEY,
    csm_email   VARCHAR(200) NOT NULL,
    created_at  VARCHAR(30)  NOT NULL
);
