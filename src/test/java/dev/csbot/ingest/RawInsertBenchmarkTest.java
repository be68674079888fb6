package dev.csbot.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's yardstick inserts the demo's usage rows into a copy of the store's own usage table. */
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
        long nanos = raw.run(tmp.resolve("raw.db"), ddl);

        assertThat(ddl.get(0)).startsWith("CREATE TABLE usage_daily").doesNotContainIgnoringCase("references");
        assertThat(ddl).anySatisfy(sql -> assertThat(sql).startsWith("CREATE INDEX usage_daily_date"));
        assertThat(nanos).isPositive();
        assertThat(raw.rows()).isEqualTo(portfolio.usageRows());
        long stored = Jdbi.create("jdbc:sqlite:" + tmp.resolve("raw.db")).withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM usage_daily").mapTo(Long.class).one());
        assertThat(stored).isEqualTo(raw.rows());
    }
}
