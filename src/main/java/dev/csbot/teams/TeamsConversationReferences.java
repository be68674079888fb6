package dev.csbot.teams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Where the bot can speak without being spoken to: the Bot Framework conversation reference of every
 * Teams conversation it was installed in, added to or heard from, kept in the store so it survives a
 * restart (the SDK samples keep them in memory).
 */
public class TeamsConversationReferences {

    /** One stored conversation: its reference plus what we know about where it lives. */
    public record Stored(String conversationId, String tenantId, String conversationType, String teamId,
            String userAadObjectId, ConversationReference reference) {}

    private final Jdbi jdbi;
    private final Clock clock;

    TeamsConversationReferences(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Inserts or refreshes (the service URL of a tenant can change) the reference of a conversation. */
    void save(Stored stored) {
        String json;
        try {
            json = Serialization.toString(stored.reference());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot store conversation reference " + stored.conversationId(), e);
        }
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO teams_conversations (conversation_id, tenant_id,"
                        + " conversation_type, team_id, user_aad_object_id, reference_json, updated_at)"
                        + " VALUES (:id, :tenant, :type, :team, :user, :json, :at)"
                        + " ON CONFLICT (conversation_id) DO UPDATE SET tenant_id = excluded.tenant_id,"
                        + " conversation_type = excluded.conversation_type, team_id = excluded.team_id,"
                        + " user_aad_object_id = COALESCE(excluded.user_aad_object_id,"
                        + " teams_conversations.user_aad_object_id),"
                        + " reference_json = excluded.reference_json, updated_at = excluded.updated_at")
                .bind("id", stored.conversationId())
                .bind("tenant", stored.tenantId())
                .bind("type", stored.conversationType())
                .bind("team", stored.teamId())
                .bind("user", stored.userAadObjectId())
                .bind("json", json)
                .bind("at", Instant.now(clock).toString())
                .execute());
    }

    void remove(String conversationId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM teams_conversations WHERE conversation_id = :id")
                .bind("id", conversationId).execute());
    }

    public Optional<Stored> find(String conversationId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT conversation_id, tenant_id, conversation_type, team_id,"
                        + " user_aad_object_id, reference_json FROM teams_conversations WHERE conversation_id = :id")
                .bind("id", conversationId)
                .map((rs, ctx) -> new Stored(rs.getString("conversation_id"), rs.getString("tenant_id"),
                        rs.getString("conversation_type"), rs.getString("team_id"),
                        rs.getString("user_aad_object_id"), parse(rs.getString("reference_json"))))
                .findOne());
    }

    /** The personal chat with a user (by Entra object id), for messages to one person. */
    public Optional<Stored> personalChatOf(String userAadObjectId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT conversation_id FROM teams_conversations"
                        + " WHERE user_aad_object_id = :user AND conversation_type = 'personal'"
                        + " ORDER BY updated_at DESC LIMIT 1")
                .bind("user", userAadObjectId)
                .mapTo(String.class)
                .findOne())
                .flatMap(this::find);
    }

    private static ConversationReference parse(String json) {
        try {
            return Serialization.treeToValue(Serialization.jsonToTree(json), ConversationReference.class);
        } catch (IOException e) {
            throw new UncheckedIOException("stored Teams conversation reference is not readable", e);
        }
    }
}
