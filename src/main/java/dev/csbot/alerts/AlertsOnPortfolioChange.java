package dev.csbot.alerts;

import dev.csbot.account.PortfolioChanged;
import dev.csbot.account.PortfolioListener;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates the rules for the accounts a committed write touched (the whole book after a demo load), on an
 * executor of its own: the writer returns at once, and evaluations run one after another. Writes heard while an
 * evaluation runs wait together and are evaluated in one go after it (a burst of writes is one evaluation more,
 * not one per write). A process that is about to exit (a CLI command) waits for them with {@link #finish}.
 */
public final class AlertsOnPortfolioChange implements PortfolioListener {

    private static final Logger log = LoggerFactory.getLogger(AlertsOnPortfolioChange.class);

    private final Function<PortfolioChanged, ScanResult> evaluation;
    private final Executor executor;

    /** Accounts written and not evaluated yet; {@code wholeBookWaiting} when anything may have changed. */
    private final Set<String> waiting = new HashSet<>();
    private boolean wholeBookWaiting;
    /** An evaluation of {@code waiting} is queued on the executor (and has not started). */
    private boolean queued;
    private boolean evaluating;

    /**
     * @param rankingFirst ranks the book as the write left it, or waits for the ranking already under way, before the
     *     evaluation reads the book: the first {@code /risks} after a write then never shares the cores (or the common
     *     pool's thread) with the alerts. In the service the ranking is made after every write anyway.
     */
    public AlertsOnPortfolioChange(AlertService alerts, Executor executor, Runnable rankingFirst) {
        this(change -> {
            rankingFirst.run();
            return change.wholeBook() ? alerts.scan(alerts.today(), false) : alerts.evaluate(change.accountIds());
        }, executor);
    }

    AlertsOnPortfolioChange(Function<PortfolioChanged, ScanResult> evaluation, Executor executor) {
        this.evaluation = evaluation;
        this.executor = executor;
    }

    @Override
    public void portfolioChanged(PortfolioChanged change) {
        synchronized (this) {
            waiting.addAll(change.accountIds());
            wholeBookWaiting |= change.wholeBook();
            if (queued) {
                return; // the queued evaluation takes these accounts too
            }
            queued = true;
        }
        try {
            executor.execute(this::evaluateWaiting);
        } catch (RejectedExecutionException shuttingDown) {
            int accounts;
            synchronized (this) {
                accounts = waiting.size();
                waiting.clear();
                wholeBookWaiting = false;
                queued = false;
                notifyAll();
            }
            log.warn("Alerts: not evaluated after a write to {} accounts: the service is stopping (the daily scan"
                    + " catches up)", accounts);
        }
    }

    /**
     * Waits until every write heard so far is evaluated, at most {@code timeout}; false when it gave up (the
     * evaluation goes on, and is lost if the process exits: the daily scan catches up).
     */
    public boolean finish(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (queued || evaluating) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    private void evaluateWaiting() {
        PortfolioChanged change;
        synchronized (this) {
            change = new PortfolioChanged(waiting, wholeBookWaiting);
            waiting.clear();
            wholeBookWaiting = false;
            queued = false;
            evaluating = true;
        }
        try {
            ScanResult result = evaluation.apply(change);
            log.info("Alerts: evaluated {} accounts after a write: {} new, {} worse, {} resolved", result.accounts(),
                    result.count("new"), result.count("worse"), result.count("resolved"));
        } catch (RuntimeException e) {
            log.error("Alerts: evaluating {} accounts after a write failed (the daily scan catches up)",
                    change.wholeBook() ? "all" : change.accountIds().size(), e);
        } finally {
            synchronized (this) {
                evaluating = false;
                notifyAll();
            }
        }
    }
}
