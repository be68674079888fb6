package dev.csbot.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The yardstick for the import: plain JDBC inserting the same usage rows (read from the generated
 * {@code usage_daily.csv} files) into an empty usage_daily table of another SQLite file or PostgreSQL schema, with
 * the store's own columns, key and indexes but not its foreign key, batches of 10k, one transaction. The rows are
 * read into compact arrays a million at a time, between the timed inserts, so only the inserting is timed and
 * memory stays bounded at any size (36 million rows at 100,000 accounts).
 */
final class RawInsertBenchmark {

    /** Rows per batch: the import's own chunk size. */
    static final int BATCH = 10_000;
    /** Rows read (untimed) before each timed stretch of inserts. */
    static final int READ_AHEAD = 1_000_000;

    private final List<Path> usageCsvs;
    private long rows;

    RawInsertBenchmark(List<Path> usageCsvs) {
        this.usageCsvs = List.copyOf(usageCsvs);
    }

    /** Rows inserted by the last run. */
    long rows() {
        return rows;
    }

    /**
     * Creates usage_daily with {@code ddl} (dropping one left from an earlier run), inserts every row and commits;
     * returns the nanoseconds of inserting and commit.
     */
    long run(Connection connection, List<String> ddl) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS usage_daily");
            for (String sql : ddl) {
                statement.execute(sql);
            }
        }
        connection.setAutoCommit(false);
        long nanos = 0;
        rows = 0;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO usage_daily (account_id, date,"
                + " active_users, events, key_features_used) VALUES (?, ?, ?, ?, ?)"); Chunks chunks = new Chunks()) {
            for (Chunk chunk = chunks.next(); chunk.size > 0; chunk = chunks.next()) {
                long started = System.nanoTime();
                for (int i = 0; i < chunk.size; i++) {
                    insert.setString(1, chunk.ids[chunk.account[i]]);
                    insert.setString(2, chunk.dates[chunk.day[i]]);
                    insert.setInt(3, chunk.active[i]);
                    insert.setLong(4, chunk.events[i]);
                    insert.setInt(5, chunk.features[i]);
                    insert.addBatch();
                    if ((i + 1) % BATCH == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
                nanos += System.nanoTime() - started;
                rows += chunk.size;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long started = System.nanoTime();
        connection.commit();
        return nanos + System.nanoTime() - started;
    }

    /** Up to {@link #READ_AHEAD} rows, ids and dates as indexes into small tables. */
    private static final class Chunk {
        final int[] account = new int[READ_AHEAD];
        final int[] day = new int[READ_AHEAD];
        final int[] active = new int[READ_AHEAD];
        final long[] events = new long[READ_AHEAD];
        final int[] features = new int[READ_AHEAD];
        String[] ids;
        String[] dates;
        int size;
    }

    /** Reads the files in order, one chunk at a time, reusing the arrays. */
    private final class Chunks implements AutoCloseable {
        private final Iterator<Path> files = usageCsvs.iterator();
        private final Chunk chunk = new Chunk();
        private Reader reader;
        private Iterator<CSVRecord> records;

        Chunk next() throws IOException {
            Map<String, Integer> idIndex = new HashMap<>();
            Map<String, Integer> dateIndex = new HashMap<>();
            chunk.size = 0;
            while (chunk.size < READ_AHEAD && advance()) {
                CSVRecord row = records.next();
                int i = chunk.size++;
                chunk.account[i] = idIndex.computeIfAbsent(row.get("account_id"), k -> idIndex.size());
                chunk.day[i] = dateIndex.computeIfAbsent(row.get("date"), k -> dateIndex.size());
                chunk.active[i] = Integer.parseInt(row.get("active_users"));
                chunk.events[i] = Long.parseLong(row.get("events"));
                chunk.features[i] = Integer.parseInt(row.get("key_features_used"));
            }
            chunk.ids = table(idIndex);
            chunk.dates = table(dateIndex);
            return chunk;
        }

        private boolean advance() throws IOException {
            while (records == null || !records.hasNext()) {
                close();
                if (!files.hasNext()) {
                    return false;
                }
                reader = Files.newBufferedReader(files.next(), StandardCharsets.UTF_8);
                records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)
                        .iterator();
            }
            return true;
        }

        private static String[] table(Map<String, Integer> index) {
            String[] values = new String[index.size()];
            index.forEach((value, i) -> values[i] = value);
            return values;
        }

        @Override
        public void close() throws IOException {
            if (reader != null) {
                reader.close();
                reader = null;
                records = null;
            }
        }
    }
}
