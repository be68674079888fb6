package dev.csbot.store;

import java.sql.SQLException;
import java.util.Set;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * A write that could not get the store: SQLite has one writer at a time, and another (a {@code csbot import}
 * in another process, most often) kept it for longer than the busy timeout. On PostgreSQL every write first
 * updates the one portfolio_version row, so the same wait ends in {@code lock_timeout}; a serialization failure
 * or a deadlock there is the same kind of thing. Nothing of the write happened (the transaction rolled back), so
 * the caller can be told to try again.
 */
public final class StoreBusy {

    /** What callers are told to wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    /** lock_not_available (lock_timeout), serialization_failure, deadlock_detected. */
    private static final Set<String> POSTGRES_STATES = Set.of("55P03", "40001", "40P01");

    private StoreBusy() {}

    /** Whether {@code failure} (or any of its causes) is the store saying another writer holds what it needs. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLiteException sqlite) {
                int primary = sqlite.getResultCode().code & 0xFF;
                if (primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code) {
                    return true;
                }
            } else if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && POSTGRES_STATES.contains(sql.getSQLState())) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
