package dev.csbot.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.csbot.chat.InboundEvents;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Deliveries seen by this process in the last hour (Slack retries within minutes): the first check for slash
 * commands and button presses, before the store's ({@link SlackRetryGuard}), and the fallback when the store
 * provides no {@link InboundEvents}.
 */
final class SlackInMemoryDeliveries implements InboundEvents {

    private static final Duration KEEP = Duration.ofHours(1);
    /** Far more deliveries than an hour of a team's commands; bounds memory under a flood. */
    private static final int MAX_REMEMBERED = 100_000;

    private final Cache<String, Boolean> seen;

    SlackInMemoryDeliveries(Clock clock) {
        this.seen = Caffeine.newBuilder().expireAfterWrite(KEEP).maximumSize(MAX_REMEMBERED)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis())).build();
    }

    @Override
    public boolean firstDelivery(String source, String eventId) {
        return seen.asMap().putIfAbsent(source + "\u0000" + eventId, Boolean.TRUE) == null;
    }

    @Override
    public void forget(String source, String eventId) {
        seen.invalidate(source + "\u0000" + eventId);
    }

    int size() {
        seen.cleanUp();
        return (int) seen.estimatedSize();
    }
}
