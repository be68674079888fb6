package dev.csbot.cli;

import dev.csbot.chat.Caller;
import dev.csbot.chat.ChatRequest;
import dev.csbot.chat.ChatService;
import dev.csbot.chat.Conversation;
import dev.csbot.chat.Reply;
import dev.csbot.health.HealthService;
import dev.csbot.ingest.CsvImport;
import dev.csbot.ingest.DemoPortfolio;
import dev.csbot.ingest.DemoService;
import dev.csbot.ingest.ImportReport;
import dev.csbot.ingest.RawInsertBenchmark;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.springframework.stereotype.Component;

/**
 * {@code csbot bench}: on a fresh temporary store (SQLite, or PostgreSQL with CSBOT_DATABASE_URL), generates the
 * portfolio as CSV, imports it through the import's own code, measures the raw batch-insert rate of the same store
 * beside it, then times /health and /risks through
 * {@link ChatService}, the path every channel takes. Prints one table with PASS/MISS per goal.
 */
@Component
class BenchCommand {

    static final double IMPORT_RATIO_GOAL = 0.5;
    static final double HEALTH_P99_GOAL_MS = 20;
    static final double RISKS_GOAL_MS = 1000;

    private final DemoService demo;
    private final CsvImport csvImport;
    private final ChatService chat;
    private final Clock clock;
    private final HealthService healthService;

    BenchCommand(DemoService demo, CsvImport csvImport, ChatService chat, Clock clock, HealthService health) {
        this.healthService = health;
        this.demo = demo;
        this.csvImport = csvImport;
        this.chat = chat;
        this.clock = clock;
    }

    int run(int accounts, int days, int samples, Path workDir, List<BenchStore.RawTarget> raw, PrintWriter out) {
        if (accounts < 1 || days < 1 || samples < 1) {
            out.println("csbot: --accounts, --days and --samples must be at least 1");
            return CsbotCli.USAGE_ERROR;
        }
        try {
            return bench(accounts, days, samples, workDir, raw, out);
        } catch (Exception e) {
            throw new IllegalStateException("bench failed: " + e.getMessage(), e);
        }
    }

    private int bench(int accounts, int days, int samples, Path workDir, List<BenchStore.RawTarget> rawTargets,
            PrintWriter out) throws Exception {
        out.printf(Locale.US, "csbot bench: %,d accounts x %,d days, %,d /health samples, in %s%n", accounts, days,
                samples, workDir);
        out.printf(Locale.US, "Java %s, %d processors, max heap %,d MB%n%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024));
        out.flush();

        Path csv = workDir.resolve("csv");
        DemoService.Generated generated = demo.writeCsv(accounts, days, DemoPortfolio.DEFAULT_SEED, csv);
        out.printf(Locale.US, "generated %,d rows as CSV in %.1f s%n", generated.total(), generated.millis() / 1000.0);
        out.flush();

        List<String> problems = new ArrayList<>();
        ImportReport report = csvImport.importDirectory(csv, "bench", problems::add);
        if (report.anyRejected()) {
            problems.stream().limit(20).forEach(out::println);
            out.println("csbot: the generated files did not import; no numbers to report");
            return 1;
        }
        ImportReport.FileOutcome usage = report.files().stream()
                .filter(f -> f.fileName().equals("usage_daily.csv")).findFirst().orElseThrow();
        long totalMillis = report.files().stream().mapToLong(ImportReport.FileOutcome::millis).sum();
        double usageRate = rate(usage.rows(), usage.millis() * 1_000_000L);
        double overallRate = rate(report.importedRows(), totalMillis * 1_000_000L);
        out.printf(Locale.US, "imported %,d rows in %.1f s%n", report.importedRows(), totalMillis / 1000.0);
        out.flush();

        RawInsertBenchmark raw = new RawInsertBenchmark(new DemoPortfolio(accounts, days, DemoPortfolio.DEFAULT_SEED,
                LocalDate.now(clock)));
        List<String> ddl = demo.usageTableDdl();
        List<String> rawRows = new ArrayList<>();
        double rawRate = 0;
        for (BenchStore.RawTarget target : rawTargets) {
            long rawNanos;
            try (java.sql.Connection connection = target.open()) {
                rawNanos = raw.run(connection, ddl);
            }
            double targetRate = rate(raw.rows(), rawNanos);
            if (rawRows.isEmpty()) {
                rawRate = targetRate;
            }
            rawRows.add(target.label());
            rawRows.add(String.format(Locale.US, "%,.0f", targetRate));
            out.printf(Locale.US, "%s of the same %,d usage rows in %.1f s%n", target.label(), raw.rows(),
                    rawNanos / 1e9);
            out.flush();
        }

        Caller operator = Caller.internal("bench", null, "bench");
        List<String> ids = csvImport.accountIds();
        Random random = new Random(42);
        for (int i = 0; i < Math.min(500, samples); i++) {
            ask("/health " + ids.get(random.nextInt(ids.size())), operator);
        }
        long[] health = new long[samples];
        for (int i = 0; i < samples; i++) {
            String id = ids.get(random.nextInt(ids.size()));
            long started = System.nanoTime();
            ask("/health " + id, operator);
            health[i] = System.nanoTime() - started;
        }
        Arrays.sort(health);
        double p50 = percentile(health, 0.50) / 1e6;
        double p99 = percentile(health, 0.99) / 1e6;

        // Right after a write every score must be computed again: the first /risks pays for it.
        long[] cold = new long[3];
        for (int i = 0; i < cold.length; i++) {
            long started = System.nanoTime();
            healthService.scoreAll(LocalDate.now(clock));
            cold[i] = System.nanoTime() - started;
        }
        Arrays.sort(cold);
        double coldMedian = cold[cold.length / 2] / 1e6;
        ask("/risks", operator);
        ask("/risks", operator);
        long[] risks = new long[5];
        for (int i = 0; i < risks.length; i++) {
            long started = System.nanoTime();
            ask("/risks", operator);
            risks[i] = System.nanoTime() - started;
        }
        Arrays.sort(risks);
        double risksMedian = risks[risks.length / 2] / 1e6;

        double ratio = overallRate / rawRate;
        double usageRatio = usageRate / rawRate;
        out.println();
        out.printf(Locale.US, "%-44s %16s %18s %s%n", "measure", "result", "goal", "");
        out.printf(Locale.US, "%-44s %16s %18s %s%n", "-".repeat(44), "-".repeat(16), "-".repeat(18), "----");
        row(out, "import usage_daily.csv (rows/s)", String.format(Locale.US, "%,.0f", usageRate), "", "");
        row(out, "import, all 7 files (rows/s)", String.format(Locale.US, "%,.0f", overallRate), "", "");
        for (int i = 0; i < rawRows.size(); i += 2) {
            row(out, rawRows.get(i) + " (rows/s)", rawRows.get(i + 1), "", "");
        }
        row(out, "import usage_daily.csv / raw", String.format(Locale.US, "%.2f", usageRatio),
                ">= " + IMPORT_RATIO_GOAL, verdict(usageRatio >= IMPORT_RATIO_GOAL));
        row(out, "import all files / raw", String.format(Locale.US, "%.2f", ratio), ">= " + IMPORT_RATIO_GOAL,
                verdict(ratio >= IMPORT_RATIO_GOAL));
        row(out, "/health p50, scored from the store (ms)", String.format(Locale.US, "%.2f", p50), "", "");
        row(out, "/health p99, scored from the store (ms)", String.format(Locale.US, "%.2f", p99), "< " + (int) HEALTH_P99_GOAL_MS,
                verdict(p99 < HEALTH_P99_GOAL_MS));
        row(out, "/risks over " + String.format(Locale.US, "%,d", accounts) + " accounts, median of 5 (ms)",
                String.format(Locale.US, "%.0f", risksMedian), "< " + (int) RISKS_GOAL_MS,
                verdict(risksMedian < RISKS_GOAL_MS));
        row(out, "  of which scoring the whole book after a write (ms)", String.format(Locale.US, "%.0f", coldMedian),
                "< " + (int) RISKS_GOAL_MS, verdict(coldMedian < RISKS_GOAL_MS));
        out.flush();
        return 0;
    }

    private void ask(String text, Caller caller) {
        Reply reply = chat.handle(new ChatRequest(text, caller, Conversation.cli()));
        if (reply.status() != Reply.Status.ANSWER) {
            throw new IllegalStateException("'" + text + "' did not answer: " + reply.title());
        }
    }

    private static double rate(long rows, long nanos) {
        return nanos == 0 ? 0 : rows / (nanos / 1e9);
    }

    private static long percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String verdict(boolean pass) {
        return pass ? "PASS" : "MISS";
    }

    private static void row(PrintWriter out, String measure, String result, String goal, String verdict) {
        out.printf(Locale.US, "%-44s %16s %18s %s%n", measure, result, goal, verdict);
    }

    static Path workDirectory() throws java.io.IOException {
        return Files.createTempDirectory("csbot-bench");
    }

    /** The generated files and stores are large; they go when the run ends. */
    static void deleteWorkDirectory(Path workDir) throws java.io.IOException {
        try (var paths = Files.walk(workDir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
