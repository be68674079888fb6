package dev.csbot.slack;

import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import dev.csbot.chat.InboundEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes every Slack delivery count once, across every instance on the store: Slack retries a request it thinks
 * failed (with {@code X-Slack-Retry-Num}), possibly to another instance behind the same address, and a retry must
 * never run a command, press a button or publish twice. Handlers run after Bolt has verified the signature, so
 * unsigned requests never reach the store.
 *
 * <p>Two checks, so that the hot path stays fast: this process's memory first (a retry to the same instance costs
 * nothing), then, when several instances can share the store (PostgreSQL), the store, whose primary key decides
 * across instances. Anything that writes asks the store first. A command that only reads is recorded there without
 * waiting on its first attempt (Slack's retry comes after its 3 s timeout, long after the key is stored, and a
 * read answered twice does no harm), and a retry of it is answered while the store is asked (the answer is
 * dropped if another instance had it). On SQLite, which one instance serves, commands and
 * presses are remembered in memory only: a store write per command was the slowest step there (it cut
 * {@code csbot bench-slack} to a fifth, docs/benchmark.md). Events API callbacks are recorded in the store always.
 */
final class SlackRetryGuard {

    private static final Logger log = LoggerFactory.getLogger(SlackRetryGuard.class);

    private final InboundEvents store;
    private final InboundEvents local;
    private final boolean acrossInstances;

    /** @param acrossInstances whether commands and presses are also recorded in the store (PostgreSQL) */
    SlackRetryGuard(InboundEvents store, InboundEvents local, boolean acrossInstances) {
        this.store = store;
        this.local = local;
        this.acrossInstances = acrossInstances;
    }

    /**
     * A slash command or button press this process has seen before: the caller acknowledges it and does nothing
     * else. Called by each handler, not as a Bolt middleware: registering one makes Bolt call auth.test while the
     * app is built, so an unreachable Slack at start-up would stop the whole service.
     */
    boolean isRepeat(Request<?> req) {
        String key = deliveryKey(req);
        if (key == null) {
            return false;
        }
        if (!local.firstDelivery("slack", key)) {
            log.info("Slack delivery {} seen before (retry {}): acknowledged, not handled again", key,
                    req.getHeaders().getFirstValue("X-Slack-Retry-Num"));
            return true;
        }
        return false;
    }

    /**
     * Whether another instance has handled this delivery already (the store has it); otherwise it is recorded now,
     * for every other instance to see. Always false on a store one instance serves (SQLite). A store that cannot
     * answer does not stop the request: it is handled.
     */
    boolean isRepeatElsewhere(Request<?> req) {
        String key = deliveryKey(req);
        if (key == null || !acrossInstances) {
            return false;
        }
        try {
            if (!store.firstDelivery("slack", key)) {
                log.info("Slack delivery {} was handled by another instance (retry {}): acknowledged, not handled"
                        + " again", key, req.getHeaders().getFirstValue("X-Slack-Retry-Num"));
                return true;
            }
        } catch (RuntimeException e) {
            log.warn("Slack delivery {}: the store could not say whether another instance had it ({}); handled here",
                    key, e.getMessage());
        }
        return false;
    }

    /**
     * {@link #isRepeatElsewhere} for a command that only reads: its first attempt (no {@code X-Slack-Retry-Num}) is
     * recorded for the other instances without waiting for the store, and is not a repeat; a retry asks the store.
     */
    boolean isReadRepeatElsewhere(Request<?> req) {
        if (isRetry(req)) {
            return isRepeatElsewhere(req);
        }
        String key = deliveryKey(req);
        if (key != null && acrossInstances) {
            store.record("slack", key);
        }
        return false;
    }

    private static boolean isRetry(Request<?> req) {
        String retryNum = req.getHeaders().getFirstValue("X-Slack-Retry-Num");
        return retryNum != null && !retryNum.isBlank();
    }

    /** The same for an Events API callback, by its event_id (always recorded in the store). */
    boolean isRepeatEvent(String eventId) {
        if (eventId == null || eventId.isBlank()) {
            return false;
        }
        if (!store.firstDelivery("slack", "event:" + eventId)) {
            log.info("Slack event {} seen before: acknowledged, not handled again", eventId);
            return true;
        }
        return false;
    }

    /** A stable id of the delivery, the same on Slack's retries; null when there is none. */
    static String deliveryKey(Request<?> req) {
        if (req instanceof SlashCommandRequest command) {
            return prefixed("command:", command.getPayload().getTriggerId());
        }
        if (req instanceof BlockActionRequest action) {
            var payload = action.getPayload();
            String actionTs = payload.getActions() == null || payload.getActions().isEmpty() ? null
                    : payload.getActions().get(0).getActionTs();
            return prefixed("action:", payload.getTriggerId() == null ? actionTs : payload.getTriggerId());
        }
        return null;
    }

    private static String prefixed(String prefix, String id) {
        return id == null || id.isBlank() ? null : prefix + id;
    }
}
