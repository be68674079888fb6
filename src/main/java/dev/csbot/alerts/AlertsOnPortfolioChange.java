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
 * executor of its own: the writer returns at once, and evaluations run one after another. An evaluation starts
 * once writes have been quiet for a moment ({@code quiet}, at most {@code 10 x quiet} after the first waiting
 * write), so that a burst of writes (a nightly feed sent as many requests) is evaluated in one go after its last
 * request, and its reads do not compete with the ranking a CSM's {@code /risks} waits for meanwhile. Writes heard
 * while an evaluation runs are evaluated together after it. A process that is about to exit (a CLI command) waits
 * for them with {@link #finish}.
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
    private final long quietNanos;
    /** When the last write was heard, and when the first one still waiting was. */
    private long lastHeardNanos;
    private long firstWaitingNanos;

    /** How long writes must be quiet before they are evaluated, by default. */
    public static final Duration QUIET = Duration.ofSeconds(1);
    /** An evaluation waits at most this many quiet periods after the first write waiting for it. */
    static final int LONGEST_WAIT_IN_QUIETS = 10;

    /**
     * @param rankingFirst ranks the book as the write left it, or waits for the ranking already under way, before the
     *     evaluation reads the book: the first {@code /risks} after a write then never shares the cores (or the common
     *     pool's thread) with the alerts. In the service the ranking is made after every write anyway.
     */
    public AlertsOnPortfolioChange(AlertService alerts, Executor executor, Runnable rankingFirst, Duration quiet) {
        this(change -> {
            rankingFirst.run();
            return change.wholeBook() ? alerts.scan(alerts.today(), false) : alerts.evaluate(change.accountIds());
        }, executor, quiet);
    }

    AlertsOnPortfolioChange(Function<PortfolioChanged, ScanResult> evaluation, Executor executor, Duration quiet) {
        if (quiet.isNegative()) {
            throw new IllegalArgumentException("the quiet period before evaluating writes must not be negative");
        }
        this.evaluation = evaluation;
        this.executor = executor;
        this.quietNanos = quiet.toNanos();
    }

    @Override
    public void portfolioChanged(PortfolioChanged change) {
        synchronized (this) {
            long now = System.nanoTime();
            if (!queued) {
                firstWaitingNanos = now;
            }
            lastHeardNanos = now;
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

    /** Holds this monitor's waiters off until no write came for the quiet period, or the longest wait is over. */
    private void awaitQuiet() throws InterruptedException {
        long latest = firstWaitingNanos + LONGEST_WAIT_IN_QUIETS * quietNanos;
        while (true) {
            long now = System.nanoTime();
            long until = Math.min(lastHeardNanos + quietNanos, latest);
            if (now - until >= 0) {
                return;
            }
            long left = until - now;
            wait(left / 1_000_000, (int) (left % 1_000_000));
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
            try {
                awaitQuiet();
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt(); // the service is stopping: evaluate what is waiting now
            }
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
