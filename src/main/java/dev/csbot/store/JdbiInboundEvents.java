package dev.csbot.store;

import dev.csbot.chat.InboundEvents;
import java.time.Clock;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;

/**
 * The primary key makes "first delivery" atomic, across every instance on the store: the insert of a second
 * delivery changes no row. Rows are pruned by age ({@link InboundEventsPruning}).
 */
@Component
class JdbiInboundEvents implements InboundEvents {

    private final Jdbi jdbi;
    private final Clock clock;

    /** Real time, whatever {@code csbot.today} pins: retries and their pruning are about the wire. */
    JdbiInboundEvents(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.clock = Clock.systemUTC();
    }

    @Override
    public boolean firstDelivery(String source, String eventId) {
        return jdbi.withHandle(h -> h.createUpdate("INSERT INTO inbound_events (source, event_id, received_at)"
                        + " VALUES (:source, :id, :at) ON CONFLICT (source, event_id) DO NOTHING")
                .bind("source", source)
                .bind("id", eventId)
                .bind("at", StoreTime.text(Instant.now(clock)))
                .execute()) == 1;
    }

    /** Deletes what was received before {@code cutoff}; returns how many rows went. */
    int pruneReceivedBefore(Instant cutoff) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM inbound_events WHERE received_at < :cutoff")
                .bind("cutoff", StoreTime.text(cutoff)).execute());
    }

    @Override
    public void forget(String source, String eventId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM inbound_events WHERE source = :source AND event_id = :id")
                .bind("source", source)
                .bind("id", eventId)
                .execute());
    }
}
