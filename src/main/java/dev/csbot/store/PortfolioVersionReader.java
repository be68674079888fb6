package dev.csbot.store;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Reads the store's portfolio version (bumped by every write, in the write's own transaction) without a
 * query on every request. A write committed by this process is seen at once: {@link #committed()} is
 * called after its commit. A write by another process (a {@code csbot import} while the service runs) is
 * seen within {@link #RECHECK}, the longest a version read is trusted.
 */
public final class PortfolioVersionReader {

    static final Duration RECHECK = Duration.ofMillis(200);

    /** Writes this process has committed: process-wide, because it says something about the whole process. */
    private static final AtomicLong LOCAL_COMMITS = new AtomicLong();

    private record Read(long version, long localCommits, long atNanos) {}

    private final LongSupplier query;
    private volatile Read last;

    PortfolioVersionReader(LongSupplier query) {
        this.query = query;
    }

    /** Called after a write to the portfolio commits in this process. */
    public static void committed() {
        LOCAL_COMMITS.incrementAndGet();
    }

    long current() {
        long commits = LOCAL_COMMITS.get();
        long now = System.nanoTime();
        Read read = last;
        if (read != null && read.localCommits() == commits && now - read.atNanos() < RECHECK.toNanos()) {
            return read.version();
        }
        // Count commits before querying: a commit in between makes the next call query again.
        long version = query.getAsLong();
        last = new Read(version, commits, now);
        return version;
    }
}
