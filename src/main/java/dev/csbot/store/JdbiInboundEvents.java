package dev.csbot.store;

import dev.csbot.chat.InboundEvents;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;

/**
 * The primary key makes "first delivery" atomic, across every instance on the store: the insert of a second
 * delivery changes no row. Deliveries checked at the same moment share one statement ({@link DeliveryKeyBatcher}).
 * Rows are pruned by age ({@link InboundEventsPruning}).
 */
@Component
class JdbiInboundEvents implements InboundEvents, AutoCloseable {

    private final Jdbi jdbi;
    private final Clock clock;
    private final DeliveryKeyBatcher batcher;

    /** Real time, whatever {@code csbot.today} pins: retries and their pruning are about the wire. */
    JdbiInboundEvents(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.clock = Clock.systemUTC();
        this.batcher = new DeliveryKeyBatcher(this::insertReturningNew);
    }

    @Override
    public boolean firstDelivery(String source, String eventId) {
        return batcher.firstDelivery(new DeliveryKeyBatcher.Key(source, eventId));
    }

    @Override
    public void record(String source, String eventId) {
        batcher.record(new DeliveryKeyBatcher.Key(source, eventId));
    }

    /** One INSERT of every key, keeping those already there (RETURNING names the new ones: SQLite and PostgreSQL). */
    Set<DeliveryKeyBatcher.Key> insertReturningNew(List<DeliveryKeyBatcher.Key> keys) {
        StringBuilder sql = new StringBuilder("INSERT INTO inbound_events (source, event_id, received_at) VALUES ");
        for (int i = 0; i < keys.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:source").append(i).append(", :id").append(i).append(", :at)");
        }
        sql.append(" ON CONFLICT (source, event_id) DO NOTHING RETURNING source, event_id");
        return jdbi.withHandle(h -> {
            var insert = h.createQuery(sql.toString()).bind("at", StoreTime.text(Instant.now(clock)));
            for (int i = 0; i < keys.size(); i++) {
                insert.bind("source" + i, keys.get(i).source()).bind("id" + i, keys.get(i).eventId());
            }
            return insert.map((rs, ctx) -> new DeliveryKeyBatcher.Key(rs.getString(1), rs.getString(2)))
                    .collect(Collectors.toSet());
        });
    }

    @Override
    public void close() {
        batcher.close();
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
