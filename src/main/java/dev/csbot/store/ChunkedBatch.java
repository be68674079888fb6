package dev.csbot.store;

import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * One statement's rows, sent every {@link #ROWS} rows inside the caller's transaction. A large write (the first
 * evaluation of a book of 100,000 accounts commits some 55,000 alerts) then holds one chunk of bound rows at a time,
 * in Jdbi and in the driver, instead of all of them; the transaction, and so all-or-nothing, stays the caller's.
 */
final class ChunkedBatch {

    static final int ROWS = 1_000;

    private final Handle handle;
    private final String sql;
    private final int rows;
    private PreparedBatch batch;
    private long sent;

    ChunkedBatch(Handle handle, String sql) {
        this(handle, sql, ROWS);
    }

    ChunkedBatch(Handle handle, String sql, int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("a chunk holds at least one row, not " + rows);
        }
        this.handle = handle;
        this.sql = sql;
        this.rows = rows;
    }

    /** Binds one row and adds it; a full chunk is sent at once. */
    void add(Consumer<PreparedBatch> row) {
        if (batch == null) {
            // A Jdbi batch closes when executed: each chunk has its own.
            batch = handle.prepareBatch(sql);
        }
        row.accept(batch);
        batch.add();
        if (batch.size() >= rows) {
            send();
        }
    }

    /** Sends the rows still waiting; returns how many rows were sent in all. */
    long finish() {
        if (batch != null && batch.size() > 0) {
            send();
        }
        return sent;
    }

    private void send() {
        sent += batch.size();
        batch.execute();
        batch = null;
    }
}
