package dev.csbot.store;

import dev.csbot.chat.ChannelLinks;
import dev.csbot.chat.Platform;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;

@Component
class JdbiChannelLinks implements ChannelLinks {

    private final Jdbi jdbi;
    private final Clock clock;

    JdbiChannelLinks(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public void link(Platform platform, String conversationId, String accountId, String linkedBy) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO channel_links (platform, conversation_id, account_id, linked_by, linked_at)
                        VALUES (:platform, :conversation, :account, :by, :at)
                        ON CONFLICT (platform, conversation_id) DO UPDATE SET
                            account_id = excluded.account_id, linked_by = excluded.linked_by,
                            linked_at = excluded.linked_at""")
                .bind("platform", platform.name())
                .bind("conversation", conversationId)
                .bind("account", accountId)
                .bind("by", linkedBy)
                .bind("at", Instant.now(clock).toString())
                .execute());
    }

    @Override
    public Optional<String> unlink(Platform platform, String conversationId) {
        // One statement that writes first: a transaction that read before writing could not wait for another writer
        // of the SQLite file (an alert evaluation committing) and would fail at once.
        return jdbi.withHandle(h -> h.createQuery("DELETE FROM channel_links WHERE platform = :platform"
                        + " AND conversation_id = :conversation RETURNING account_id")
                .bind("platform", platform.name())
                .bind("conversation", conversationId)
                .mapTo(String.class)
                .findOne());
    }

    @Override
    public Optional<String> accountFor(Platform platform, String conversationId) {
        return jdbi.withHandle(h -> find(h, platform, conversationId));
    }

    private static Optional<String> find(org.jdbi.v3.core.Handle h, Platform platform, String conversationId) {
        return h.createQuery("SELECT account_id FROM channel_links WHERE platform = :platform"
                        + " AND conversation_id = :conversation")
                .bind("platform", platform.name())
                .bind("conversation", conversationId)
                .mapTo(String.class)
                .findOne();
    }

    @Override
    public List<String> conversationsOf(Platform platform, String accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT conversation_id FROM channel_links WHERE platform = :platform"
                        + " AND account_id = :account ORDER BY conversation_id")
                .bind("platform", platform.name())
                .bind("account", accountId)
                .mapTo(String.class)
                .list());
    }
}
