package dev.csbot.store;

import dev.csbot.alerts.DeliveryTarget;
import dev.csbot.alerts.Digests;
import dev.csbot.alerts.OutboxEntry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;

@Component
class JdbiDigests implements Digests {

    private final Jdbi jdbi;
    private final Clock clock;

    JdbiDigests(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public boolean createAndQueue(String digestId, String csmEmail, LocalDate weekOf, LocalDate asOf,
            DeliveryTarget target) {
        Instant now = Instant.now(clock);
        return jdbi.inTransaction(h -> {
            int created = h.createUpdate("INSERT INTO digests (digest_id, csm_email, week_of, as_of, created_at)"
                            + " VALUES (:id, :csm, :week, :asOf, :at) ON CONFLICT (csm_email, week_of) DO NOTHING")
                    .bind("id", digestId).bind("csm", csmEmail).bind("week", weekOf.toString())
                    .bind("asOf", asOf.toString()).bind("at", StoreTime.text(now)).execute();
            if (created == 1) {
                JdbiOutbox.insert(h, List.of(OutboxEntry.post(ITEM_KIND, digestId, target, null)), now);
            }
            return created == 1;
        });
    }

    @Override
    public Optional<Digest> find(String digestId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT csm_email, week_of, as_of FROM digests WHERE digest_id = :id")
                .bind("id", digestId)
                .map((rs, ctx) -> new Digest(digestId, rs.getString("csm_email"), LocalDate.parse(rs.getString("week_of")),
                        LocalDate.parse(rs.getString("as_of"))))
                .findOne());
    }
}
