package dev.csbot.cli;

import dev.csbot.ingest.DemoService;
import dev.csbot.ingest.StoreMetadata;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code csbot demo [--accounts N] [--days D] [--seed S] [--out DIR]}: the demo portfolio, loaded or as CSV. It
 * is never loaded into a store that holds accounts of its own (real data): demo and real accounts never mix.
 */
@Component
class DemoCommand {

    private final DemoService demo;
    private final StoreMetadata store;

    DemoCommand(DemoService demo, StoreMetadata store) {
        this.demo = demo;
        this.store = store;
    }

    int run(int accounts, int days, long seed, StoreLocation location, PrintWriter stdout, PrintWriter stderr) {
        if (accounts < 1 || days < 1) {
            stderr.println("csbot: --accounts and --days must be at least 1");
            return CsbotCli.USAGE_ERROR;
        }
        long existing = store.accounts();
        if (existing > 0 && store.demoPortfolio().isEmpty()) {
            stderr.printf(Locale.US, "csbot: the store %s holds %,d accounts that are not the demo's; the demo is not"
                    + " loaded beside real data. Load it into a store of its own: %s%n", location.describe(), existing,
                    location.sqlite() ? "csbot demo (./data/demo.db) or --db OTHER.db"
                            : "another database (CSBOT_DATABASE_URL), or a SQLite file with CSBOT_DATABASE_URL unset");
            return 1;
        }
        DemoService.Generated generated = demo.load(accounts, days, seed);
        stdout.printf(Locale.ROOT, "Loaded the demo portfolio into %s (seed %d, %d days through %s):%n",
                location.describe(), seed, days, generated.through());
        return summary(generated, stdout);
    }

    /** {@code --out DIR}: the seven CSV files of the import format, without opening any store. */
    static int writeCsv(int accounts, int days, long seed, Path out, Clock clock, PrintWriter stdout,
            PrintWriter stderr) {
        if (accounts < 1 || days < 1) {
            stderr.println("csbot: --accounts and --days must be at least 1");
            return CsbotCli.USAGE_ERROR;
        }
        DemoService.Generated generated;
        try {
            generated = DemoService.writeCsv(accounts, days, seed, out, clock);
        } catch (IOException e) {
            stderr.println("csbot: cannot write the demo CSV files to " + out + ": " + e.getMessage());
            return 1;
        }
        stdout.printf(Locale.ROOT, "Wrote the demo portfolio as CSV files to %s (seed %d, %d days through %s):%n",
                out, seed, days, generated.through());
        return summary(generated, stdout);
    }

    private static int summary(DemoService.Generated generated, PrintWriter stdout) {
        for (Map.Entry<String, Long> file : generated.rows().entrySet()) {
            stdout.printf(Locale.US, "  %-18s %,d rows%n", file.getKey(), file.getValue());
        }
        stdout.printf(Locale.US, "%,d rows in %.1f s%n", generated.total(), generated.millis() / 1000.0);
        stdout.flush();
        return 0;
    }
}
