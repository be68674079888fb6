package dev.csbot.store;

import dev.csbot.alerts.Alert;
import dev.csbot.alerts.AlertRepository;
import dev.csbot.alerts.AlertStore;
import dev.csbot.alerts.StoredAlert;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The short form of an account's unresolved alerts, for the deal review. */
@Component
class JdbiAlertRepository implements AlertRepository {

    private final AlertStore store;

    JdbiAlertRepository(AlertStore store) {
        this.store = store;
    }

    @Override
    public List<Alert> openAlerts(String accountId) {
        return store.search(Optional.empty(), Optional.of(accountId), Optional.empty(), true, 50).stream()
                .map(StoredAlert::summary).toList();
    }
}
