package dev.csbot.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh, empty store for a test: a temporary SQLite file, or a schema of its own on a PostgreSQL server.
 *
 * <p>The suite runs twice in CI: as it is (SQLite), and the tests tagged {@code store} again with
 * {@code -Dcsbot.test.store=postgresql} (the pom's {@code postgresql} execution, on when
 * {@value #SERVER_VARIABLE} names a server). {@link #fresh} gives the store of the pass; {@link #postgres} a
 * PostgreSQL store in either pass, for tests that are about PostgreSQL itself: without a server they are skipped,
 * saying which variable to set, unless {@value #REQUIRE_VARIABLE}{@code =true} (set by {@code .ci/run}) makes
 * that a failure.
 */
public final class TestDatabase {

    /** A PostgreSQL server the tests may create schemas on, e.g. {@code jdbc:postgresql://127.0.0.1:5432/csbot?user=csbot}. */
    public static final String SERVER_VARIABLE = "CSBOT_TEST_DATABASE_URL";

    /** {@code true} in CI: a missing server fails the PostgreSQL tests instead of skipping them. */
    public static final String REQUIRE_VARIABLE = "CSBOT_TEST_REQUIRE_POSTGRES";

    /** The system property the pom's PostgreSQL pass sets to {@code postgresql}. */
    static final String STORE_PROPERTY = "csbot.test.store";

    private static final List<String> CREATED_SCHEMAS = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropCreatedSchemas, "drop-test-schemas"));
    }

    private final String url;
    private final Path file;

    private TestDatabase(String url, Path file) {
        this.url = url;
        this.file = file;
    }

    /** Whether this pass puts the stores of {@link #fresh} (the integration and store tests) on PostgreSQL. */
    public static boolean postgresPass() {
        return "postgresql".equalsIgnoreCase(System.getProperty(STORE_PROPERTY, ""));
    }

    /** A fresh store of this pass's kind; {@code label} names it (a file name, a schema prefix). */
    public static TestDatabase fresh(String label) {
        if (postgresPass()) {
            return onServer(label, server().orElseThrow(() -> new IllegalStateException(STORE_PROPERTY
                    + "=postgresql needs " + SERVER_VARIABLE + " (a jdbc:postgresql:// URL of a server)")));
        }
        return sqlite(temporaryDirectory(label).resolve(label + ".db"));
    }

    /** A fresh PostgreSQL store in either pass; skipped without a server (a failure in CI). */
    public static TestDatabase postgres(String label) {
        java.util.Optional<String> server = server();
        if (server.isEmpty()) {
            String message = "set " + SERVER_VARIABLE + "=jdbc:postgresql://HOST:PORT/DB?user=USER to run the"
                    + " PostgreSQL tests (README: Running on PostgreSQL; .ci/run starts a server and sets it)";
            if ("true".equalsIgnoreCase(System.getenv(REQUIRE_VARIABLE))) {
                Assertions.fail(REQUIRE_VARIABLE + "=true but no server: " + message);
            }
            Assumptions.abort(message);
        }
        return onServer(label, server.get());
    }

    /** A SQLite file, as the service opens it. */
    public static TestDatabase sqlite(Path file) {
        return new TestDatabase("jdbc:sqlite:" + file + "?journal_mode=WAL&busy_timeout=5000&foreign_keys=true", file);
    }

    /** The server of {@value #SERVER_VARIABLE}; only in the PostgreSQL pass (or after {@link #postgres}). */
    public static String serverUrl() {
        return server().orElseThrow(() -> new IllegalStateException(SERVER_VARIABLE + " is not set"));
    }

    private static java.util.Optional<String> server() {
        String value = System.getenv(SERVER_VARIABLE);
        return value == null || value.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(value.strip());
    }

    private static TestDatabase onServer(String label, String server) {
        String schema = "t_" + label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_") + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        try (Connection connection = DriverManager.getConnection(server);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema + " on " + SERVER_VARIABLE + ": "
                    + e.getMessage(), e);
        }
        CREATED_SCHEMAS.add(server + "\n" + schema);
        return new TestDatabase(server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema, null);
    }

    public boolean isPostgres() {
        return file == null;
    }

    /** The JDBC URL (for PostgreSQL with the user and the schema in it). */
    public String url() {
        return url;
    }

    /** The SQLite file; only for a SQLite store. */
    public Path file() {
        if (file == null) {
            throw new IllegalStateException("a PostgreSQL store has no file");
        }
        return file;
    }

    /** The settings that point the service (or a CLI command) at this store. */
    public Map<String, String> serviceProperties() {
        return isPostgres() ? Map.of("csbot.database-url", url, "csbot.db", "unused-with-a-database-url.db")
                : Map.of("csbot.db", file.toString(), "csbot.database-url", "");
    }

    /** The Flyway locations the service uses for this kind of store. */
    public String[] migrationLocations() {
        return new String[] {"classpath:db/migration", "classpath:db/vendor/" + (isPostgres() ? "postgresql" : "sqlite")};
    }

    /** Migrated as the service migrates it. */
    public TestDatabase migrate() {
        Flyway.configure().dataSource(url, null, null).locations(migrationLocations()).load().migrate();
        return this;
    }

    public Jdbi jdbi() {
        return Jdbi.create(url).installPlugin(new SqlObjectPlugin());
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    /**
     * A connection of "another process" that holds what every csbot write needs first, until it commits or rolls
     * back: SQLite's one write lock ({@code BEGIN IMMEDIATE}), or on PostgreSQL the portfolio_version row (which
     * every write updates first). Statements on it run in that transaction.
     */
    public Connection otherWriter() throws SQLException {
        Connection connection = connect();
        try (Statement statement = connection.createStatement()) {
            if (isPostgres()) {
                connection.setAutoCommit(false);
                statement.execute("SELECT version FROM portfolio_version WHERE id = 1 FOR UPDATE");
            } else {
                statement.execute("BEGIN IMMEDIATE");
            }
        }
        return connection;
    }

    /** Ends an {@link #otherWriter()} transaction with {@code COMMIT} or {@code ROLLBACK}, and closes it. */
    public static void finish(Connection writer, String how) throws SQLException {
        try (Statement statement = writer.createStatement()) {
            statement.execute(how);
        }
        writer.close();
    }

    private static Path temporaryDirectory(String label) {
        try {
            Path dir = Files.createTempDirectory("csbot-" + label);
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void dropCreatedSchemas() {
        for (String entry : CREATED_SCHEMAS) {
            String[] serverAndSchema = entry.split("\n", 2);
            try (Connection connection = DriverManager.getConnection(serverAndSchema[0]);
                    Statement statement = connection.createStatement()) {
                statement.execute("SET lock_timeout = 2000");
                statement.execute("DROP SCHEMA IF EXISTS " + serverAndSchema[1] + " CASCADE");
            } catch (SQLException e) {
                // A throwaway server (CI) goes anyway; on a developer's, the schema is left for the next run to see.
                System.err.println("could not drop test schema " + serverAndSchema[1] + ": " + e.getMessage());
            }
        }
    }
}
