package dev.csbot.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.csbot.support.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's yardstick inserts the demo's usage rows into a copy of the store's own usage table. */
@Tag("store")
class RawInsertBenchmarkTest {

    @TempDir
    Path tmp;

    @Test
    void theRawInsertUsesTheStoresUsageTableWithoutItsForeignKeyAndInsertsEveryRow() throws Exception {
        TestStore store = new TestStore(tmp.resolve("store.db"));
        LocalDate today = LocalDate.parse("2026-11-23");
        DemoService demo = new DemoService(store.jdbi, Clock.fixed(today.atStartOfDay().toInstant(ZoneOffset.UTC),
                ZoneOffset.UTC));
        DemoPortfolio portfolio = new DemoPortfolio(15, 40, 42, today);

        List<String> ddl = demo.usageTableDdl();
        RawInsertBenchmark raw = new RawInsertBenchmark(portfolio);
        TestDatabase target = store.database.isPostgres() ? TestDatabase.fresh("raw")
                : TestDatabase.sqlite(tmp.resolve("raw.db"));
        long nanos;
        try (Connection connection = target.connect()) {
            nanos = raw.run(connection, ddl);
        }
        long again;
        try (Connection connection = target.connect()) {
            again = raw.run(connection, ddl); // a second run starts from an empty table again
        }

        if (store.database.isPostgres()) {
            assertThat(ddl).singleElement().asString().startsWith("CREATE TABLE usage_daily (LIKE ")
                    .endsWith(".usage_daily INCLUDING ALL)");
        } else {
            assertThat(ddl.get(0)).startsWith("CREATE TABLE usage_daily").doesNotContainIgnoringCase("references");
            assertThat(ddl).anySatisfy(sql -> assertThat(sql).startsWith("CREATE INDEX usage_daily_date"));
        }
        assertThat(nanos).isPositive();
        assertThat(again).isPositive();
        assertThat(raw.rows()).isEqualTo(portfolio.usageRows());
        Jdbi copy = target.jdbi();
        long stored = copy.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM usage_daily").mapTo(Long.class).one());
        assertThat(stored).isEqualTo(raw.rows());
        // The copy has the key: the same row twice is refused.
        String duplicate = copy.withHandle(h -> {
            try {
                h.execute("INSERT INTO usage_daily (account_id, date, active_users, events, key_features_used)"
                        + " SELECT account_id, date, active_users, events, key_features_used FROM usage_daily LIMIT 1");
                return "inserted";
            } catch (RuntimeException e) {
                return "refused";
            }
        });
        assertThat(duplicate).isEqualTo("refused");
    }
}
