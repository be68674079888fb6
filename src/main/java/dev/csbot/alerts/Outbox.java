package dev.csbot.alerts;

import dev.csbot.chat.MessageRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The persistent outbox every proactive message goes through. Claims are leases taken with a conditional
 * update, so several instances can share one store: a row is one worker's until its lease runs out.
 */
public interface Outbox {

    /** Adds entries in a transaction of their own (those that go with a write are added in that write's). */
    void enqueue(List<OutboxEntry> entries);

    /** Claims up to {@code max} due rows for {@code worker} until {@code leaseUntil}; marks them in doubt. */
    List<OutboxRow> claim(String worker, Instant now, Instant leaseUntil, int max);

    /** Delivered: records the message (a post's reference is kept beside its item) and audits it. */
    void delivered(OutboxRow row, Optional<MessageRef> posted, Instant now);

    /**
     * Not delivered: try again at {@code nextAttempt}. {@code mayHavePosted} keeps the row in doubt, so the next
     * attempt looks for the post first.
     */
    void retryLater(OutboxRow row, String reason, Instant nextAttempt, boolean mayHavePosted, Instant now);

    /** Not delivered, and not to be tried again by itself: visible in {@code /alerts failed}. */
    void park(OutboxRow row, String reason, Instant now);

    /** Puts a parked row back in line (the Retry button); false when there is no such parked row. */
    boolean retry(String outboxId, String by, Instant now);

    List<ParkedDelivery> parked(int limit);

    /** The messages posted for an item, newest first. */
    List<MessageRef> postedFor(String itemKind, String itemId);

    record ParkedDelivery(String id, String itemKind, String itemId, String accountId, String target, String reason,
            int attempts, Instant parkedAt) {}
}
