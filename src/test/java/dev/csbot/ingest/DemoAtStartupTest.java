package dev.csbot.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve --demo} fills an empty store once; a store with data, or a plain start, gets nothing. */
@Tag("store")
class DemoAtStartupTest {

    @TempDir
    Path tmp;

    private DemoService demo(TestStore store) {
        return new DemoService(store.jdbi, Clock.fixed(LocalDate.parse("2026-11-23").atStartOfDay()
                .toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
    }

    @Test
    void anEmptyStoreGetsTheDemoPortfolioWhenAskedFor() {
        TestStore store = new TestStore(tmp.resolve("store.db"));

        new DemoAtStartup(demo(store), true).run(null);

        assertThat(store.count("accounts")).isEqualTo(DemoPortfolio.DEFAULT_ACCOUNTS);
        assertThat(store.count("usage_daily")).isGreaterThan(50_000);
        assertThat(store.rows("SELECT name FROM accounts WHERE account_id IN ('acme', 'globex', 'initech')"
                + " ORDER BY account_id")).extracting(row -> row.get("name"))
                .containsExactly("Acme", "Globex", "Initech");
        assertThat(new StoreMetadata(store.jdbi).demoPortfolio()).contains("200 accounts, 365 days through 2026-11-23,"
                + " seed 42");
    }

    @Test
    void aStoreThatAlreadyHoldsAccountsIsLeftAlone() throws Exception {
        TestStore store = new TestStore(tmp.resolve("store.db"));
        Path csv = Files.createDirectories(tmp.resolve("csv"));
        CsvRows.write(csv, "accounts.csv", CsvRows.account("umbrella"));
        store.csvImport().importDirectory(csv, "test", problem -> { });

        new DemoAtStartup(demo(store), true).run(null);

        assertThat(store.count("accounts")).isEqualTo(1);
        assertThat(new StoreMetadata(store.jdbi).demoPortfolio()).isEmpty();
    }

    @Test
    void aPlainStartNeverInventsData() {
        TestStore store = new TestStore(tmp.resolve("store.db"));

        new DemoAtStartup(demo(store), false).run(null);

        assertThat(store.count("accounts")).isZero();
    }
}
