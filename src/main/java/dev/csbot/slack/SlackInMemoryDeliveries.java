package dev.csbot.slack;

import dev.csbot.chat.InboundEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Used only when the store provides no {@link InboundEvents}: remembers deliveries for an hour (Slack
 * retries within minutes) in this process. Several instances need the store's implementation.
 */
final class SlackInMemoryDeliveries implements InboundEvents {

    private static final Duration KEEP = Duration.ofHours(1);

    private final Map<String, Instant> seen = new ConcurrentHashMap<>();
    private final Clock clock;

    SlackInMemoryDeliveries(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean firstDelivery(String source, String eventId) {
        Instant now = Instant.now(clock);
        if (seen.size() > 100_000) {
            seen.values().removeIf(at -> at.plus(KEEP).isBefore(now));
        }
        return seen.putIfAbsent(source + "\u0000" + eventId, now) == null;
    }
}
