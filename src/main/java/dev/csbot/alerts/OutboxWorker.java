package dev.csbot.alerts;

import dev.csbot.chat.MessageRef;
import dev.csbot.chat.Platform;
import io.github.resilience4j.core.IntervalFunction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox: claims due rows under a lease, renders each item as it stands, posts or updates through
 * the platform's {@link ConversationMessenger}, and records the outcome. Passing failures are retried with
 * exponential backoff (or after the platform's Retry-After); a target that keeps failing, refuses, or cannot
 * exist is parked with its reason. A row an earlier worker claimed and never recorded is looked for on the
 * platform before it is posted again, so a crash between posting and recording does not post twice.
 */
public final class OutboxWorker {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

    /** How the worker paces itself. */
    public record Settings(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration lease, int batch) {
        public static Settings defaults() {
            return new Settings(6, Duration.ofSeconds(5), Duration.ofMinutes(30), Duration.ofMinutes(2), 50);
        }
    }

    /** Waits between two posts into one conversation; real time in the service. */
    @FunctionalInterface
    public interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    private final Outbox outbox;
    private final Map<Platform, ConversationMessenger> messengers;
    private final Map<String, OutboxContent> contents;
    private final Clock clock;
    private final Settings settings;
    private final String workerId;
    private final Pause pause;
    private final IntervalFunction backoff;
    /** When each conversation may take its next post (Slack: one a second per channel). */
    private final Map<String, Instant> nextPost = new ConcurrentHashMap<>();

    public OutboxWorker(Outbox outbox, List<ConversationMessenger> messengers, List<OutboxContent> contents, Clock clock,
            Settings settings, String workerId, Pause pause) {
        this.outbox = outbox;
        this.messengers = new ConcurrentHashMap<>();
        messengers.forEach(m -> this.messengers.put(m.platform(), m));
        this.contents = new ConcurrentHashMap<>();
        contents.forEach(c -> this.contents.put(c.itemKind(), c));
        this.clock = clock;
        this.settings = settings;
        this.workerId = workerId;
        this.pause = pause;
        this.backoff = IntervalFunction.ofExponentialBackoff(settings.initialBackoff(), 2.0, settings.maxBackoff());
    }

    /** One pass: delivers what is due now. Returns how many rows it handled. */
    public synchronized int runOnce() {
        Instant now = Instant.now(clock);
        List<OutboxRow> rows = outbox.claim(workerId, now, now.plus(settings.lease()), settings.batch());
        // A delivery starts only while half its lease is left, so that it ends before another instance may take
        // the row over; the rest go back in line untried, for whichever instance claims next.
        Instant lastStart = now.plus(settings.lease().dividedBy(2));
        for (OutboxRow row : rows) {
            if (Instant.now(clock).isAfter(lastStart)) {
                outbox.retryLater(row, "not reached within its lease", Instant.now(clock), false, Instant.now(clock));
            } else {
                deliver(row);
            }
        }
        return rows.size();
    }

    /** Passes until nothing is due (tests and {@code csbot scan} without a service use this). */
    public int drain() {
        int total = 0;
        for (int handled = runOnce(); handled > 0; handled = runOnce()) {
            total += handled;
        }
        return total;
    }

    private void deliver(OutboxRow row) {
        OutboxEntry entry = row.entry();
        ConversationMessenger messenger = messengers.get(entry.target().platform());
        if (messenger == null) {
            outbox.park(row, entry.target().platform().name().charAt(0)
                    + entry.target().platform().name().substring(1).toLowerCase()
                    + " is not set up in this service, so nothing can be sent there", Instant.now(clock));
            return;
        }
        OutboxContent content = contents.get(entry.itemKind());
        Optional<OutboundMessage> message = content == null ? Optional.empty() : content.render(entry.itemId());
        if (message.isEmpty()) {
            log.info("Outbox: {} {} is gone; nothing to send", entry.itemKind(), entry.itemId());
            outbox.delivered(row, Optional.empty(), Instant.now(clock));
            return;
        }
        try {
            if (entry.operation() == OutboxEntry.Operation.UPDATE) {
                messenger.update(entry.update().orElseThrow(), message.get());
                outbox.delivered(row, Optional.empty(), Instant.now(clock));
                return;
            }
            if (row.inDoubt()) {
                Optional<MessageRef> earlier = messenger.findPosted(entry.target(), entry.idempotencyKey(),
                        row.createdAt().minus(Duration.ofMinutes(1)));
                if (earlier.isPresent()) {
                    log.info("Outbox: {} was already posted as {} before a restart; recording it", entry.idempotencyKey(),
                            earlier.get().messageId());
                    outbox.delivered(row, earlier, Instant.now(clock));
                    tellDelivered(content, entry, earlier.get());
                    return;
                }
            }
            waitForSlot(messenger, entry.target());
            MessageRef posted = messenger.post(entry.target(), message.get(), entry.idempotencyKey());
            nextPost.put(slotKey(entry.target()), Instant.now(clock).plus(messenger.minimumInterval()));
            outbox.delivered(row, Optional.of(posted), Instant.now(clock));
            tellDelivered(content, entry, posted);
        } catch (DeliveryFailure failure) {
            failed(row, failure);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outbox.retryLater(row, "interrupted", Instant.now(clock), false, Instant.now(clock));
        } catch (RuntimeException e) {
            log.error("Outbox: delivering {} failed unexpectedly", entry.idempotencyKey(), e);
            failed(row, DeliveryFailure.uncertain(e.toString(), e));
        }
    }

    /** The delivery is recorded; what the content does with that is its own business and never undoes it. */
    private static void tellDelivered(OutboxContent content, OutboxEntry entry, MessageRef posted) {
        try {
            content.delivered(entry.itemId(), posted);
        } catch (RuntimeException e) {
            log.error("Outbox: {} {} was delivered, but recording that with its item failed", entry.itemKind(),
                    entry.itemId(), e);
        }
    }

    private void failed(OutboxRow row, DeliveryFailure failure) {
        Instant now = Instant.now(clock);
        String what = row.entry().target().describe();
        switch (failure.kind()) {
            case REFUSED, PERMANENT -> {
                log.warn("Outbox: {} parked: {}", what, failure.getMessage());
                outbox.park(row, failure.getMessage(), now);
            }
            case RETRY -> {
                if (row.attempts() >= settings.maxAttempts()) {
                    log.warn("Outbox: {} parked after {} attempts: {}", what, row.attempts(), failure.getMessage());
                    outbox.park(row, "gave up after " + row.attempts() + " attempts: " + failure.getMessage(), now);
                    return;
                }
                Duration wait = Duration.ofMillis(backoff.apply(row.attempts()));
                if (failure.retryAfter().isPresent()) {
                    wait = failure.retryAfter().get();
                    nextPost.put(slotKey(row.entry().target()), now.plus(wait));
                }
                log.info("Outbox: {} attempt {} failed ({}); next in {} s", what, row.attempts(), failure.getMessage(),
                        wait.toSeconds());
                outbox.retryLater(row, failure.getMessage(), now.plus(wait), failure.mayHavePosted(), now);
            }
            default -> throw new IllegalStateException("unknown failure " + failure.kind());
        }
    }

    /** Pacing a conversation costs at most its minimum interval; a longer Retry-After reschedules instead. */
    private void waitForSlot(ConversationMessenger messenger, DeliveryTarget target) throws InterruptedException,
            DeliveryFailure {
        Instant slot = nextPost.get(slotKey(target));
        if (slot == null) {
            return;
        }
        Duration wait = Duration.between(Instant.now(clock), slot);
        if (wait.isNegative() || wait.isZero()) {
            return;
        }
        if (wait.compareTo(messenger.minimumInterval()) > 0) {
            throw DeliveryFailure.retryAfter("the conversation is rate limited for " + wait.toSeconds() + " s", wait);
        }
        pause.pause(wait);
    }

    private static String slotKey(DeliveryTarget target) {
        return target.platform() + "|" + target.address();
    }
}
