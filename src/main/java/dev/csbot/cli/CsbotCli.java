package dev.csbot.cli;

import dev.csbot.CsbotApplication;
import java.io.PrintWriter;
import java.nio.file.Path;
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
 * The command line of DESIGN.md: serve, ask, import, demo. Arguments are parsed before Spring starts,
 * because {@code --db} decides which store the context opens.
 */
@Command(name = "csbot", mixinStandardHelpOptions = true, version = "csbot 0.1",
        description = "Customer Success assistant for Slack and Microsoft Teams.",
        subcommands = {CsbotCli.Serve.class, CsbotCli.Ask.class, CsbotCli.Import.class, CsbotCli.Demo.class,
                CsbotCli.Bench.class, dev.csbot.teams.TeamsPackageCommand.class, CsbotCli.BenchSlack.class,
                ScanCommand.class, dev.csbot.bench.BenchScanCommand.class})
public final class CsbotCli implements Callable<Integer> {

    /** Exit code meaning "the service is running; do not exit". */
    public static final int KEEP_RUNNING = -1;
    public static final int USAGE_ERROR = 2;

    /** {@code --db} is accepted before or after the subcommand name. */
    static final class StoreOption {
        @Option(names = "--db", paramLabel = "PATH",
                description = "SQLite file of the store (default: env CSBOT_DB or ./data/csbot.db)")
        Path db;
    }

    @CommandLine.Mixin
    StoreOption store = new StoreOption();

    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs with the given output streams (tests capture them). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        String[] effective = args.length == 0 ? new String[] {"serve"} : args;
        CommandLine commandLine = new CommandLine(new CsbotCli()).setOut(out).setErr(err);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("csbot: " + reason(e));
            return 1;
        });
        return commandLine.execute(effective);
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

    Map<String, Object> storeProperties(StoreOption subcommandStore) {
        Path db = subcommandStore.db != null ? subcommandStore.db : store.db;
        Map<String, Object> properties = new HashMap<>();
        if (db != null) {
            properties.put("csbot.db", db.toAbsolutePath().normalize().toString());
        }
        return properties;
    }

    /** As command-line arguments they outrank application.yml and the environment, as a flag should. */
    static String[] asArguments(Map<String, Object> properties) {
        return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    /** Starts a context without the web server, runs one piece of work in it, and closes it. */
    int withContext(StoreOption subcommandStore, Function<ConfigurableApplicationContext, Integer> work) {
        return withContext(subcommandStore, Map.of(), work);
    }

    int withContext(StoreOption subcommandStore, Map<String, Object> extraProperties,
            Function<ConfigurableApplicationContext, Integer> work) {
        Map<String, Object> properties = storeProperties(subcommandStore);
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
            return work.apply(context);
        }
    }

    @Command(name = "serve", description = "Run the bot service (Slack, Teams, REST API).")
    static final class Serve implements Callable<Integer> {
        @CommandLine.ParentCommand
        CsbotCli parent;

        @CommandLine.Mixin
        StoreOption store = new StoreOption();

        @Option(names = "--demo", description = "Load the demo portfolio first if the store is empty.")
        boolean demo;

        @Override
        public Integer call() {
            Map<String, Object> properties = parent.storeProperties(store);
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

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return parent.withContext(store, context -> context.getBean(AskCommand.class)
                    .run(command, as, format, spec.commandLine().getOut(), spec.commandLine().getErr()));
        }
    }

    @Command(name = "import", description = "Import the CSV files found in DIR (see README for the format).")
    static final class Import implements Callable<Integer> {
        @CommandLine.ParentCommand
        CsbotCli parent;

        @CommandLine.Mixin
        StoreOption store = new StoreOption();

        @Parameters(index = "0", paramLabel = "DIR")
        Path directory;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return parent.withContext(store, context -> context.getBean(ImportCommand.class)
                    .run(directory, spec.commandLine().getOut(), spec.commandLine().getErr()));
        }
    }

    @Command(name = "demo", description = "Generate and load a realistic demo portfolio.")
    static final class Demo implements Callable<Integer> {
        @CommandLine.ParentCommand
        CsbotCli parent;

        @CommandLine.Mixin
        StoreOption store = new StoreOption();

        @Option(names = "--accounts", defaultValue = "200") int accounts;
        @Option(names = "--days", defaultValue = "365") int days;
        @Option(names = "--seed", defaultValue = "42") long seed;

        @Option(names = "--out", paramLabel = "DIR",
                description = "write the portfolio as the import's CSV files into DIR instead of loading it")
        Path out;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return parent.withContext(store, context -> context.getBean(DemoCommand.class)
                    .run(accounts, days, seed, out, spec.commandLine().getOut(), spec.commandLine().getErr()));
        }
    }

    @Command(name = "bench", description = "Benchmark import, /health and /risks on a generated portfolio.")
    static final class Bench implements Callable<Integer> {
        @CommandLine.ParentCommand
        CsbotCli parent;

        @CommandLine.Mixin
        StoreOption store = new StoreOption();

        @Option(names = "--accounts", defaultValue = "10000") int accounts;
        @Option(names = "--days", defaultValue = "365") int days;
        @Option(names = "--samples", defaultValue = "2000") int samples;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws java.io.IOException {
            // Never the user's store: a fresh temporary file, whatever --db says.
            Path workDir = BenchCommand.workDirectory();
            StoreOption temporary = new StoreOption();
            temporary.db = workDir.resolve("bench.db");
            try {
                // Every /health sample scored from the store: the cost of the first answer after a change.
                return parent.withContext(temporary, Map.of("csbot.health.reused-scores", 0),
                        context -> context.getBean(BenchCommand.class)
                        .run(accounts, days, samples, workDir, spec.commandLine().getOut()));
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
            return dev.csbot.slack.SlackBenchmark.run(parent.storeProperties(store), seconds, warmup, concurrency,
                    spec.commandLine().getOut());
        }
    }

    static void printUsageError(PrintWriter err, String message) {
        err.println("csbot: " + message);
    }
}
