package dev.csbot.bench;

import dev.csbot.account.Account;
import dev.csbot.account.AccountRepository;
import dev.csbot.ingest.CsvImport;
import dev.csbot.ingest.DemoPortfolio;
import dev.csbot.ingest.DemoService;
import dev.csbot.ingest.ImportReport;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.springframework.stereotype.Component;

/**
 * {@code csbot bench}: on a fresh temporary store (SQLite, or PostgreSQL schemas with CSBOT_DATABASE_URL), generates
 * the portfolio as CSV, imports it through the import's own code, measures the raw batch-insert rate of the same
 * store beside it, then times /health and /risks through {@link ChatService}, the path every channel takes,
 * including the first /risks after a write of one account and after a write of the whole book. Prints one table
 * with PASS/MISS per goal.
 */
@Component
public class BenchCommand {

    static final double IMPORT_RATIO_GOAL = 0.5;
    static final double HEALTH_P99_GOAL_MS = 20;
    static final double RISKS_GOAL_MS = 1000;
    /** Issue 12's goal for the first /risks after a write, for books past 10,000 accounts. */
    static final double RISKS_AFTER_WRITE_AT_SCALE_GOAL_MS = 5000;
    /**
     * An import file may hold at most 20,000,000 rows and 1 GiB; a larger usage history is imported in files of
     * this many rows, one import each, as a user would split it.
     */
    static final int USAGE_ROWS_PER_FILE = 10_000_000;
    static final int USAGE_ERROR = 2;

    private final DemoService demo;
    private final CsvImport csvImport;
    private final AccountRepository accounts;
    private final RisksAfterWrites risksAfterWrites;

    BenchCommand(DemoService demo, CsvImport csvImport, AccountRepository accounts, RisksAfterWrites risksAfterWrites) {
        this.demo = demo;
        this.csvImport = csvImport;
        this.accounts = accounts;
        this.risksAfterWrites = risksAfterWrites;
    }

    /** @param store the temporary store the context runs on (the raw insert copies its usage table) */
    public int run(int accountCount, int days, int samples, Path workDir, BenchStore store, PrintWriter out) {
        if (accountCount < 1 || days < 1 || samples < 1) {
            out.println("csbot: --accounts, --days and --samples must be at least 1");
            return USAGE_ERROR;
        }
        try {
            return bench(accountCount, days, samples, workDir, store, out);
        } catch (Exception e) {
            throw new IllegalStateException("bench failed: " + e.getMessage(), e);
        }
    }

    private int bench(int accountCount, int days, int samples, Path workDir, BenchStore store, PrintWriter out)
            throws Exception {
        out.printf(Locale.US, "csbot bench: %,d accounts x %,d days, %,d /health samples, in %s%n", accountCount, days,
                samples, workDir);
        out.printf(Locale.US, "Java %s, %d processors, max heap %,d MB%n%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024));
        out.flush();

        Path csv = workDir.resolve("csv");
        DemoService.Generated generated = demo.writeCsv(accountCount, days, DemoPortfolio.DEFAULT_SEED, csv);
        out.printf(Locale.US, "generated %,d rows as CSV in %.1f s%n", generated.total(), generated.millis() / 1000.0);
        out.flush();

        List<Path> usageFiles = splitUsage(csv, workDir, USAGE_ROWS_PER_FILE);
        List<String> problems = new ArrayList<>();
        List<ImportReport.FileOutcome> files = new ArrayList<>();
        List<Path> directories = new ArrayList<>(List.of(csv));
        usageFiles.stream().filter(file -> !file.getParent().equals(csv)).forEach(file -> directories.add(file.getParent()));
        for (Path directory : directories) {
            ImportReport report = csvImport.importDirectory(directory, "bench", problems::add);
            if (report.anyRejected()) {
                problems.stream().limit(20).forEach(out::println);
                out.println("csbot: the generated files did not import; no numbers to report");
                return 1;
            }
            files.addAll(report.files());
        }
        List<ImportReport.FileOutcome> usage = files.stream().filter(f -> f.fileName().equals("usage_daily.csv"))
                .toList();
        long usageRows = usage.stream().mapToLong(ImportReport.FileOutcome::rows).sum();
        long usageMillis = usage.stream().mapToLong(ImportReport.FileOutcome::millis).sum();
        long importedRows = files.stream().mapToLong(ImportReport.FileOutcome::rows).sum();
        long totalMillis = files.stream().mapToLong(ImportReport.FileOutcome::millis).sum();
        double usageRate = rate(usageRows, usageMillis * 1_000_000L);
        double overallRate = rate(importedRows, totalMillis * 1_000_000L);
        out.printf(Locale.US, "imported %,d rows in %.1f s (usage_daily.csv in %d file(s))%n", importedRows,
                totalMillis / 1000.0, usage.size());
        out.flush();
        // The import's alert evaluation (the whole book) is not what the /health and raw-insert rows measure.
        risksAfterWrites.settle();

        RawInsertBenchmark raw = new RawInsertBenchmark(usageFiles);
        List<String> ddl = store.usageTableDdl();
        List<String[]> rawRows = new ArrayList<>();
        double rawRate = 0;
        for (BenchStore.RawTarget target : store.rawTargets()) {
            long rawNanos;
            try (java.sql.Connection connection = target.open()) {
                rawNanos = raw.run(connection, ddl);
            }
            double targetRate = rate(raw.rows(), rawNanos);
            if (rawRows.isEmpty()) {
                rawRate = targetRate;
            }
            rawRows.add(new String[] {target.label(), String.format(Locale.US, "%,.0f", targetRate)});
            out.printf(Locale.US, "%s of the same %,d usage rows in %.1f s%n", target.label(), raw.rows(),
                    rawNanos / 1e9);
            out.flush();
        }

        List<String> ids = accounts.findAll().stream().map(Account::id).sorted().toList();
        Random random = new Random(42);
        risksAfterWrites.ask("/risks"); // the first ranking after the import, so /health below is timed on its own
        for (int i = 0; i < Math.min(500, samples); i++) {
            risksAfterWrites.ask("/health " + ids.get(random.nextInt(ids.size())));
        }
        long[] healthNanos = new long[samples];
        for (int i = 0; i < samples; i++) {
            String id = ids.get(random.nextInt(ids.size()));
            healthNanos[i] = RisksAfterWrites.timed(() -> risksAfterWrites.ask("/health " + id));
        }
        Arrays.sort(healthNanos);
        double p50 = percentile(healthNanos, 0.50) / 1e6;
        double p99 = percentile(healthNanos, 0.99) / 1e6;

        RisksAfterWrites.Times risks = risksAfterWrites.measure(ids, random);
        long heap = heapInUseMegabytes();

        double ratio = overallRate / rawRate;
        double usageRatio = usageRate / rawRate;
        out.println();
        out.printf(Locale.US, "%-52s %14s %10s %s%n", "measure", "result", "goal", "");
        out.printf(Locale.US, "%-52s %14s %10s %s%n", "-".repeat(52), "-".repeat(14), "-".repeat(10), "----");
        row(out, "import usage_daily.csv (rows/s)", String.format(Locale.US, "%,.0f", usageRate), "", "");
        row(out, "import, all 7 files (rows/s)", String.format(Locale.US, "%,.0f", overallRate), "", "");
        for (String[] rawRow : rawRows) {
            row(out, rawRow[0] + " (rows/s)", rawRow[1], "", "");
        }
        row(out, "import usage_daily.csv / raw", String.format(Locale.US, "%.2f", usageRatio),
                ">= " + IMPORT_RATIO_GOAL, verdict(usageRatio >= IMPORT_RATIO_GOAL));
        row(out, "import all files / raw", String.format(Locale.US, "%.2f", ratio), ">= " + IMPORT_RATIO_GOAL,
                verdict(ratio >= IMPORT_RATIO_GOAL));
        row(out, "/health p50, scored from the store (ms)", String.format(Locale.US, "%.2f", p50), "", "");
        row(out, "/health p99, scored from the store (ms)", String.format(Locale.US, "%.2f", p99),
                "< " + (int) HEALTH_P99_GOAL_MS, verdict(p99 < HEALTH_P99_GOAL_MS));
        RisksAfterWrites.print(out, risks, ids.size());
        row(out, "heap in use after a full GC (MB)", String.format(Locale.US, "%,d", heap), "", "");
        out.flush();
        return 0;
    }

    /**
     * The generated usage_daily.csv as files an import takes: itself when it is small enough, else parts of
     * {@code rowsPerFile} rows in directories of their own (the original removed).
     */
    static List<Path> splitUsage(Path csv, Path workDir, long rowsPerFile) throws java.io.IOException {
        Path usage = csv.resolve("usage_daily.csv");
        long rows;
        try (var lines = Files.lines(usage, java.nio.charset.StandardCharsets.UTF_8)) {
            rows = lines.count() - 1;
        }
        if (rows <= rowsPerFile) {
            return List.of(usage);
        }
        List<Path> parts = new ArrayList<>();
        try (java.io.BufferedReader in = Files.newBufferedReader(usage, java.nio.charset.StandardCharsets.UTF_8)) {
            String header = in.readLine();
            java.io.BufferedWriter part = null;
            long inPart = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (part == null || inPart == rowsPerFile) {
                    if (part != null) {
                        part.close();
                    }
                    Path file = workDir.resolve("csv-usage-" + (parts.size() + 1)).resolve("usage_daily.csv");
                    Files.createDirectories(file.getParent());
                    parts.add(file);
                    part = Files.newBufferedWriter(file, java.nio.charset.StandardCharsets.UTF_8);
                    part.write(header);
                    part.write('\n');
                    inPart = 0;
                }
                part.write(line);
                part.write('\n');
                inPart++;
            }
            if (part != null) {
                part.close();
            }
        }
        Files.delete(usage);
        return parts;
    }

    private static long heapInUseMegabytes() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }

    private static double rate(long rows, long nanos) {
        return nanos == 0 ? 0 : rows / (nanos / 1e9);
    }

    private static long percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static String verdict(boolean pass) {
        return pass ? "PASS" : "MISS";
    }

    static void row(PrintWriter out, String measure, String result, String goal, String verdict) {
        out.printf(Locale.US, "%-52s %14s %10s %s%n", measure, result, goal, verdict);
    }

    public static Path workDirectory() throws java.io.IOException {
        return Files.createTempDirectory("csbot-bench");
    }

    /** The generated files and stores are large; they go when the run ends. */
    public static void deleteWorkDirectory(Path workDir) throws java.io.IOException {
        try (var paths = Files.walk(workDir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
