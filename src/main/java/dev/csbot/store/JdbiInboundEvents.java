package dev.csbot.store;

import dev.csbot.chat.InboundEvents;
import java.time.Clock;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;

/** The primary key makes "first delivery" atomic: the insert of a second delivery changes no row. */
@Component
class JdbiInboundEvents implements InboundEvents {

    private final Jdbi jdbi;
    private final Clock clock;

    JdbiInboundEvents(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public boolean firstDelivery(String source, String eventId) {
        return jdbi.withHandle(h -> h.createUpdate("INSERT INTO inbound_events (source, event_id, received_at)"
                        + " VALUES (:source, :id, :at) ON CONFLICT (source, event_id) DO NOTHING")
                .bind("source", source)
                .bind("id", eventId)
                .bind("at", Instant.now(clock).toString())
                .execute()) == 1;
    }

    @Override
    public void forget(String source, String eventId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM inbound_events WHERE source = :source AND event_id = :id")
                .bind("source", source)
                .bind("id", eventId)
                .execute());
    }
}
