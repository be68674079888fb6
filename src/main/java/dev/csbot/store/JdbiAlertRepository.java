package dev.csbot.store;

import dev.csbot.alerts.Alert;
import dev.csbot.alerts.AlertRepository;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;

@Component
class JdbiAlertRepository implements AlertRepository {

    private final Jdbi jdbi;

    JdbiAlertRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<Alert> openAlerts(String accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM alerts WHERE account_id = :id AND status = 'open'"
                        + " ORDER BY raised_at, alert_id")
                .bind("id", accountId)
                .map((rs, ctx) -> new Alert(rs.getString("alert_id"), rs.getString("account_id"),
                        rs.getString("rule_id"), rs.getString("status"), rs.getString("severity"),
                        rs.getString("summary"), rs.getString("owner_email"), Instant.parse(rs.getString("raised_at"))))
                .list());
    }
}
