package dev.csbot.store;

import dev.csbot.alerts.AlertService;
import dev.csbot.alerts.DeliveryTarget;
import dev.csbot.alerts.Outbox;
import dev.csbot.alerts.OutboxEntry;
import dev.csbot.alerts.OutboxRow;
import dev.csbot.chat.MessageRef;
import dev.csbot.chat.Platform;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;

/**
 * The outbox in the store. A claim takes due rows with a conditional UPDATE that only succeeds while nobody holds a
 * live lease on them, so two workers never both own a row; a worker that dies simply lets its lease run out. On
 * SQLite (one writer at a time) due rows are picked, then taken one by one; on PostgreSQL one statement picks them
 * {@code FOR UPDATE SKIP LOCKED} and takes them, so instances claiming at once get different rows without waiting.
 */
@Component
class JdbiOutbox implements Outbox {

    private static final String COLUMNS = "outbox_id, idempotency_key, item_kind, item_id, operation, platform,"
            + " target_kind, target, thread_of, message_id, account_id, attempts, in_doubt, created_at";
    /** Reasons are shown in chat; a platform's error text is not allowed to grow without bound. */
    private static final int MAX_REASON = 300;

    private final Jdbi jdbi;
    private final java.time.Clock clock;

    JdbiOutbox(Jdbi jdbi, java.time.Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Inserts entries in the caller's transaction; an entry whose key is already there is left alone. */
    static void insert(Handle h, List<OutboxEntry> entries, Instant at) {
        if (entries.isEmpty()) {
            return;
        }
        ChunkedBatch batch = new ChunkedBatch(h, "INSERT INTO outbox (outbox_id, idempotency_key, item_kind, item_id,"
                + " operation, platform, target_kind, target, thread_of, message_id, account_id, state, attempts,"
                + " next_attempt_at, in_doubt, created_at, updated_at) VALUES (:id, :key, :kind, :item, :operation,"
                + " :platform, :targetKind, :target, :thread, :message, :account, 'pending', 0, :at, 0, :at, :at)"
                + " ON CONFLICT (idempotency_key) DO NOTHING");
        String now = StoreTime.text(at);
        for (OutboxEntry e : entries) {
            batch.add(b -> b.bind("id", UUID.randomUUID().toString()).bind("key", e.idempotencyKey())
                    .bind("kind", e.itemKind()).bind("item", e.itemId()).bind("operation", e.operation().name().toLowerCase())
                    .bind("platform", e.target().platform().name()).bind("targetKind", e.target().kind().label())
                    .bind("target", e.target().address()).bind("thread", e.target().threadOf().orElse(null))
                    .bind("message", e.update().map(MessageRef::messageId).orElse(null)).bind("account", e.accountId())
                    .bind("at", now));
        }
        batch.finish();
    }

    @Override
    public void enqueue(List<OutboxEntry> entries) {
        jdbi.useTransaction(h -> insert(h, entries, Instant.now(clock)));
    }

    @Override
    public List<OutboxRow> claim(String worker, Instant now, Instant leaseUntil, int max) {
        String at = StoreTime.text(now);
        return jdbi.withHandle(h -> {
            if (Vendor.postgres(h)) {
                // RETURNING gives the row as claimed; in_doubt is returned as it was before (a claim sets it).
                return h.createQuery("WITH due AS (SELECT outbox_id, in_doubt FROM outbox WHERE state = 'pending'"
                                + " AND next_attempt_at <= :now AND (claimed_by IS NULL OR lease_until < :now)"
                                + " ORDER BY next_attempt_at, created_at LIMIT :max FOR UPDATE SKIP LOCKED),"
                                + " claimed AS (UPDATE outbox o SET claimed_by = :worker, lease_until = :lease,"
                                + " attempts = o.attempts + 1, in_doubt = 1, updated_at = :now FROM due"
                                + " WHERE o.outbox_id = due.outbox_id RETURNING o.*, due.in_doubt AS was_in_doubt)"
                                + " SELECT " + COLUMNS.replace("in_doubt", "was_in_doubt AS in_doubt")
                                + " FROM claimed ORDER BY next_attempt_at, created_at")
                        .bind("worker", worker).bind("lease", StoreTime.text(leaseUntil)).bind("now", at)
                        .bind("max", max).map((rs, ctx) -> row(rs)).list();
            }
            List<OutboxRow> candidates = h.createQuery("SELECT " + COLUMNS + " FROM outbox WHERE state = 'pending'"
                            + " AND next_attempt_at <= :now AND (claimed_by IS NULL OR lease_until < :now)"
                            + " ORDER BY next_attempt_at, created_at LIMIT :max")
                    .bind("now", at).bind("max", max)
                    .map((rs, ctx) -> row(rs)).list();
            List<OutboxRow> claimed = new ArrayList<>();
            for (OutboxRow candidate : candidates) {
                int taken = h.createUpdate("UPDATE outbox SET claimed_by = :worker, lease_until = :lease,"
                                + " attempts = attempts + 1, in_doubt = 1, updated_at = :now WHERE outbox_id = :id"
                                + " AND state = 'pending' AND (claimed_by IS NULL OR lease_until < :now)")
                        .bind("worker", worker).bind("lease", StoreTime.text(leaseUntil)).bind("now", at)
                        .bind("id", candidate.id()).execute();
                if (taken == 1) {
                    claimed.add(new OutboxRow(candidate.id(), candidate.entry(), candidate.attempts() + 1,
                            candidate.inDoubt(), candidate.createdAt()));
                }
            }
            return claimed;
        });
    }

    @Override
    public void delivered(OutboxRow row, Optional<MessageRef> posted, Instant now) {
        String at = StoreTime.text(now);
        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE outbox SET state = 'delivered', claimed_by = NULL, lease_until = NULL, in_doubt = 0,"
                            + " message_id = COALESCE(:message, message_id), last_error = NULL, updated_at = :now"
                            + " WHERE outbox_id = :id")
                    .bind("message", posted.map(MessageRef::messageId).orElse(null)).bind("now", at)
                    .bind("id", row.id()).execute();
            posted.ifPresent(ref -> h.createUpdate("INSERT INTO posted_messages (platform, conversation_id, message_id,"
                            + " item_kind, item_id, outbox_id, posted_at) VALUES (:platform, :conversation, :message,"
                            + " :kind, :item, :outbox, :now) ON CONFLICT (platform, conversation_id, message_id) DO NOTHING")
                    .bind("platform", ref.platform().name()).bind("conversation", ref.conversationId())
                    .bind("message", ref.messageId()).bind("kind", row.entry().itemKind())
                    .bind("item", row.entry().itemId()).bind("outbox", row.id()).bind("now", at).execute());
            audit(h, at, JdbiAlertStore.SYSTEM, action(row, row.entry().operation() == OutboxEntry.Operation.UPDATE
                    ? "updated" : "delivered"), row.entry().accountId(), describe(row)
                    + posted.map(ref -> " as " + ref.messageId()).orElse(""));
        });
    }

    @Override
    public void retryLater(OutboxRow row, String reason, Instant nextAttempt, boolean mayHavePosted, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE outbox SET claimed_by = NULL, lease_until = NULL,"
                        + " in_doubt = :doubt, next_attempt_at = :next, last_error = :reason, updated_at = :now"
                        + " WHERE outbox_id = :id")
                .bind("doubt", mayHavePosted ? 1 : 0)
                .bind("next", StoreTime.text(nextAttempt)).bind("reason", clip(reason)).bind("now", StoreTime.text(now))
                .bind("id", row.id()).execute());
    }

    @Override
    public void park(OutboxRow row, String reason, Instant now) {
        String at = StoreTime.text(now);
        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE outbox SET state = 'parked', claimed_by = NULL, lease_until = NULL, in_doubt = 0,"
                            + " last_error = :reason, updated_at = :now WHERE outbox_id = :id")
                    .bind("reason", clip(reason)).bind("now", at).bind("id", row.id()).execute();
            audit(h, at, JdbiAlertStore.SYSTEM, action(row, "parked"), row.entry().accountId(),
                    describe(row) + ": " + clip(reason));
        });
    }

    @Override
    public boolean retry(String outboxId, String by, Instant now) {
        String at = StoreTime.text(now);
        // Write first: a SQLite transaction that reads before it writes cannot wait for another writer.
        return jdbi.inTransaction(h -> {
            int updated = h.createUpdate("UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = :now,"
                            + " last_error = NULL, updated_at = :now WHERE outbox_id = :id AND state = 'parked'")
                    .bind("now", at).bind("id", outboxId).execute();
            if (updated == 1) {
                Optional<String> account = h.createQuery("SELECT account_id FROM outbox WHERE outbox_id = :id")
                        .bind("id", outboxId).mapTo(String.class).findOne();
                audit(h, at, by, "delivery-retried", account.orElse(null), "outbox " + outboxId);
            }
            return updated == 1;
        });
    }

    @Override
    public List<ParkedDelivery> parked(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT outbox_id, item_kind, item_id, account_id, platform,"
                        + " target_kind, target, last_error, attempts, updated_at FROM outbox WHERE state = 'parked'"
                        + " ORDER BY updated_at DESC, outbox_id LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> new ParkedDelivery(rs.getString("outbox_id"), rs.getString("item_kind"),
                        rs.getString("item_id"), rs.getString("account_id"), rs.getString("platform").toLowerCase() + " "
                        + rs.getString("target_kind") + " " + rs.getString("target"), rs.getString("last_error"),
                        rs.getInt("attempts"), StoreTime.instant(rs.getString("updated_at"))))
                .list());
    }

    @Override
    public List<MessageRef> postedFor(String itemKind, String itemId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT platform, conversation_id, message_id FROM posted_messages"
                        + " WHERE item_kind = :kind AND item_id = :item ORDER BY posted_at DESC")
                .bind("kind", itemKind).bind("item", itemId)
                .map((rs, ctx) -> new MessageRef(Platform.valueOf(rs.getString("platform")),
                        rs.getString("conversation_id"), rs.getString("message_id")))
                .list());
    }

    private static OutboxRow row(ResultSet rs) throws SQLException {
        Platform platform = Platform.valueOf(rs.getString("platform"));
        DeliveryTarget target = new DeliveryTarget(platform, DeliveryTarget.Kind.fromLabel(rs.getString("target_kind")),
                rs.getString("target"), Optional.ofNullable(rs.getString("thread_of")));
        OutboxEntry.Operation operation = OutboxEntry.Operation.valueOf(rs.getString("operation").toUpperCase());
        Optional<MessageRef> update = operation == OutboxEntry.Operation.UPDATE
                ? Optional.of(new MessageRef(platform, target.address(), rs.getString("message_id"))) : Optional.empty();
        OutboxEntry entry = new OutboxEntry(rs.getString("idempotency_key"), rs.getString("item_kind"),
                rs.getString("item_id"), operation, target, update, rs.getString("account_id"));
        return new OutboxRow(rs.getString("outbox_id"), entry, rs.getInt("attempts"), rs.getInt("in_doubt") == 1,
                StoreTime.instant(rs.getString("created_at")));
    }

    private static String action(OutboxRow row, String what) {
        return (AlertService.NOTICE.equals(row.entry().itemKind()) ? "alert" : row.entry().itemKind()) + "-" + what;
    }

    private static String describe(OutboxRow row) {
        return row.entry().itemKind() + " " + row.entry().itemId() + " to " + row.entry().target().describe();
    }

    private static void audit(Handle h, String at, String actor, String action, String accountId, String detail) {
        h.createUpdate("INSERT INTO audit_log (id, at, actor, action, account_id, detail)"
                        + " VALUES (:id, :at, :actor, :action, :account, :detail)")
                .bind("id", UUID.randomUUID().toString()).bind("at", at).bind("actor", actor).bind("action", action)
                .bind("account", accountId).bind("detail", detail).execute();
    }

    private static String clip(String reason) {
        String text = reason == null ? "unknown" : reason;
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON - 1) + "…";
    }
}
