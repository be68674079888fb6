package dev.csbot.alerts;

import dev.csbot.account.PortfolioChanged;
import dev.csbot.account.PortfolioListener;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates the rules for the accounts a committed write touched (the whole book after a demo load), on an
 * executor of its own: the writer returns at once, and evaluations run one after another.
 */
public final class AlertsOnPortfolioChange implements PortfolioListener {

    private static final Logger log = LoggerFactory.getLogger(AlertsOnPortfolioChange.class);

    private final AlertService alerts;
    private final Executor executor;

    public AlertsOnPortfolioChange(AlertService alerts, Executor executor) {
        this.alerts = alerts;
        this.executor = executor;
    }

    @Override
    public void portfolioChanged(PortfolioChanged change) {
        try {
            executor.execute(() -> evaluate(change));
        } catch (RejectedExecutionException shuttingDown) {
            log.warn("Alerts: not evaluated after a write to {} accounts: the service is stopping (the daily scan"
                    + " catches up)", change.accountIds().size());
        }
    }

    void evaluate(PortfolioChanged change) {
        try {
            ScanResult result = change.wholeBook() ? alerts.scan(alerts.today(), false)
                    : alerts.evaluate(List.copyOf(change.accountIds()));
            log.info("Alerts: evaluated {} accounts after a write: {} new, {} worse, {} resolved", result.accounts(),
                    result.count("new"), result.count("worse"), result.count("resolved"));
        } catch (RuntimeException e) {
            log.error("Alerts: evaluating {} accounts after a write failed (the daily scan catches up)",
                    change.wholeBook() ? "all" : change.accountIds().size(), e);
        }
    }
}
