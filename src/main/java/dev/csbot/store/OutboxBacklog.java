package dev.csbot.store;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;

/** How the outbox stands, for the operations gauges: one grouped query over its state index. */
@Component
public class OutboxBacklog {

    /** Deliveries waiting (pending, claimed or not), when the oldest of them was queued, and those parked. */
    public record Backlog(long waiting, Optional<Instant> oldestWaiting, long parked) {}

    private final Jdbi jdbi;

    OutboxBacklog(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Backlog read() {
        return jdbi.withHandle(h -> {
            long[] waiting = {0};
            long[] parked = {0};
            Instant[] oldest = {null};
            h.createQuery("SELECT state, COUNT(*) AS n, MIN(created_at) AS oldest FROM outbox"
                            + " WHERE state IN ('pending', 'parked') GROUP BY state")
                    .map((rs, ctx) -> {
                        if ("pending".equals(rs.getString("state"))) {
                            waiting[0] = rs.getLong("n");
                            oldest[0] = StoreTime.instant(rs.getString("oldest"));
                        } else {
                            parked[0] = rs.getLong("n");
                        }
                        return null;
                    })
                    .list();
            return new Backlog(waiting[0], Optional.ofNullable(oldest[0]), parked[0]);
        });
    }
}
