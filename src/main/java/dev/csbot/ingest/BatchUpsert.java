package dev.csbot.ingest;

import dev.csbot.store.PortfolioChangeLog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The one writer of the portfolio: upserts rows of one dataset through a statement prepared once, sent in
 * chunks of {@link #CHUNK} (SQLite slows and memory grows with one huge batch). The caller owns the
 * transaction; nothing here commits.
 *
 * <p>The write lock is taken first, before anything is read (a no-op update of the portfolio version): on
 * SQLite that waits out another writer for the busy timeout at the start of the transaction, instead of
 * failing at once later because what the transaction had read went stale while it waited. The version itself
 * moves once, in {@link #finish}, with the accounts written ({@link PortfolioChangeLog}).
 */
final class BatchUpsert implements AutoCloseable {

    static final int CHUNK = 10_000;

    /** A write that changes nothing, so that taking the lock does not count as a change of the portfolio. */
    private static final String TAKE_WRITE_LOCK = "UPDATE portfolio_version SET version = version WHERE id = 1";

    private final Handle handle;
    private final Connection connection;
    private final PreparedStatement statement;
    private final int width;
    private final int accountColumn;
    /** The date column of usage rows (-1 for other datasets): a write of usage alone says from which day. */
    private final int usageDateColumn;
    private final String table;
    private final Set<String> accounts = new HashSet<>();
    private String earliestUsageDay;
    private int pending;
    private long written;

    BatchUpsert(Handle handle, Dataset dataset, boolean[] present) throws SQLException {
        this.handle = handle;
        this.connection = handle.getConnection();
        takeWriteLock(connection);
        this.statement = connection.prepareStatement(dataset.upsertSql(present));
        this.width = dataset.columns().size();
        this.accountColumn = dataset.indexOf("account_id");
        this.usageDateColumn = dataset == Dataset.USAGE ? dataset.indexOf("date") : -1;
        this.table = dataset.table();
    }

    /** Makes this transaction the store's writer now (SQLite: waiting for another writer up to the busy timeout). */
    static void takeWriteLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(TAKE_WRITE_LOCK)) {
            lock.executeUpdate();
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
        accounts.add((String) values[accountColumn]);
        if (usageDateColumn >= 0) {
            // Stored dates are ISO days, which sort as text.
            String day = values[usageDateColumn].toString();
            if (earliestUsageDay == null || day.compareTo(earliestUsageDay) < 0) {
                earliestUsageDay = day;
            }
        }
        if (++pending == CHUNK) {
            flush();
        }
    }

    /**
     * Sends what is pending, marks the portfolio changed for the accounts written (same transaction; told to
     * listeners after the commit) and returns the rows written.
     */
    long finish() throws SQLException {
        flush();
        if (written > 0 && usageDateColumn >= 0) {
            PortfolioChangeLog.record(handle, accounts, Optional.of(LocalDate.parse(earliestUsageDay)));
        } else if (written > 0) {
            PortfolioChangeLog.recordWithoutUsage(handle, accounts, table);
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
