package dev.csbot.cli;

import dev.csbot.ingest.DemoService;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@code csbot demo [--accounts N] [--days D] [--seed S] [--out DIR]}: the demo portfolio, loaded or as CSV. */
@Component
class DemoCommand {

    private final DemoService demo;

    DemoCommand(DemoService demo) {
        this.demo = demo;
    }

    int run(int accounts, int days, long seed, Path out, PrintWriter stdout, PrintWriter stderr) {
        if (accounts < 1 || days < 1) {
            stderr.println("csbot: --accounts and --days must be at least 1");
            return CsbotCli.USAGE_ERROR;
        }
        DemoService.Generated generated;
        if (out != null) {
            try {
                generated = demo.writeCsv(accounts, days, seed, out);
            } catch (IOException e) {
                stderr.println("csbot: cannot write the demo CSV files to " + out + ": " + e.getMessage());
                return 1;
            }
            stdout.printf(Locale.ROOT, "Wrote the demo portfolio as CSV files to %s (seed %d, %d days through %s):%n",
                    out, seed, days, generated.through());
        } else {
            generated = demo.load(accounts, days, seed);
            stdout.printf(Locale.ROOT, "Loaded the demo portfolio into the store (seed %d, %d days through %s):%n",
                    seed, days, generated.through());
        }
        for (Map.Entry<String, Long> file : generated.rows().entrySet()) {
            stdout.printf(Locale.US, "  %-18s %,d rows%n", file.getKey(), file.getValue());
        }
        stdout.printf(Locale.US, "%,d rows in %.1f s%n", generated.total(), generated.millis() / 1000.0);
        stdout.flush();
        return 0;
    }
}
