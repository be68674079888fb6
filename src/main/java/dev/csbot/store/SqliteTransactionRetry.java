package dev.csbot.store;

import java.sql.SQLException;
import java.time.Duration;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.transaction.DelegatingTransactionHandler;
import org.jdbi.v3.core.transaction.LocalTransactionHandler;
import org.jdbi.v3.core.transaction.TransactionHandler;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Runs a SQLite transaction again when it lost the race for the write lock at once. A transaction that read
 * first and writes second cannot wait for another writer: once that writer commits, what it read is stale, so
 * SQLite refuses it immediately with SQLITE_BUSY instead of waiting out the busy timeout. Rolled back, it is
 * safe to run again (transactions here hold no side effects outside the store). A transaction that waited out
 * the whole busy timeout is not retried: the store really is busy ({@link StoreBusy}: 503 and Retry-After).
 */
final class SqliteTransactionRetry extends DelegatingTransactionHandler {

    static final int MAX_ATTEMPTS = 5;

    /** A refusal faster than this was a lost race, not a wait for the busy timeout. */
    private final Duration fastFailure;

    SqliteTransactionRetry(Duration busyTimeout) {
        this(new LocalTransactionHandler(), fastFailure(busyTimeout));
    }

    private SqliteTransactionRetry(TransactionHandler delegate, Duration fastFailure) {
        super(delegate);
        this.fastFailure = fastFailure;
    }

    private static Duration fastFailure(Duration busyTimeout) {
        Duration half = busyTimeout.dividedBy(2);
        return half.compareTo(Duration.ofSeconds(1)) > 0 ? Duration.ofSeconds(1) : half;
    }

    @Override
    public <R, X extends Exception> R inTransaction(Handle handle, HandleCallback<R, X> callback) throws X {
        return retrying(handle, () -> super.inTransaction(handle, callback));
    }

    @Override
    public <R, X extends Exception> R inTransaction(Handle handle, TransactionIsolationLevel level,
            HandleCallback<R, X> callback) throws X {
        return retrying(handle, () -> super.inTransaction(handle, level, callback));
    }

    @Override
    public TransactionHandler specialize(Handle handle) throws SQLException {
        return new SqliteTransactionRetry(getDelegate().specialize(handle), fastFailure);
    }

    private interface Attempt<R, X extends Exception> {
        R run() throws X;
    }

    private <R, X extends Exception> R retrying(Handle handle, Attempt<R, X> attempt) throws X {
        if (isInTransaction(handle)) {
            return attempt.run(); // a nested transaction: the outermost one retries as a whole
        }
        for (int tried = 1; ; tried++) {
            long started = System.nanoTime();
            try {
                return attempt.run();
            } catch (Exception e) {
                boolean lostRace = StoreBusy.causedBy(e) && System.nanoTime() - started < fastFailure.toNanos();
                if (!lostRace || tried == MAX_ATTEMPTS) {
                    throw e;
                }
                pause(tried);
            }
        }
    }

    /** 5, 10, 20, 40 ms: the other writer's transaction is usually that short. */
    private static void pause(int tried) {
        try {
            Thread.sleep(5L << (tried - 1));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry a store write", interrupted);
        }
    }
}
