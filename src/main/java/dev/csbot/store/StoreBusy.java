package dev.csbot.store;

import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * A write that could not get the store: SQLite has one writer at a time, and another (a {@code csbot import}
 * in another process, most often) kept it for longer than the busy timeout. Nothing of the write happened, so
 * the caller can be told to try again.
 */
public final class StoreBusy {

    /** What callers are told to wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private StoreBusy() {}

    /** Whether {@code failure} (or any of its causes) is SQLite saying the database is busy or locked. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLiteException sqlite) {
                int primary = sqlite.getResultCode().code & 0xFF;
                if (primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code) {
                    return true;
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
