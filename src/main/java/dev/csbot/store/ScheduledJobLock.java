package dev.csbot.store;

import java.time.Duration;

/**
 * Runs scheduled work (the daily scan, the weekly digest, pruning, campaigns) on one instance at a time when
 * several share the store. Every scheduled job goes through it; a job that finds another instance holding it is
 * skipped here, with a log line, not queued.
 */
public interface ScheduledJobLock {

    /**
     * How long a job is held at least, counted from its start, even when it finishes sooner: the same schedule
     * firing on another instance a little later (clocks a few seconds apart) is then skipped, not run a second time.
     */
    Duration MINIMUM_HOLD = Duration.ofSeconds(30);

    /**
     * Runs {@code work} here unless another instance holds {@code job}. The hold lasts while the work runs, at most
     * {@code lease} (after which a crashed instance's hold lapses and the next run goes ahead); choose it well past
     * the work's longest run.
     *
     * @return whether the work ran here
     */
    boolean runAlone(String job, Duration lease, Runnable work);
}
