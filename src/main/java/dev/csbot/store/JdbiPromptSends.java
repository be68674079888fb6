package dev.csbot.store;

import dev.csbot.voc.PromptSend;
import dev.csbot.voc.PromptSends;
import dev.csbot.voc.Recipient;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.springframework.stereotype.Component;

@Component
class JdbiPromptSends implements PromptSends {

    static final String COLUMNS = "send_id, account_id, prompt_id, recipient_kind, recipient_name, contact_email,"
            + " chat_platform, chat_id, platform, token_hash, origin, requested_by, created_at, expires_at,"
            + " reminder_due_at, reminded_at, answered_at";

    private static final RowMapper<PromptSend> SEND = JdbiPromptSends::send;

    private final Jdbi jdbi;

    JdbiPromptSends(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void queue(List<QueuedSend> sends) {
        jdbi.useTransaction(h -> {
            PreparedBatch batch = h.prepareBatch("INSERT INTO feedback_sends (send_id, account_id, prompt_id,"
                    + " recipient_kind, recipient_key, recipient_name, contact_email, chat_platform, chat_id, platform,"
                    + " token_hash, pending_token, origin, requested_by, created_at, expires_at, reminder_due_at,"
                    + " reminded_at, answered_at, delivery) VALUES (:id, :account, :prompt, :kind, :key, :name, :email,"
                    + " :chatPlatform, :chatId, :platform, :hash, :token, :origin, :by, :created, :expires, :reminder,"
                    + " NULL, NULL, 'queued')");
            for (QueuedSend queued : sends) {
                PromptSend s = queued.send();
                Recipient r = s.recipient();
                batch.bind("id", s.id()).bind("account", s.accountId()).bind("prompt", s.promptId())
                        .bind("key", r.key())
                        .bind("platform", s.platform().orElse(null)).bind("hash", s.tokenHash())
                        .bind("token", queued.token()).bind("origin", s.origin()).bind("by", s.requestedBy())
                        .bind("created", StoredInstants.format(s.createdAt()))
                        .bind("expires", StoredInstants.format(s.expiresAt()))
                        .bind("reminder", StoredInstants.format(s.reminderDueAt()));
                String kind;
                String name;
                String email = null;
                String chatPlatform = null;
                String chatId = null;
                if (r instanceof Recipient.ContactRecipient c) {
                    kind = "contact";
                    name = c.name();
                    email = c.email();
                } else if (r instanceof Recipient.ChatUserRecipient u) {
                    kind = "chat-user";
                    name = u.name();
                    chatPlatform = u.platform();
                    chatId = u.userId();
                } else {
                    Recipient.ChannelRecipient c = (Recipient.ChannelRecipient) r;
                    kind = "channel";
                    name = c.name();
                    chatPlatform = c.platform();
                    chatId = c.channelId();
                }
                batch.bind("kind", kind).bind("name", name).bind("email", email).bind("chatPlatform", chatPlatform)
                        .bind("chatId", chatId);
                batch.add();
            }
            batch.execute();
        });
    }

    @Override
    public Optional<PromptSend> findByTokenHash(String tokenHash) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM feedback_sends WHERE token_hash = :hash")
                .bind("hash", tokenHash).map(SEND).findOne());
    }

    @Override
    public Map<String, PromptSend> latestTo(Collection<String> recipientKeys) {
        Map<String, PromptSend> latest = new HashMap<>();
        if (recipientKeys.isEmpty()) {
            return latest;
        }
        jdbi.useHandle(h -> h.createQuery("SELECT recipient_key, " + COLUMNS + " FROM feedback_sends"
                        + " WHERE recipient_key IN (<keys>) ORDER BY created_at, send_id")
                .bindList("keys", List.copyOf(recipientKeys))
                .map((rs, ctx) -> Map.entry(rs.getString("recipient_key"), send(rs, ctx)))
                .forEach(e -> latest.put(e.getKey(), e.getValue())));
        return latest;
    }

    @Override
    public List<PromptSend> forAccount(String accountId, Instant from) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM feedback_sends WHERE account_id = :id"
                        + " AND created_at >= :from ORDER BY created_at, send_id")
                .bind("id", accountId).bind("from", StoredInstants.format(from)).map(SEND).list());
    }

    private static PromptSend send(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        String kind = rs.getString("recipient_kind");
        String name = rs.getString("recipient_name");
        Recipient recipient = switch (kind) {
            case "contact" -> new Recipient.ContactRecipient(rs.getString("contact_email"), name);
            case "chat-user" -> new Recipient.ChatUserRecipient(rs.getString("chat_platform"), rs.getString("chat_id"),
                    name);
            case "channel" -> new Recipient.ChannelRecipient(rs.getString("chat_platform"), rs.getString("chat_id"),
                    name);
            default -> throw new IllegalStateException("feedback_sends " + rs.getString("send_id")
                    + ": unknown recipient_kind " + kind);
        };
        return new PromptSend(rs.getString("send_id"), rs.getString("account_id"), rs.getString("prompt_id"), recipient,
                Optional.ofNullable(rs.getString("platform")), rs.getString("token_hash"), rs.getString("origin"),
                rs.getString("requested_by"), StoredInstants.parse(rs.getString("created_at")),
                StoredInstants.parse(rs.getString("expires_at")),
                StoredInstants.parseOptional(rs.getString("reminder_due_at")),
                StoredInstants.parseOptional(rs.getString("reminded_at")),
                StoredInstants.parseOptional(rs.getString("answered_at")));
    }
}
