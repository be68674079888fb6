package dev.csbot.store;

import dev.csbot.chat.AuditTrail;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;

@Component
class JdbiAuditTrail implements AuditTrail {

    private final Jdbi jdbi;
    private final Clock clock;

    JdbiAuditTrail(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public void record(String actor, String action, String accountId, String detail) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO audit_log (id, at, actor, action, account_id, detail)"
                        + " VALUES (:id, :at, :actor, :action, :account, :detail)")
                .bind("id", UUID.randomUUID().toString())
                .bind("at", Instant.now(clock).toString())
                .bind("actor", actor)
                .bind("action", action)
                .bind("account", accountId)
                .bind("detail", detail)
                .execute());
    }
}
