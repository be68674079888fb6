package dev.csbot.store;

import dev.csbot.alerts.OutboxEntry;
import dev.csbot.voc.ChatPlace;
import dev.csbot.voc.Destination;
import dev.csbot.voc.PromptSend;
import dev.csbot.voc.PromptSends;
import dev.csbot.voc.Recipient;
import dev.csbot.voc.VocItems;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Update;
import org.springframework.stereotype.Component;

/**
 * Prompt sends in the store. Each write that means a message (a send, its reminder, a note to a CSM) writes that
 * message's outbox row in the same transaction, so nothing is queued that is not delivered, nor delivered twice.
 */
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
    public List<QueuedSend> queue(List<QueuedSend> sends) {
        return jdbi.inTransaction(h -> {
            List<QueuedSend> stored = new ArrayList<>();
            List<OutboxEntry> deliveries = new ArrayList<>();
            for (QueuedSend queued : sends) {
                PromptSend s = queued.send();
                Recipient r = s.recipient();
                Update insert = h.createUpdate("INSERT INTO feedback_sends (send_id, account_id, prompt_id,"
                        + " recipient_kind, recipient_key, recipient_name, contact_email, chat_platform, chat_id, platform,"
                        + " token_hash, pending_token, origin, requested_by, created_at, expires_at, reminder_due_at,"
                        + " reminded_at, answered_at, delivery, campaign_key) VALUES (:id, :account, :prompt, :kind, :key,"
                        + " :name, :email, :chatPlatform, :chatId, :platform, :hash, :token, :origin, :by, :created,"
                        + " :expires, :reminder, NULL, NULL, 'queued', :campaign) ON CONFLICT (campaign_key) DO NOTHING");
                insert.bind("id", s.id()).bind("account", s.accountId()).bind("prompt", s.promptId())
                        .bind("key", r.key())
                        .bind("platform", s.platform().orElse(null)).bind("hash", s.tokenHash())
                        .bind("token", queued.token()).bind("origin", s.origin()).bind("by", s.requestedBy())
                        .bind("created", StoredInstants.format(s.createdAt()))
                        .bind("expires", StoredInstants.format(s.expiresAt()))
                        .bind("reminder", StoredInstants.format(s.reminderDueAt()))
                        .bind("campaign", queued.campaignKey().orElse(null));
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
                insert.bind("kind", kind).bind("name", name).bind("email", email).bind("chatPlatform", chatPlatform)
                        .bind("chatId", chatId);
                if (insert.execute() == 1) {
                    stored.add(queued);
                    deliveries.add(OutboxEntry.post(VocItems.PROMPT, s.id(), VocTargets.of(Destination.of(s)),
                            s.accountId()));
                }
            }
            if (!stored.isEmpty()) {
                JdbiOutbox.insert(h, deliveries, stored.get(0).send().createdAt());
            }
            return stored;
        });
    }

    @Override
    public Optional<PromptSend> find(String sendId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM feedback_sends WHERE send_id = :id")
                .bind("id", sendId).map(SEND).findOne());
    }

    @Override
    public Optional<String> pendingToken(String sendId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT pending_token FROM feedback_sends WHERE send_id = :id")
                .bind("id", sendId).mapTo(String.class).findOne().filter(t -> t != null && !t.isBlank()));
    }

    @Override
    public void delivered(String sendId, boolean reminder) {
        // The prompt's token is still needed by its reminder while one is due; the reminder is its last message.
        jdbi.useHandle(h -> h.createUpdate(reminder
                        ? "UPDATE feedback_sends SET pending_token = NULL WHERE send_id = :id"
                        : "UPDATE feedback_sends SET delivery = 'delivered', pending_token = CASE WHEN"
                                + " reminder_due_at IS NULL OR answered_at IS NOT NULL THEN NULL ELSE pending_token END"
                                + " WHERE send_id = :id")
                .bind("id", sendId).execute());
    }

    @Override
    public List<ChatPlace> deliveredTo(String sendId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT platform, conversation_id FROM posted_messages"
                        + " WHERE item_kind IN (:prompt, :reminder) AND item_id = :id")
                .bind("prompt", VocItems.PROMPT).bind("reminder", VocItems.REMINDER).bind("id", sendId)
                .map((rs, ctx) -> new ChatPlace(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(2))).list());
    }

    @Override
    public List<PromptSend> createdSince(Instant from) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM feedback_sends WHERE created_at >= :from"
                        + " ORDER BY created_at")
                .bind("from", StoredInstants.format(from)).map(SEND).list());
    }

    @Override
    public List<PromptSend> remindersDue(Instant now, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM feedback_sends"
                        + " WHERE reminder_due_at <= :now AND reminded_at IS NULL AND answered_at IS NULL"
                        + " AND expires_at > :now AND pending_token IS NOT NULL ORDER BY reminder_due_at, send_id"
                        + " LIMIT :limit")
                .bind("now", StoredInstants.format(now)).bind("limit", limit).map(SEND).list());
    }

    @Override
    public int remind(List<PromptSend> sends, Instant now) {
        return jdbi.inTransaction(h -> {
            List<OutboxEntry> deliveries = new ArrayList<>();
            for (PromptSend send : sends) {
                // Written first and conditional: one reminder, whichever instance gets here first.
                int marked = h.createUpdate("UPDATE feedback_sends SET reminded_at = :now WHERE send_id = :id"
                                + " AND reminded_at IS NULL AND answered_at IS NULL AND pending_token IS NOT NULL")
                        .bind("now", StoredInstants.format(now)).bind("id", send.id()).execute();
                if (marked == 1) {
                    deliveries.add(OutboxEntry.post(VocItems.REMINDER, send.id(), VocTargets.of(Destination.of(send)),
                            send.accountId()));
                }
            }
            JdbiOutbox.insert(h, deliveries, now);
            return deliveries.size();
        });
    }

    @Override
    public List<CampaignHold> hold(List<CampaignHold> holds, Instant now) {
        Map<String, List<CampaignHold>> byCsm = new LinkedHashMap<>();
        holds.forEach(hold -> byCsm.computeIfAbsent(hold.csmEmail().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                .add(hold));
        return jdbi.inTransaction(h -> {
            List<CampaignHold> recorded = new ArrayList<>();
            List<OutboxEntry> notes = new ArrayList<>();
            String at = StoredInstants.format(now);
            for (List<CampaignHold> ofCsm : byCsm.values()) {
                String noteId = UUID.randomUUID().toString();
                int before = recorded.size();
                for (CampaignHold hold : ofCsm) {
                    int inserted = h.createUpdate("INSERT INTO voc_campaign_holds (recipient_key, prompt_id, origin,"
                                    + " not_before, account_id, contact, reason, note_id, held_at) VALUES (:key, :prompt,"
                                    + " :origin, :notBefore, :account, :contact, :reason, :note, :at)"
                                    + " ON CONFLICT (recipient_key, prompt_id, origin, not_before) DO NOTHING")
                            .bind("key", hold.recipientKey()).bind("prompt", hold.promptId()).bind("origin", hold.origin())
                            .bind("notBefore", hold.notBefore().toString()).bind("account", hold.accountId())
                            .bind("contact", hold.contact()).bind("reason", hold.reason()).bind("note", noteId)
                            .bind("at", at).execute();
                    if (inserted == 1) {
                        recorded.add(hold);
                    }
                }
                if (recorded.size() > before) {
                    h.createUpdate("INSERT INTO voc_campaign_notes (note_id, csm_email, created_at) VALUES (:id, :csm,"
                                    + " :at)")
                            .bind("id", noteId).bind("csm", ofCsm.get(0).csmEmail()).bind("at", at).execute();
                    notes.add(OutboxEntry.post(VocItems.CAMPAIGN_NOTE, noteId, VocTargets.of(ofCsm.get(0).csm()), null));
                }
            }
            JdbiOutbox.insert(h, notes, now);
            return recorded;
        });
    }

    @Override
    public Optional<CampaignNote> note(String noteId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT csm_email, created_at FROM voc_campaign_notes"
                        + " WHERE note_id = :id")
                .bind("id", noteId).map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2))).findOne()
                .map(note -> new CampaignNote(noteId, note.getKey(), StoredInstants.parse(note.getValue()),
                        h.createQuery("SELECT c.account_id, a.name, c.prompt_id, c.recipient_key, c.contact, c.origin,"
                                        + " c.reason, c.not_before FROM voc_campaign_holds c JOIN accounts a"
                                        + " ON a.account_id = c.account_id WHERE c.note_id = :id"
                                        + " ORDER BY a.name, c.contact, c.prompt_id")
                                .bind("id", noteId)
                                .map((rs, ctx) -> new CampaignHold(rs.getString(1), rs.getString(2), rs.getString(3),
                                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                                        Rows.isoDate(rs.getString(8)), note.getKey(), null))
                                .list())));
    }

    @Override
    public int forgetTokens(Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE feedback_sends SET pending_token = NULL"
                        + " WHERE pending_token IS NOT NULL AND (expires_at <= :now OR answered_at IS NOT NULL)")
                .bind("now", StoredInstants.format(now)).execute());
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
