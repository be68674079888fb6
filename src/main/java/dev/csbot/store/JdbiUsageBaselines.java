package dev.csbot.store;

import dev.csbot.alerts.UsageBaselines;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;

/** One GROUP BY over the covering index on (date, account_id, active_users, ...). */
@Component
class JdbiUsageBaselines implements UsageBaselines {

    private final Jdbi jdbi;

    JdbiUsageBaselines(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Map<String, Baseline> meanActiveUsers(LocalDate fromExclusive, LocalDate toInclusive) {
        Map<String, Baseline> baselines = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT account_id, COUNT(*), SUM(active_users) FROM usage_daily"
                        + " WHERE date > :from AND date <= :to GROUP BY account_id")
                .bind("from", fromExclusive.toString()).bind("to", toInclusive.toString())
                .map((rs, ctx) -> {
                    int days = rs.getInt(2);
                    return Map.entry(rs.getString(1), new Baseline(days, days == 0 ? 0 : rs.getLong(3) / (double) days));
                })
                .forEach(e -> baselines.put(e.getKey(), e.getValue())));
        return baselines;
    }
}
