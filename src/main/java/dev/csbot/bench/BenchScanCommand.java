package dev.csbot.bench;

import dev.csbot.account.AccountRepository;
import dev.csbot.alerts.AlertService;
import dev.csbot.alerts.ScanResult;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code csbot bench-scan --db PATH}: times a full alert scan of a store (the goal: 10,000 accounts x 365 days
 * in under 2 s). Dry runs by default, so the store is left as it was; {@code --commit} also times a scan that
 * writes (the first raises everything, the second finds nothing new).
 */
@Command(name = "bench-scan", mixinStandardHelpOptions = true, description = "Time a full alert scan of a store"
        + " (make one with: csbot demo --db PATH --accounts 10000 --days 365).")
public final class BenchScanCommand implements Callable<Integer> {

    @Option(names = "--db", paramLabel = "PATH", description = "the SQLite store to scan (with CSBOT_DATABASE_URL set,"
            + " that PostgreSQL database instead)")
    Path db;

    @Option(names = "--samples", defaultValue = "5", description = "timed dry-run scans after one warm-up (default 5)")
    int samples;

    @Option(names = "--commit", description = "then time two committing scans (writes alerts and outbox rows)")
    boolean commit;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        java.util.Optional<ExistingStore> store = ExistingStore.of(db);
        if (store.isEmpty() || samples < 1) {
            spec.commandLine().getErr().println("csbot: bench-scan needs an existing store (--db) and --samples >= 1;"
                    + " make one with: csbot demo --db " + (db == null ? "PATH" : db) + " --accounts 10000 --days 365");
            return 2;
        }
        try (ConfigurableApplicationContext context = store.get().open()) {
            AlertService alerts = context.getBean(AlertService.class);
            int accounts = context.getBean(AccountRepository.class).findAll().size();
            out.printf(Locale.ROOT, "Store %s: %,d accounts; scanning as of %s on %d cores%n",
                    store.get().label(), accounts,
                    alerts.today(), Runtime.getRuntime().availableProcessors());
            ScanResult warm = timed(out, "warm-up dry run", () -> alerts.scan(alerts.today(), true));
            List<Long> millis = new ArrayList<>();
            List<Long> cpuMillis = new ArrayList<>();
            for (int i = 1; i <= samples; i++) {
                long cpu = processCpuNanos();
                long started = System.nanoTime();
                alerts.scan(alerts.today(), true);
                millis.add((System.nanoTime() - started) / 1_000_000);
                cpuMillis.add((processCpuNanos() - cpu) / 1_000_000);
            }
            List<Long> sorted = millis.stream().sorted().toList();
            List<Long> cpu = cpuMillis.stream().sorted().toList();
            out.printf(Locale.ROOT, "full scan, dry run: best %d ms, median %d ms, worst %d ms over %d runs"
                    + " (%,d findings, %,d messages it would post)%n", sorted.get(0), sorted.get(sorted.size() / 2),
                    sorted.get(sorted.size() - 1), samples, warm.lines().size(), warm.messages());
            // On a shared machine the wall clock depends on the neighbours; the CPU the scan used much less so.
            out.printf(Locale.ROOT, "CPU time of the process per scan: least %d ms, median %d ms (all threads: the"
                    + " book's parts, the database, GC)%n", cpu.get(0), cpu.get(cpu.size() / 2));
            if (commit) {
                timed(out, "committing scan", () -> alerts.scan(alerts.today(), false));
                timed(out, "committing scan again (nothing new)", () -> alerts.scan(alerts.today(), false));
            }
            Runtime runtime = Runtime.getRuntime();
            System.gc();
            out.printf(Locale.ROOT, "heap in use after the scans: %d MB (max %d MB)%n",
                    (runtime.totalMemory() - runtime.freeMemory()) >> 20, runtime.maxMemory() >> 20);
            out.flush();
            return 0;
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static ScanResult timed(PrintWriter out, String what, java.util.function.Supplier<ScanResult> scan) {
        long started = System.nanoTime();
        ScanResult result = scan.get();
        out.printf(Locale.ROOT, "%s: %d ms (%,d new, %,d worse, %,d open, %,d resolved)%n", what,
                (System.nanoTime() - started) / 1_000_000, result.count("new"), result.count("worse"),
                result.count("open"), result.count("resolved"));
        out.flush();
        return result;
    }
}
