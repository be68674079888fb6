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
 * request, and its reads do not compete with the ranking a CSM's {@code /risks} waits for meanwhile. The book is
 * ranked before it is read for the rules; a feed that outlasts the longest wait goes on while that ranking runs,
 * so writes heard meanwhile are taken into the same evaluation and the book ranked again once they are quiet (at
 * most {@value #MOST_RANKINGS} rankings): the whole-book read then starts only after the ranking of the version
 * the feed left, which the first {@code /risks} after it shares, instead of beside it. Writes heard while the
 * rules are evaluated are evaluated together after it. A process that is about to exit (a CLI command) waits for
 * them with {@link #finish}.
 */
public final class AlertsOnPortfolioChange implements PortfolioListener {

    private static final Logger log = LoggerFactory.getLogger(AlertsOnPortfolioChange.class);

    private final Runnable rankingFirst;
    private final Function<PortfolioChanged, ScanResult> evaluation;
    private final Executor executor;

    /** Accounts written and not evaluated yet; {@code wholeBookWaiting} when anything may have changed. */
    private final Set<String> waiting = new HashSet<>();
    private boolean wholeBookWaiting;
    /**
     * An evaluation of {@code waiting} is queued on the executor (and has not started). The running evaluation may
     * take what is waiting before that task starts; the task then finds nothing and ends.
     */
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
     * How many times the book is ranked at most before one evaluation reads it, while writes go on during the
     * rankings: bounds how long a feed that never falls quiet delays its alerts (about this many longest waits).
     */
    static final int MOST_RANKINGS = 3;

    /**
     * @param rankingFirst ranks the book as the write left it, or waits for the ranking already under way, before the
     *     evaluation reads the book: the first {@code /risks} after a write then never shares the cores (or the common
     *     pool's thread) with the alerts. In the service the ranking is made after every write anyway.
     */
    public AlertsOnPortfolioChange(AlertService alerts, Executor executor, Runnable rankingFirst, Duration quiet) {
        this(rankingFirst, change -> change.wholeBook() ? alerts.scan(alerts.today(), false)
                : alerts.evaluate(change.accountIds()), executor, quiet);
    }

    AlertsOnPortfolioChange(Runnable rankingFirst, Function<PortfolioChanged, ScanResult> evaluation,
            Executor executor, Duration quiet) {
        if (quiet.isNegative()) {
            throw new IllegalArgumentException("the quiet period before evaluating writes must not be negative");
        }
        this.rankingFirst = rankingFirst;
        this.evaluation = evaluation;
        this.executor = executor;
        this.quietNanos = quiet.toNanos();
    }

    @Override
    public void portfolioChanged(PortfolioChanged change) {
        synchronized (this) {
            long now = System.nanoTime();
            if (nothingWaiting()) {
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

    private boolean nothingWaiting() {
        return waiting.isEmpty() && !wholeBookWaiting;
    }

    /** What is waiting, added to {@code taken} (what this evaluation holds already); the waiting set is emptied. */
    private PortfolioChanged takeWaiting(PortfolioChanged taken) {
        Set<String> accounts = new HashSet<>(taken.accountIds());
        accounts.addAll(waiting);
        PortfolioChanged change = new PortfolioChanged(accounts, taken.wholeBook() || wholeBookWaiting);
        waiting.clear();
        wholeBookWaiting = false;
        return change;
    }

    private void evaluateWaiting() {
        PortfolioChanged change;
        synchronized (this) {
            if (nothingWaiting()) { // the evaluation before this task took its writes
                queued = false;
                notifyAll();
                return;
            }
            awaitQuietUnlessStopping();
            change = takeWaiting(new PortfolioChanged(Set.of(), false));
            queued = false;
            evaluating = true;
        }
        try {
            change = rankedUntilNoWriteCameMeanwhile(change);
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

    /**
     * Ranks the book; while writes were heard during the ranking (and fewer than {@link #MOST_RANKINGS} were made),
     * waits for them to be quiet, takes them into {@code change} and ranks again.
     */
    private PortfolioChanged rankedUntilNoWriteCameMeanwhile(PortfolioChanged change) {
        for (int rankings = 1; ; rankings++) {
            rankingFirst.run();
            synchronized (this) {
                if (nothingWaiting() || rankings == MOST_RANKINGS || Thread.currentThread().isInterrupted()) {
                    return change;
                }
                awaitQuietUnlessStopping();
                change = takeWaiting(change);
            }
        }
    }

    private void awaitQuietUnlessStopping() {
        try {
            awaitQuiet();
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt(); // the service is stopping: evaluate what is waiting now
        }
    }
}
