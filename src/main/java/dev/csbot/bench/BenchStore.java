package dev.csbot.bench;

import dev.csbot.store.StoreUrl;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * Where {@code csbot bench} runs, never in the user's store: a temporary SQLite file beside a second one for the
 * raw insert, or two temporary schemas in the configured PostgreSQL database, dropped when the run ends.
 */
public abstract class BenchStore implements AutoCloseable {

    /** A raw insert's target: a connection to an empty store, named for the table of results. */
    record RawTarget(String label, SqlConnection connection) {
        Connection open() throws SQLException {
            return connection.get();
        }
    }

    @FunctionalInterface
    interface SqlConnection {
        Connection get() throws SQLException;
    }

    private BenchStore() {}

    /** A fresh SQLite file in {@code workDir} (bench.db), the raw insert in another (raw.db). */
    public static BenchStore sqlite(Path workDir) {
        return new Sqlite(workDir);
    }

    /** Two fresh schemas in the database {@code url} names; {@code user} and {@code password} may be empty. */
    public static BenchStore postgres(String url, String user, String password) throws SQLException {
        return new Postgres(url, user, password);
    }

    /** The SQLite file the bench's store is, or null on PostgreSQL. */
    public abstract Path file();

    /** The JDBC URL of the bench's store on PostgreSQL (its schema in it), or null on SQLite. */
    public abstract String databaseUrl();

    /** The first is what the import is measured against; any others are shown for reference. */
    abstract List<RawTarget> rawTargets();

    /**
     * The DDL of a copy of usage_daily with the store's columns, key and indexes but not its foreign key (there is
     * no accounts table beside it), read from the migrated store: both sides maintain the same indexes.
     */
    abstract List<String> usageTableDdl() throws SQLException;

    @Override
    public void close() throws SQLException {}

    private static final class Sqlite extends BenchStore {
        private final Path workDir;

        Sqlite(Path workDir) {
            this.workDir = workDir;
        }

        @Override
        public Path file() {
            return workDir.resolve("bench.db").toAbsolutePath();
        }

        @Override
        public String databaseUrl() {
            return null;
        }

        @Override
        List<RawTarget> rawTargets() {
            return List.of(new RawTarget("raw SQLite JDBC batch insert", () -> DriverManager.getConnection("jdbc:sqlite:"
                    + workDir.resolve("raw.db").toAbsolutePath() + "?journal_mode=WAL")));
        }

        @Override
        List<String> usageTableDdl() throws SQLException {
            List<String> ddl = new ArrayList<>();
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file());
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT sql FROM sqlite_master WHERE"
                            + " tbl_name = 'usage_daily' AND sql IS NOT NULL ORDER BY type DESC")) {
                while (rows.next()) {
                    ddl.add(rows.getString(1).replaceAll("(?i)REFERENCES\\s+\\w+\\s*\\([^)]*\\)", ""));
                }
            }
            return ddl;
        }
    }

    /**
     * Two schemas of their own in the configured database: one the bench's store is migrated into, one for the raw
     * insert. The raw insert runs with the driver setting the store uses (multi-row inserts), and once without it.
     */
    private static final class Postgres extends BenchStore {
        private final String url;
        private final Properties credentials = new Properties();
        private final String storeSchema;
        private final String rawSchema;

        Postgres(String url, String user, String password) throws SQLException {
            this.url = url;
            if (user != null && !user.isBlank()) {
                credentials.setProperty("user", user);
            }
            if (password != null && !password.isEmpty()) {
                credentials.setProperty("password", password);
            }
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            this.storeSchema = "csbot_bench_" + suffix;
            this.rawSchema = "csbot_bench_raw_" + suffix;
            execute("CREATE SCHEMA " + storeSchema, "CREATE SCHEMA " + rawSchema);
        }

        private String in(String schema) {
            return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        }

        @Override
        public Path file() {
            return null;
        }

        @Override
        public String databaseUrl() {
            return in(storeSchema);
        }

        @Override
        List<RawTarget> rawTargets() {
            return List.of(
                    new RawTarget("raw PostgreSQL batch insert (multi-row)", () -> connect(in(rawSchema)
                            + "&reWriteBatchedInserts=true")),
                    new RawTarget("raw PostgreSQL batch insert (one row each)", () -> connect(in(rawSchema)
                            + "&reWriteBatchedInserts=false")));
        }

        /** {@code LIKE ... INCLUDING ALL} copies columns, defaults, the key and the indexes, never a foreign key. */
        @Override
        List<String> usageTableDdl() {
            return List.of("CREATE TABLE usage_daily (LIKE \"" + storeSchema + "\".usage_daily INCLUDING ALL)");
        }

        private Connection connect(String target) throws SQLException {
            return DriverManager.getConnection(target, credentials);
        }

        private void execute(String... statements) throws SQLException {
            try (Connection connection = connect(url); Statement statement = connection.createStatement()) {
                for (String sql : statements) {
                    statement.execute(sql);
                }
            } catch (SQLException e) {
                throw new SQLException("bench: cannot prepare schemas in " + StoreUrl.withoutPassword(url) + ": "
                        + e.getMessage(), e.getSQLState(), e);
            }
        }

        @Override
        public void close() throws SQLException {
            execute("DROP SCHEMA IF EXISTS " + storeSchema + " CASCADE", "DROP SCHEMA IF EXISTS " + rawSchema
                    + " CASCADE");
        }
    }
}
