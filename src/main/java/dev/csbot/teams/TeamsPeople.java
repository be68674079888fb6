package dev.csbot.teams;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The personal chat of each person who has talked to the bot, by email: where a direct message to a CSM (an
 * alert, a digest) or to a customer (a prompt sent to their email) goes on Teams. Internal content is sent only
 * after the roster check at send time says the chat is one of ours. Teams has no "open a chat with this email"
 * for a bot, so such a person must have written to csbot once.
 */
class TeamsPeople {

    private final Jdbi jdbi;
    private final Clock clock;

    TeamsPeople(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    void remember(String email, String conversationId) {
        if (email.isBlank() || conversationId.isBlank()) {
            return;
        }
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO teams_people (email, conversation_id, updated_at)"
                        + " VALUES (:email, :conversation, :at) ON CONFLICT (email) DO UPDATE SET"
                        + " conversation_id = excluded.conversation_id, updated_at = excluded.updated_at")
                .bind("email", email.trim().toLowerCase(Locale.ROOT)).bind("conversation", conversationId)
                .bind("at", Instant.now(clock).toString()).execute());
    }

    Optional<String> personalChatOf(String email) {
        return jdbi.withHandle(h -> h.createQuery("SELECT conversation_id FROM teams_people WHERE email = :email")
                .bind("email", email.trim().toLowerCase(Locale.ROOT)).mapTo(String.class).findOne());
    }
}
