package dev.csbot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's yardstick inserts the generated usage rows into a copy of the store's own usage table. */
class RawInsertBenchmarkTest {

    @TempDir
    Path tmp;

    @Test
    void theRawInsertUsesTheStoresUsageTableWithoutItsForeignKeyAndInsertsEveryRow() throws Exception {
        Path store = tmp.resolve("store.db");
        Flyway.configure().dataSource("jdbc:sqlite:" + store, null, null).locations("classpath:db/migration").load()
                .migrate();
        Path csv = tmp.resolve("usage_daily.csv");
        Files.writeString(csv, "account_id,date,active_users,events,key_features_used\n"
                + "acme,2026-11-22,40,900,4\nacme,2026-11-23,38,870,4\nglobex,2026-11-23,90,2100,7\n");

        List<String> ddl = RawInsertBenchmark.usageTableDdl(store);
        RawInsertBenchmark raw = new RawInsertBenchmark(csv);
        long nanos = raw.run(tmp.resolve("raw.db"), ddl);

        assertThat(ddl.get(0)).startsWith("CREATE TABLE usage_daily").doesNotContainIgnoringCase("references");
        assertThat(ddl).anySatisfy(sql -> assertThat(sql).startsWith("CREATE INDEX usage_daily_date"));
        assertThat(nanos).isPositive();
        assertThat(raw.rows()).isEqualTo(3);
        List<String> stored = Jdbi.create("jdbc:sqlite:" + tmp.resolve("raw.db")).withHandle(h -> h.createQuery(
                "SELECT account_id || ' ' || date || ' ' || active_users FROM usage_daily ORDER BY account_id, date")
                .mapTo(String.class).list());
        assertThat(stored).containsExactly("acme 2026-11-22 40", "acme 2026-11-23 38", "globex 2026-11-23 90");
    }
}
