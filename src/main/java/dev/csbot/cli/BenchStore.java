package dev.csbot.cli;

import dev.csbot.store.StoreUrl;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * Where {@code csbot bench} runs, never in the user's store: a temporary SQLite file beside a second one for the
 * raw insert, or two temporary schemas in the configured PostgreSQL database, dropped when the run ends.
 */
abstract class BenchStore implements AutoCloseable {

    /** A raw insert's target: a connection to an empty store, named for the table of results. */
    interface RawTarget {
        String label();

        Connection open() throws SQLException;
    }

    abstract StoreLocation location();

    /** The first is what the import is measured against; any others are shown for reference. */
    abstract List<RawTarget> rawTargets();

    @Override
    public void close() throws SQLException {}

    static BenchStore of(StoreLocation configured, Path workDir, String user, String password) throws SQLException {
        return configured.sqlite() ? new Sqlite(workDir) : new Postgres(configured.databaseUrl(), user, password);
    }

    private static RawTarget target(String label, SqlConnection open) {
        return new RawTarget() {
            @Override
            public String label() {
                return label;
            }

            @Override
            public Connection open() throws SQLException {
                return open.get();
            }
        };
    }

    @FunctionalInterface
    private interface SqlConnection {
        Connection get() throws SQLException;
    }

    private static final class Sqlite extends BenchStore {
        private final Path workDir;

        Sqlite(Path workDir) {
            this.workDir = workDir;
        }

        @Override
        StoreLocation location() {
            return new StoreLocation(workDir.resolve("bench.db").toAbsolutePath(), null, false);
        }

        @Override
        List<RawTarget> rawTargets() {
            return List.of(target("raw SQLite JDBC batch insert", () -> DriverManager.getConnection("jdbc:sqlite:"
                    + workDir.resolve("raw.db").toAbsolutePath() + "?journal_mode=WAL")));
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
        StoreLocation location() {
            return new StoreLocation(null, in(storeSchema), false);
        }

        @Override
        List<RawTarget> rawTargets() {
            return List.of(
                    target("raw PostgreSQL batch insert (multi-row)", () -> connect(in(rawSchema)
                            + "&reWriteBatchedInserts=true")),
                    target("raw PostgreSQL batch insert (one row each)", () -> connect(in(rawSchema)
                            + "&reWriteBatchedInserts=false")));
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
