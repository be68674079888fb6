package dev.csbot.bench;

import dev.csbot.account.Account;
import dev.csbot.account.AccountRepository;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code csbot bench-risks}: the /risks rows of {@code csbot bench} on a store that is already loaded, so that a
 * large book is measured without generating and importing it again (at 100,000 accounts that is most of the run).
 * It writes: today's usage row of every account, three times over, as the whole-book writes it times; then every
 * account's record three times, each time with its ARR one higher, as the CRM syncs it times, and three more times
 * with its seats one higher, one lower and one higher; then one ticket of every account, three times (open high,
 * open normal, closed), as a nightly ticket import would.
 */
@Command(name = "bench-risks", mixinStandardHelpOptions = true, description = "Time /risks on a store, unchanged and"
        + " after writes (rewrites today's usage row of every account, raises every account's ARR by 6 in"
        + " three writes and its seats by 1 in three more, writes one ticket of every account three times; make one"
        + " with: csbot demo --db PATH"
        + " --accounts 100000 --days 365).")
public final class BenchRisksCommand implements Callable<Integer> {

    @Option(names = "--db", paramLabel = "PATH", description = "the SQLite store (with CSBOT_DATABASE_URL set, that"
            + " PostgreSQL database instead)")
    Path db;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        java.util.Optional<ExistingStore> store = ExistingStore.of(db);
        if (store.isEmpty()) {
            spec.commandLine().getErr().println("csbot: bench-risks needs an existing store (--db); make one with:"
                    + " csbot demo --db " + (db == null ? "PATH" : db) + " --accounts 100000 --days 365");
            return 2;
        }
        try (ConfigurableApplicationContext context = store.get().open()) {
            List<String> ids = context.getBean(AccountRepository.class).findAll().stream().map(Account::id).sorted()
                    .toList();
            if (ids.isEmpty()) {
                spec.commandLine().getErr().println("csbot: the store has no accounts; load some with csbot demo");
                return 2;
            }
            out.printf(Locale.US, "Store %s: %,d accounts, Java %s, %d processors, max heap %,d MB%n%n",
                    store.get().label(), ids.size(),
                    System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() / (1024 * 1024));
            out.flush();
            RisksAfterWrites bench = context.getBean(RisksAfterWrites.class);
            bench.settle();
            bench.ask("/risks");
            RisksAfterWrites.Times times = bench.measure(ids, new Random(42));
            out.printf(Locale.US, "%-52s %14s %10s %s%n", "measure", "result", "goal", "");
            out.printf(Locale.US, "%-52s %14s %10s %s%n", "-".repeat(52), "-".repeat(14), "-".repeat(10), "----");
            RisksAfterWrites.print(out, times, ids.size());
            out.flush();
            return 0;
        }
    }
}
