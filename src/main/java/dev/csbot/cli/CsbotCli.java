package dev.csbot.cli;

import dev.csbot.CsbotApplication;
import dev.csbot.alerts.AlertsOnPortfolioChange;
import dev.csbot.bench.BenchCommand;
import dev.csbot.bench.BenchStore;
import dev.csbot.bench.SlackBenchmark;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The command line of DESIGN.md: serve, ask, import, demo, accounts, and the benchmarks. Arguments are parsed
 * before Spring starts, because {@code --db} decides which store the context opens. A new subcommand is one
 * more class in {@code subcommands}; it gets {@code --help} and the store line on stderr like the others.
 */
@Command(name = "csbot", mixinStandardHelpOptions = true, version = "csbot 0.1",
        description = "Customer Success assistant for Slack and Microsoft Teams.",
        subcommands = {CsbotCli.Serve.class, CsbotCli.Ask.class, CsbotCli.Import.class, CsbotCli.Demo.class,
                AccountsCli.class, CsbotCli.Bench.class, dev.csbot.teams.TeamsPackageCommand.class,
                CsbotCli.BenchSlack.class, PromptsCommand.class, ScanCommand.class,
                dev.csbot.bench.BenchScanCommand.class, dev.csbot.bench.BenchRisksCommand.class})
public final class CsbotCli implements Callable<Integer> {

    /** Exit code meaning "the service is running; do not exit". */
    public static final int KEEP_RUNNING = -1;
    public static final int USAGE_ERROR = 2;

    /** {@code --db} is accepted before or after the subcommand name. */
    static final class StoreOption {
        @Option(names = "--db", paramLabel = "PATH",
                description = "SQLite file of the store (default: env CSBOT_DB or ./data/csbot.db); env"
                        + " CSBOT_DATABASE_URL (a jdbc:postgresql:// URL) selects PostgreSQL instead")
        Path db;
    }

    @CommandLine.Mixin
    StoreOption store = new StoreOption();

    /** {@code --scorecard FILE} on every command that scores (serve, ask; scan can mix it in too). */
    static final class ScorecardOption {
        @Option(names = "--scorecard", paramLabel = "FILE",
                description = "YAML laid over the shipped health scorecard, key by key (default: env CSBOT_SCORECARD)")
        Path file;

        /** Adds the option's property, when given: it outranks CSBOT_SCORECARD, as a flag should. */
        Map<String, Object> addTo(Map<String, Object> properties) {
            if (file != null) {
                properties.put("csbot.scorecard", file.toAbsolutePath().normalize().toString());
            }
            return properties;
        }
    }

    /** Whether stderr is a terminal (progress is shown there unasked); never in tests. */
    final boolean interactive;

    public CsbotCli() {
        this(false);
    }

    private CsbotCli(boolean interactive) {
        this.interactive = interactive;
    }

    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), Terminal.stderrIsTerminal(),
                args);
    }

    /** Runs with the given output streams (tests capture them). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(out, err, false, args);
    }

    private static int run(PrintWriter out, PrintWriter err, boolean interactive, String... args) {
        String[] effective = args.length == 0 ? new String[] {"serve"} : args;
        CommandLine commandLine = commandLine(interactive).setOut(out).setErr(err);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("csbot: " + reason(e));
            return 1;
        });
        return commandLine.execute(effective);
    }

    /** The command tree, every subcommand (at any depth) with {@code --help} and {@code --version}. */
    static CommandLine commandLine(boolean interactive) {
        CommandLine commandLine = new CommandLine(new CsbotCli(interactive));
        withHelp(commandLine);
        return commandLine;
    }

    private static void withHelp(CommandLine command) {
        for (CommandLine sub : command.getSubcommands().values()) {
            sub.getCommandSpec().mixinStandardHelpOptions(true);
            withHelp(sub);
        }
    }

    @Override
    public Integer call() {
        return run("serve");
    }

    /**
     * What went wrong in words a person can act on: Spring wraps a bad setting in several layers of "error
     * creating bean", so the first cause that is not Spring's own is the one that says which setting.
     */
    static String reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (!cause.getClass().getName().startsWith("org.springframework.") && cause.getMessage() != null) {
                return cause.getMessage();
            }
        }
        return String.valueOf(failure.getMessage());
    }

    /** The store of a command: its own {@code --db}, else this one's, else the settings. */
    StoreLocation storeOf(boolean demo, StoreOption... options) {
        Path db = store.db;
        for (StoreOption option : options) {
            if (option.db != null) {
                db = option.db;
            }
        }
        return StoreLocation.resolve(db, demo, StoreLocation::setting);
    }

    static Map<String, Object> storeProperties(StoreLocation location) {
        Map<String, Object> properties = new HashMap<>();
        if (location.sqlite()) {
            properties.put("csbot.db", location.file().toString());
        } else {
            properties.put("csbot.database-url", location.databaseUrl());
        }
        return properties;
    }

    /** As command-line arguments they outrank application.yml and the environment, as a flag should. */
    static String[] asArguments(Map<String, Object> properties) {
        return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    /**
     * Says on {@code err} which store is opened, starts a context on it without the web server, runs one piece of
     * work in it, and closes it.
     */
    int withContext(StoreLocation location, Map<String, Object> extraProperties, PrintWriter err,
            Function<ConfigurableApplicationContext, Integer> work) {
        err.println(location.openedLine());
        err.flush();
        Map<String, Object> properties = storeProperties(location);
        properties.putAll(extraProperties);
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.dev.csbot", "WARN");
        // A failed start is reported on one line by the exception handler, not as Spring's stack trace.
        properties.put("logging.level.org.springframework.boot.SpringApplication", "OFF");
        properties.put("logging.level.org.springframework.context.annotation.AnnotationConfigApplicationContext", "OFF");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CsbotApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(asArguments(properties))) {
            int code = work.apply(context);
            finishAlertEvaluations(context, err);
            return code;
        }
    }

    /** How long a command waits, before it exits, for the alert evaluation of what it wrote (a whole book takes seconds). */
    static final Duration ALERT_EVALUATION_WAIT = Duration.ofSeconds(60);

    /**
     * A write is evaluated for alerts on a thread of its own, after it commits: the command waits for that before its
     * context closes (the store with it), so that the alerts are committed when the command returns.
     */
    private static void finishAlertEvaluations(ConfigurableApplicationContext context, PrintWriter err) {
        AlertsOnPortfolioChange evaluations = context.getBeanProvider(AlertsOnPortfolioChange.class).getIfAvailable();
        if (evaluations == null) {
            return;
        }
        Duration wait = context.getEnvironment().getProperty("csbot.alerts.evaluation-wait", Duration.class,
                ALERT_EVALUATION_WAIT);
        try {
            if (!evaluations.finish(wait)) {
                err.println("csbot: stopped waiting after " + wait.toSeconds() + " s for the alert rules to evaluate"
                        + " what this command wrote, so its alerts are not committed; the service's daily scan (or"
                        + " csbot scan) raises them");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("csbot: interrupted while the alert rules evaluated what this command wrote; the service's daily"
                    + " scan (or csbot scan) raises its alerts");
        }
        err.flush();
    }

    @Command(name = "serve", description = "Run the bot service (Slack, Teams, REST API).")
    static final class Serve implements Callable<Integer> {
        @CommandLine.ParentCommand
        CsbotCli parent;

        @CommandLine.Mixin
        StoreOption store = new StoreOption();

        @Option(names = "--demo", description = "Load the demo portfolio first if the store is empty (a SQLite"
                + " store defaults to ./data/demo.db then).")
        boolean demo;

        @CommandLine.Mixin
        ScorecardOption scorecard = new ScorecardOption();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            StoreLocation location = parent.storeOf(demo, store);
            spec.commandLine().getErr().println(location.openedLine());
            spec.commandLine().getErr().flush();
            Map<String, Object> properties = scorecard.addTo(storeProperties(location));
            properties.put("csbot.serve.demo", demo);
            new SpringApplicationBuilder(CsbotApplication.class).run(asArguments(properties));
            return KEEP_RUNNING;
        }
    }

    @Command(name = "ask", description = "Run one chat command against the store and print the reply.")
    static final class Ask implements Callable<Integer> {
        @CommandLine.ParentCommand
        CsbotCli parent;

        @CommandLine.Mixin
        StoreOption store = new StoreOption();

        @Parameters(index = "0", paramLabel = "COMMAND", description = "e.g. \"/health acme\"")
        String command;

        @Option(names = "--as", paramLabel = "EMAIL", description = "who is asking (default: the operator)")
        String as;

        @Option(names = "--format", defaultValue = "text", description = "text, slack or teams (default: text)")
        String format;

        @CommandLine.Mixin
        ScorecardOption scorecard = new ScorecardOption();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            StoreLocation location = parent.storeOf(false, store);
            PrintWriter err = spec.commandLine().getErr();
            return parent.withContext(location, scorecard.addTo(new HashMap<>()), err,
                    context -> context.getBean(AskCommand.class)
                            .run(command, as, format, location, spec.commandLine().getOut(), err));
        }
    }

    @Command(name = "import", description = "Import the CSV files found in DIR (see README for the format).")
    static final class Import implements Callable<Integer> {
        /** A batch job may wait for the service's short writes longer than the service waits for it. */
        static final String BUSY_TIMEOUT = "60s";

        @CommandLine.ParentCommand
        CsbotCli parent;

        @CommandLine.Mixin
        StoreOption store = new StoreOption();

        @Parameters(index = "0", paramLabel = "DIR")
        Path directory;

        @Option(names = "--dry-run", description = "validate every file and write nothing")
        boolean dryRun;

        @Option(names = "--progress", description = "show rows and rows/s on stderr every few seconds (the default"
                + " when stderr is a terminal)")
        boolean progress;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            StoreLocation location = parent.storeOf(false, store);
            PrintWriter err = spec.commandLine().getErr();
            Map<String, Object> properties = new HashMap<>();
            if (StoreLocation.setting("csbot.store.busy-timeout") == null) {
                properties.put("csbot.store.busy-timeout", BUSY_TIMEOUT);
            }
            boolean showProgress = progress || parent.interactive;
            return parent.withContext(location, properties, err, context -> context.getBean(ImportCommand.class)
                    .run(directory, dryRun, showProgress, location, spec.commandLine().getOut(), err));
        }
    }

    @Command(name = "demo", description = "Generate and load a realistic demo portfolio (into ./data/demo.db unless"
            + " --db, CSBOT_DB or CSBOT_DATABASE_URL says otherwise).")
    static final class Demo implements Callable<Integer> {
        @CommandLine.ParentCommand
        CsbotCli parent;

        @CommandLine.Mixin
        StoreOption store = new StoreOption();

        @Option(names = "--accounts", defaultValue = "200", description = "accounts (default 200)") int accounts;
        @Option(names = "--days", defaultValue = "365", description = "days of usage (default 365)") int days;
        @Option(names = "--seed", defaultValue = "42", description = "random seed (default 42)") long seed;

        @Option(names = "--out", paramLabel = "DIR",
                description = "write the portfolio as the import's CSV files into DIR instead of loading it")
        Path out;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            if (out != null) {
                // CSV files only: no store is opened (nor created).
                return DemoCommand.writeCsv(accounts, days, seed, out,
                        dev.csbot.BusinessClock.of(StoreLocation.setting("csbot.today")), spec.commandLine().getOut(), err);
            }
            StoreLocation location = parent.storeOf(true, store);
            return parent.withContext(location, Map.of(), err, context -> context.getBean(DemoCommand.class)
                    .run(accounts, days, seed, location, spec.commandLine().getOut(), err));
        }
    }

    @Command(name = "bench", description = "Benchmark import, /health and /risks on a generated portfolio, in a"
            + " temporary store.")
    static final class Bench implements Callable<Integer> {
        @CommandLine.ParentCommand
        CsbotCli parent;

        @CommandLine.Mixin
        StoreOption store = new StoreOption();

        @Option(names = "--accounts", defaultValue = "10000", description = "accounts (default 10000)") int accounts;
        @Option(names = "--days", defaultValue = "365", description = "days of usage (default 365)") int days;
        @Option(names = "--samples", defaultValue = "2000", description = "/health samples (default 2000)") int samples;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            // Never the user's store: a fresh temporary SQLite file, or temporary schemas in the PostgreSQL database
            // CSBOT_DATABASE_URL names, whatever --db says.
            StoreLocation configured = parent.storeOf(false, store);
            Path workDir = BenchCommand.workDirectory();
            try (BenchStore bench = configured.sqlite() ? BenchStore.sqlite(workDir)
                    : BenchStore.postgres(configured.databaseUrl(), StoreLocation.setting("csbot.database-user"),
                            StoreLocation.setting("csbot.database-password"))) {
                StoreLocation temporary = new StoreLocation(bench.file(), bench.databaseUrl(), false);
                // Every /health sample scored from the store: the cost of the first answer after a change.
                return parent.withContext(temporary, Map.of("csbot.health.reused-scores", 0),
                        spec.commandLine().getErr(), context -> context.getBean(BenchCommand.class)
                        .run(accounts, days, samples, workDir, bench, spec.commandLine().getOut()));
            } finally {
                BenchCommand.deleteWorkDirectory(workDir);
            }
        }
    }

    @Command(name = "bench-slack", description = "Signed /health requests per second and latency over HTTP,"
            + " beside a trivial Bolt handler (the framework floor). See docs/slack.md.")
    static final class BenchSlack implements Callable<Integer> {
        @CommandLine.ParentCommand
        CsbotCli parent;

        @CommandLine.Mixin
        StoreOption store = new StoreOption();

        @Option(names = "--seconds", defaultValue = "20", description = "measured seconds per target (default 20)")
        int seconds;

        @Option(names = "--warmup", defaultValue = "5", description = "warm-up seconds per target (default 5)")
        int warmup;

        @Option(names = "--concurrency", defaultValue = "8", description = "concurrent clients (default 8)")
        int concurrency;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            StoreLocation location = parent.storeOf(false, store);
            spec.commandLine().getErr().println(location.openedLine());
            spec.commandLine().getErr().flush();
            return SlackBenchmark.run(storeProperties(location), seconds, warmup, concurrency,
                    spec.commandLine().getOut());
        }
    }

    static void printUsageError(PrintWriter err, String message) {
        err.println("csbot: " + message);
    }
}
