package dev.csbot.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The yardstick for the import: plain JDBC inserting the same usage rows (read from the generated
 * {@code usage_daily.csv}) into an empty usage_daily table in another SQLite file, with the store's own
 * columns, key and indexes but not its foreign key, batches of 10k, one transaction. The rows are read into
 * compact arrays first, so only the inserting is timed.
 */
final class RawInsertBenchmark {

    /** Rows per batch: the import's own chunk size. */
    static final int BATCH = 10_000;

    private final String[] ids;
    private final String[] dates;
    private int[] account = new int[1024];
    private int[] day = new int[1024];
    private int[] active = new int[1024];
    private long[] events = new long[1024];
    private int[] features = new int[1024];
    private int size;

    RawInsertBenchmark(Path usageCsv) throws IOException {
        Map<String, Integer> idIndex = new HashMap<>();
        Map<String, Integer> dateIndex = new HashMap<>();
        List<String> idList = new ArrayList<>();
        List<String> dateList = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = Files.newBufferedReader(usageCsv, StandardCharsets.UTF_8)) {
            for (CSVRecord row : format.parse(reader)) {
                grow();
                account[size] = idIndex.computeIfAbsent(row.get("account_id"), k -> {
                    idList.add(k);
                    return idList.size() - 1;
                });
                day[size] = dateIndex.computeIfAbsent(row.get("date"), k -> {
                    dateList.add(k);
                    return dateList.size() - 1;
                });
                active[size] = Integer.parseInt(row.get("active_users"));
                events[size] = Long.parseLong(row.get("events"));
                features[size] = Integer.parseInt(row.get("key_features_used"));
                size++;
            }
        }
        this.ids = idList.toArray(String[]::new);
        this.dates = dateList.toArray(String[]::new);
    }

    private void grow() {
        if (size == account.length) {
            int capacity = size * 2;
            account = java.util.Arrays.copyOf(account, capacity);
            day = java.util.Arrays.copyOf(day, capacity);
            active = java.util.Arrays.copyOf(active, capacity);
            events = java.util.Arrays.copyOf(events, capacity);
            features = java.util.Arrays.copyOf(features, capacity);
        }
    }

    int rows() {
        return size;
    }

    /**
     * The store's own DDL of usage_daily and its indexes, read from the store file, without the foreign key
     * (there is no accounts table beside it): both sides of the comparison maintain the same indexes.
     */
    static List<String> usageTableDdl(Path store) throws SQLException {
        List<String> ddl = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + store);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT sql FROM sqlite_master WHERE tbl_name = 'usage_daily'"
                        + " AND sql IS NOT NULL ORDER BY type DESC")) {
            while (rows.next()) {
                ddl.add(rows.getString(1).replaceAll("(?i)REFERENCES\\s+\\w+\\s*\\([^)]*\\)", ""));
            }
        }
        return ddl;
    }

    /** Inserts every row into a fresh file whose usage_daily is created by {@code ddl}; returns the nanoseconds of inserting and commit. */
    long run(Path file, List<String> ddl) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file + "?journal_mode=WAL")) {
            try (Statement statement = connection.createStatement()) {
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
                    if ((i + 1) % BATCH == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            connection.commit();
            return System.nanoTime() - started;
        }
    }
}
