package dev.csbot.slack;

import dev.csbot.chat.InboundEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Deliveries seen by this process in the last hour (Slack retries within minutes): for slash commands
 * and button presses, which Slack does not retry, and as the fallback when the store provides no
 * {@link InboundEvents}. Several instances need the store's implementation.
 */
final class SlackInMemoryDeliveries implements InboundEvents {

    private static final Duration KEEP = Duration.ofHours(1);
    private static final int SWEEP_EVERY = 10_000;

    private final Map<String, Instant> seen = new ConcurrentHashMap<>();
    private final AtomicLong inserts = new AtomicLong();
    private final Clock clock;

    SlackInMemoryDeliveries(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean firstDelivery(String source, String eventId) {
        Instant now = Instant.now(clock);
        boolean first = seen.putIfAbsent(source + "\u0000" + eventId, now) == null;
        // Sweep now and then, not on every call: a scan per request would grow with the traffic.
        if (first && inserts.incrementAndGet() % SWEEP_EVERY == 0) {
            seen.values().removeIf(at -> at.plus(KEEP).isBefore(now));
        }
        return first;
    }

    int size() {
        return seen.size();
    }
}
