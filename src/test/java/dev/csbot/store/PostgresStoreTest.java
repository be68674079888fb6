package dev.csbot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.csbot.support.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The store as the service opens it on PostgreSQL (skipped without {@value TestDatabase#SERVER_VARIABLE}): user and
 * password beside the URL, batched inserts rewritten, and a write that waits for another writer's lock past the busy
 * timeout recognised as "busy", as SQLite's busy timeout is.
 */
class PostgresStoreTest {

    private static String withoutUser(String url) {
        return url.replaceAll("([?&])user=[^&]*&?", "$1").replaceAll("[?&]$", "");
    }

    @Test
    void theServiceTakesTheUserBesideTheUrlRewritesBatchesAndWaitsForALockAtMostTheBusyTimeout() throws Exception {
        TestDatabase store = TestDatabase.postgres("config").migrate();
        String user = store.url().replaceAll(".*[?&]user=([^&]*).*", "$1");
        DataSource dataSource = new StoreConfiguration().dataSource("unused.db", withoutUser(store.url()), user, "",
                "300ms");
        try (HikariDataSource pool = (HikariDataSource) dataSource) {
            assertThat(pool.getDataSourceProperties()).containsEntry("reWriteBatchedInserts", "true");
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
                    ResultSet timeout = statement.executeQuery("SHOW lock_timeout")) {
                timeout.next();
                assertThat(timeout.getString(1)).isEqualTo("300ms");
            }

            Connection other = store.otherWriter();
            long started = System.nanoTime();
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                assertThatThrownBy(() -> statement.executeUpdate(
                        "UPDATE portfolio_version SET version = version + 1 WHERE id = 1"))
                        .satisfies(failure -> assertThat(StoreBusy.causedBy(failure)).as(failure.getMessage()).isTrue());
            } finally {
                TestDatabase.finish(other, "ROLLBACK");
            }
            assertThat((System.nanoTime() - started) / 1_000_000).isBetween(250L, 5_000L);
        }
    }

    @Test
    void theSameMigrationsLeaveTheSameTablesAsOnSqlite(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        TestDatabase postgres = TestDatabase.postgres("tables").migrate();
        TestDatabase sqlite = TestDatabase.sqlite(tmp.resolve("store.db")).migrate();

        java.util.List<String> onPostgres = postgres.jdbi().withHandle(h -> h.createQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                        + " AND table_name <> 'flyway_schema_history' ORDER BY table_name").mapTo(String.class).list());
        java.util.List<String> onSqlite = sqlite.jdbi().withHandle(h -> h.createQuery(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'flyway_schema_history'"
                        + " ORDER BY name").mapTo(String.class).list());
        assertThat(onPostgres).isNotEmpty().containsExactlyElementsOf(onSqlite);
        java.util.List<String> versions = postgres.jdbi().withHandle(h -> h.createQuery(
                "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank").mapTo(String.class)
                .list());
        assertThat(versions).containsExactlyElementsOf(sqlite.jdbi().withHandle(h -> h.createQuery(
                "SELECT version FROM flyway_schema_history WHERE success = 1 ORDER BY installed_rank")
                .mapTo(String.class).list()));
    }

    @Test
    void usageDailyIsVacuumedAfterAFixedNumberOfRowsWhateverItsSize() {
        TestDatabase postgres = TestDatabase.postgres("autovacuum").migrate();

        java.util.List<String> options = postgres.jdbi().withHandle(h -> h.createQuery(
                "SELECT unnest(reloptions) FROM pg_class WHERE oid = 'usage_daily'::regclass").mapTo(String.class).list());

        assertThat(options).contains("autovacuum_vacuum_scale_factor=0", "autovacuum_vacuum_threshold=10000",
                "autovacuum_vacuum_insert_scale_factor=0", "autovacuum_vacuum_insert_threshold=10000");
    }
}
