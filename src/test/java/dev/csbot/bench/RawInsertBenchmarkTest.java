package dev.csbot.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.csbot.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's yardstick inserts the generated usage rows into a copy of the store's own usage table, in the
 * bench's own temporary store of either kind, which is gone when the bench ends.
 */
@Tag("store")
class RawInsertBenchmarkTest {

    @TempDir
    Path tmp;

    @Test
    void theRawInsertUsesTheStoresUsageTableWithoutItsForeignKeyAndInsertsEveryRowOfEveryFile() throws Exception {
        Path first = tmp.resolve("a").resolve("usage_daily.csv");
        Path second = tmp.resolve("b").resolve("usage_daily.csv");
        Files.createDirectories(first.getParent());
        Files.createDirectories(second.getParent());
        Files.writeString(first, "account_id,date,active_users,events,key_features_used\n"
                + "acme,2026-11-22,40,900,4\nacme,2026-11-23,38,870,4\n");
        Files.writeString(second, "account_id,date,active_users,events,key_features_used\nglobex,2026-11-23,90,2100,7\n");

        BenchStore bench = TestDatabase.postgresPass() ? BenchStore.postgres(TestDatabase.serverUrl(), "", "")
                : BenchStore.sqlite(tmp);
        String storeUrl = bench.databaseUrl() != null ? bench.databaseUrl() : "jdbc:sqlite:" + bench.file();
        try (bench) {
            Flyway.configure().dataSource(storeUrl, null, null).locations("classpath:db/migration").load().migrate();
            List<String> ddl = bench.usageTableDdl();
            RawInsertBenchmark raw = new RawInsertBenchmark(List.of(first, second));
            BenchStore.RawTarget target = bench.rawTargets().get(0);
            long nanos;
            try (Connection connection = target.open()) {
                nanos = raw.run(connection, ddl);
            }
            long again;
            try (Connection connection = target.open()) {
                again = raw.run(connection, ddl); // a second run starts from an empty table again
            }

            if (TestDatabase.postgresPass()) {
                assertThat(ddl).singleElement().asString().startsWith("CREATE TABLE usage_daily (LIKE ")
                        .endsWith(".usage_daily INCLUDING ALL)");
                assertThat(bench.rawTargets()).extracting(BenchStore.RawTarget::label).containsExactly(
                        "raw PostgreSQL batch insert (multi-row)", "raw PostgreSQL batch insert (one row each)");
            } else {
                assertThat(ddl.get(0)).startsWith("CREATE TABLE usage_daily").doesNotContainIgnoringCase("references");
                assertThat(ddl).anySatisfy(sql -> assertThat(sql).startsWith("CREATE INDEX usage_daily_date"));
            }
            assertThat(nanos).isPositive();
            assertThat(again).isPositive();
            assertThat(raw.rows()).isEqualTo(3);
            try (Connection connection = target.open()) {
                Jdbi copy = Jdbi.create(connection);
                List<String> stored = copy.withHandle(h -> h.createQuery("SELECT account_id || ' ' || date || ' ' ||"
                        + " active_users FROM usage_daily ORDER BY account_id, date").mapTo(String.class).list());
                assertThat(stored).containsExactly("acme 2026-11-22 40", "acme 2026-11-23 38", "globex 2026-11-23 90");
                // The copy has the key: the same row twice is refused.
                assertThatThrownBy(() -> copy.useHandle(h -> h.execute("INSERT INTO usage_daily (account_id, date,"
                        + " active_users, events, key_features_used) VALUES ('acme', '2026-11-22', 1, 1, 1)")))
                        .hasMessageContaining("usage_daily");
            }
        }
        if (TestDatabase.postgresPass()) {
            try (Connection connection = java.sql.DriverManager.getConnection(TestDatabase.serverUrl())) {
                String schema = storeUrl.substring(storeUrl.indexOf("currentSchema=") + "currentSchema=".length());
                int left = Jdbi.create(connection).withHandle(h -> h.createQuery("SELECT COUNT(*) FROM"
                        + " information_schema.schemata WHERE schema_name = :schema").bind("schema", schema)
                        .mapTo(Integer.class).one());
                assertThat(left).as("the bench's schema is dropped").isZero();
            }
        }
    }

    @Test
    void aUsageHistoryTooLargeForOneImportFileIsSplitIntoFilesAnImportTakes() throws Exception {
        Path csv = tmp.resolve("csv");
        Files.createDirectories(csv);
        StringBuilder rows = new StringBuilder("account_id,date,active_users,events,key_features_used\n");
        for (int i = 0; i < 5; i++) {
            rows.append("acme,2026-11-0").append(i + 1).append(",1,1,1\n");
        }
        Files.writeString(csv.resolve("usage_daily.csv"), rows);

        assertThat(BenchCommand.splitUsage(csv, tmp, 10)).containsExactly(csv.resolve("usage_daily.csv"));
        List<Path> parts = BenchCommand.splitUsage(csv, tmp, 2);

        assertThat(parts).hasSize(3).allSatisfy(part -> assertThat(Files.readAllLines(part).get(0))
                .isEqualTo("account_id,date,active_users,events,key_features_used"));
        assertThat(parts.stream().mapToLong(part -> uncheckedLines(part) - 1).sum()).isEqualTo(5);
        assertThat(csv.resolve("usage_daily.csv")).doesNotExist();
    }

    private static long uncheckedLines(Path file) {
        try {
            return Files.readAllLines(file).size();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
