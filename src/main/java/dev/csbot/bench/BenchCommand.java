package dev.csbot.bench;

import dev.csbot.account.Account;
import dev.csbot.account.AccountRepository;
import dev.csbot.alerts.AlertsOnPortfolioChange;
import dev.csbot.chat.Caller;
import dev.csbot.chat.ChatRequest;
import dev.csbot.chat.ChatService;
import dev.csbot.chat.Conversation;
import dev.csbot.chat.Reply;
import dev.csbot.health.HealthService;
import dev.csbot.ingest.CsvImport;
import dev.csbot.ingest.Dataset;
import dev.csbot.ingest.DemoPortfolio;
import dev.csbot.ingest.DemoService;
import dev.csbot.ingest.ImportReport;
import dev.csbot.ingest.RestIngest;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    private final RestIngest restIngest;
    private final ChatService chat;
    private final AccountRepository accounts;
    private final HealthService health;
    private final Clock clock;
    private final AlertsOnPortfolioChange alertEvaluations;

    BenchCommand(DemoService demo, CsvImport csvImport, RestIngest restIngest, ChatService chat,
            AccountRepository accounts, HealthService health, Clock clock, AlertsOnPortfolioChange alertEvaluations) {
        this.alertEvaluations = alertEvaluations;
        this.demo = demo;
        this.csvImport = csvImport;
        this.restIngest = restIngest;
        this.chat = chat;
        this.accounts = accounts;
        this.health = health;
        this.clock = clock;
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
        settle();

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

        Caller operator = Caller.internal("bench", null, "bench");
        List<String> ids = accounts.findAll().stream().map(Account::id).sorted().toList();
        Random random = new Random(42);
        ask("/risks", operator); // the first ranking after the import, so /health below is timed on its own
        for (int i = 0; i < Math.min(500, samples); i++) {
            ask("/health " + ids.get(random.nextInt(ids.size())), operator);
        }
        long[] healthNanos = new long[samples];
        for (int i = 0; i < samples; i++) {
            String id = ids.get(random.nextInt(ids.size()));
            healthNanos[i] = timed(() -> ask("/health " + id, operator));
        }
        Arrays.sort(healthNanos);
        double p50 = percentile(healthNanos, 0.50) / 1e6;
        double p99 = percentile(healthNanos, 0.99) / 1e6;

        // Ranked again with no reuse at all: the whole book in one pass, as a scan of every account would be.
        // Twice untimed first, as the /health samples are warmed up: the running service ranks many times a day.
        health.scoreAll(LocalDate.now(clock));
        health.scoreAll(LocalDate.now(clock));
        long[] book = new long[3];
        for (int i = 0; i < book.length; i++) {
            book[i] = timed(() -> health.scoreAll(LocalDate.now(clock)));
        }
        double bookMedian = median(book);

        ask("/risks", operator);
        long[] risks = new long[5];
        for (int i = 0; i < risks.length; i++) {
            risks[i] = timed(() -> ask("/risks", operator));
        }
        double risksMedian = median(risks);

        // A write through the REST API's code (the event and the changes table as in the service), then the
        // first /risks: one account rescored on top of the ranking, or the whole book ranked afresh.
        LocalDate today = LocalDate.now(clock);
        // The alert rules evaluate the same write on their own thread meanwhile, as in the service; each write waits
        // for the previous one's evaluation, so that a /risks shares the machine with its own write's alerts only.
        long[] afterOne = new long[5];
        for (int i = 0; i < afterOne.length; i++) {
            String id = ids.get(random.nextInt(ids.size()));
            settle();
            write(List.of(id), today, 7 + i);
            afterOne[i] = timed(() -> ask("/risks", operator));
        }
        double afterOneMedian = median(afterOne);
        long[] afterAll = new long[3];
        long[] alertsAfterAll = new long[3];
        for (int i = 0; i < afterAll.length; i++) {
            settle();
            long written = System.nanoTime();
            write(ids, today, 11 + i);
            afterAll[i] = timed(() -> ask("/risks", operator));
            settle();
            alertsAfterAll[i] = System.nanoTime() - written;
        }
        double afterAllMedian = median(afterAll);
        double alertsAfterAllMedian = median(alertsAfterAll);
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
        row(out, String.format(Locale.US, "/risks over %,d accounts, unchanged, median of 5 (ms)", ids.size()),
                String.format(Locale.US, "%.1f", risksMedian), "< " + (int) RISKS_GOAL_MS,
                verdict(risksMedian < RISKS_GOAL_MS));
        double afterWriteGoal = ids.size() > 10_000 ? RISKS_AFTER_WRITE_AT_SCALE_GOAL_MS : RISKS_GOAL_MS;
        row(out, "first /risks after a one-account write, median of 5 (ms)",
                String.format(Locale.US, "%.1f", afterOneMedian), "< " + (int) afterWriteGoal,
                verdict(afterOneMedian < afterWriteGoal));
        row(out, "first /risks after a whole-book write, median of 3 (ms)",
                String.format(Locale.US, "%.0f", afterAllMedian), "< " + (int) afterWriteGoal,
                verdict(afterAllMedian < afterWriteGoal));
        row(out, "whole-book write to its alerts evaluated, median of 3 (ms)",
                String.format(Locale.US, "%.0f", alertsAfterAllMedian), "", "");
        row(out, "the whole book ranked from the store, median of 3 (ms)", String.format(Locale.US, "%.0f", bookMedian),
                "", "");
        row(out, "heap in use after a full GC (MB)", String.format(Locale.US, "%,d", heap), "", "");
        out.flush();
        return 0;
    }

    /** Waits until the alert rules have evaluated every write so far. */
    private void settle() throws InterruptedException {
        if (!alertEvaluations.finish(Duration.ofMinutes(2))) {
            throw new IllegalStateException("the alert evaluation of a write took more than 2 minutes");
        }
    }

    /**
     * Today's usage row of each of {@code accountIds}, written as REST upserts would write them: one request per
     * {@link RestIngest#MAX_ROWS} accounts, the most one request may carry.
     */
    private void write(List<String> accountIds, LocalDate today, int activeUsers) {
        for (int from = 0; from < accountIds.size(); from += RestIngest.MAX_ROWS) {
            List<Map<String, String>> rows = accountIds.subList(from, Math.min(accountIds.size(),
                    from + RestIngest.MAX_ROWS)).stream().map(id -> Map.of("account_id", id, "date", today.toString(),
                    "active_users", String.valueOf(activeUsers), "events", "100", "key_features_used", "3")).toList();
            RestIngest.Outcome outcome = restIngest.ingest(Dataset.USAGE, rows, "bench");
            if (!outcome.accepted()) {
                throw new IllegalStateException("the bench's write was refused: " + outcome.errors().get(0));
            }
        }
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

    private void ask(String text, Caller caller) {
        Reply reply = chat.handle(new ChatRequest(text, caller, Conversation.cli()));
        if (reply.status() != Reply.Status.ANSWER) {
            throw new IllegalStateException("'" + text + "' did not answer: " + reply.title());
        }
    }

    private static long timed(Runnable work) {
        long started = System.nanoTime();
        work.run();
        return System.nanoTime() - started;
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
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

    private static String verdict(boolean pass) {
        return pass ? "PASS" : "MISS";
    }

    private static void row(PrintWriter out, String measure, String result, String goal, String verdict) {
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
