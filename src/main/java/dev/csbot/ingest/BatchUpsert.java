package dev.csbot.ingest;

import dev.csbot.store.PortfolioVersionReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import org.jdbi.v3.core.Handle;

/**
 * The one writer of the portfolio: upserts rows of one dataset through a statement prepared once, sent in
 * chunks of {@link #CHUNK} (SQLite slows and memory grows with one huge batch). The caller owns the
 * transaction; nothing here commits.
 *
 * <p>The portfolio version is bumped first, before anything is read: on SQLite that takes the write lock at
 * the start of the transaction, waiting out another writer for the busy timeout, instead of failing at once
 * later because what the transaction had read went stale while it waited.
 */
final class BatchUpsert implements AutoCloseable {

    static final int CHUNK = 10_000;

    /** Tells readers (any process) that scores computed before this write are out of date. */
    private static final String BUMP_VERSION = "UPDATE portfolio_version SET version = version + 1 WHERE id = 1";

    private final Handle handle;
    private final Connection connection;
    private final PreparedStatement statement;
    private final int width;
    private int pending;
    private long written;

    BatchUpsert(Handle handle, Dataset dataset, boolean[] present) throws SQLException {
        this.handle = handle;
        this.connection = handle.getConnection();
        markChanged(connection);
        this.statement = connection.prepareStatement(dataset.upsertSql(present));
        this.width = dataset.columns().size();
    }

    /** Tells readers (any process) that scores computed before this transaction are out of date. */
    static void markChanged(Connection connection) throws SQLException {
        try (PreparedStatement bump = connection.prepareStatement(BUMP_VERSION)) {
            bump.executeUpdate();
        }
    }

    /** Adds one row of stored values in the dataset's column order. */
    void add(Object[] values) throws SQLException {
        for (int i = 0; i < width; i++) {
            Object value = values[i];
            int index = i + 1;
            if (value == null) {
                statement.setNull(index, Types.VARCHAR);
            } else if (value instanceof Integer) {
                statement.setInt(index, (Integer) value);
            } else if (value instanceof Long) {
                statement.setLong(index, (Long) value);
            } else {
                statement.setString(index, value.toString());
            }
        }
        statement.addBatch();
        if (++pending == CHUNK) {
            flush();
        }
    }

    /** Sends what is pending and returns the rows written; once committed, this process hears of it. */
    long finish() throws SQLException {
        flush();
        if (written > 0) {
            handle.afterCommit(PortfolioVersionReader::committed);
        }
        return written;
    }

    private void flush() throws SQLException {
        if (pending > 0) {
            statement.executeBatch();
            written += pending;
            pending = 0;
        }
    }

    @Override
    public void close() throws SQLException {
        statement.close();
    }
}
