-- Teams conversations the bot was added to or heard from, so it can post into them later (alerts,
-- feedback prompts) through the Bot Framework's continueConversation. One row per conversation: a team
-- channel, a group chat, or a personal chat with one user.
CREATE TABLE teams_conversations (
    conversation_id    VARCHAR(300) PRIMARY KEY,
    tenant_id          VARCHAR(64),
    conversation_type  VARCHAR(20)  NOT NULL,
    team_id            VARCHAR(300),
    user_aad_object_id VARCHAR(64),
    reference_json     TEXT         NOT NULL,
    updated_at         VARCHAR(30)  NOT NULL
);

CREATE INDEX teams_conversations_user ON teams_conversations (user_aad_object_id);
