package dev.csbot.ingest;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The yardstick for the import: plain JDBC inserting the demo's usage rows into an empty usage_daily table
 * (the store's own columns, key and indexes, without the foreign key) in another SQLite file or PostgreSQL schema,
 * batches of 10k, one transaction. The rows are generated into compact arrays first, so only the inserting is timed.
 */
public final class RawInsertBenchmark {

    private final String[] ids;
    private final String[] dates;
    private final int[] account;
    private final int[] day;
    private final int[] active;
    private final long[] events;
    private final int[] features;
    private final int size;

    public RawInsertBenchmark(DemoPortfolio portfolio) throws Exception {
        int rows = (int) portfolio.usageRows();
        this.account = new int[rows];
        this.day = new int[rows];
        this.active = new int[rows];
        this.events = new long[rows];
        this.features = new int[rows];
        java.util.Map<String, Integer> idIndex = new java.util.HashMap<>();
        java.util.Map<String, Integer> dateIndex = new java.util.HashMap<>();
        java.util.List<String> idList = new java.util.ArrayList<>();
        java.util.List<String> dateList = new java.util.ArrayList<>();
        int[] n = {0};
        portfolio.emit(Dataset.USAGE, row -> {
            int i = n[0]++;
            account[i] = idIndex.computeIfAbsent((String) row[0], k -> {
                idList.add(k);
                return idList.size() - 1;
            });
            day[i] = dateIndex.computeIfAbsent((String) row[1], k -> {
                dateList.add(k);
                return dateList.size() - 1;
            });
            active[i] = (Integer) row[2];
            events[i] = (Long) row[3];
            features[i] = (Integer) row[4];
        });
        this.size = n[0];
        this.ids = idList.toArray(String[]::new);
        this.dates = dateList.toArray(String[]::new);
    }

    public int rows() {
        return size;
    }

    /**
     * Inserts every row into a fresh file whose usage_daily is created by {@code ddl} (the store's own table
     * and indexes, see {@link DemoService#usageTableDdl()}); returns the nanoseconds of inserting and commit.
     */
    public long run(Path file, List<String> ddl) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file + "?journal_mode=WAL")) {
            return run(connection, ddl);
        }
    }

    /**
     * The same into any empty store: creates usage_daily with {@code ddl} (dropping one left from an earlier run),
     * then inserts and commits; returns the nanoseconds of inserting and commit.
     */
    public long run(Connection connection, List<String> ddl) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS usage_daily");
            for (String sql : ddl) {
                statement.execute(sql);
            }
        }
        connection.setAutoCommit(false);
        long started = System.nanoTime();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO usage_daily (account_id, date,"
                + " active_users, events, key_features_used) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < size; i++) {
                insert.setString(1, ids[account[i]]);
                insert.setString(2, dates[day[i]]);
                insert.setInt(3, active[i]);
                insert.setLong(4, events[i]);
                insert.setInt(5, features[i]);
                insert.addBatch();
                if ((i + 1) % BatchUpsert.CHUNK == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        connection.commit();
        return System.nanoTime() - started;
    }
}
