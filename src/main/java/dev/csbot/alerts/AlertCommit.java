package dev.csbot.alerts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Everything one evaluation writes, so that the store can write it in one transaction. */
public record AlertCommit(Instant at, LocalDate asOf, List<AlertChange> changes, List<AlertStore.Notice> notices,
        List<OutboxEntry> deliveries) {

    public AlertCommit {
        changes = List.copyOf(changes);
        notices = List.copyOf(notices);
        deliveries = List.copyOf(deliveries);
    }

    public boolean isEmpty() {
        return changes.isEmpty() && notices.isEmpty() && deliveries.isEmpty();
    }
}
