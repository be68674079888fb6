package dev.csbot.health;

import dev.csbot.account.AccountDirectory;
import dev.csbot.account.AccountRepository;
import dev.csbot.account.AccountSignals;
import dev.csbot.account.BookQuery;
import dev.csbot.account.BookSignals;
import dev.csbot.account.BookTable;
import dev.csbot.account.PortfolioChanged;
import dev.csbot.account.PortfolioListener;
import dev.csbot.account.UsageWindow;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Health scores of the portfolio as of today (by the injected clock), from one {@link BookSnapshot} per
 * portfolio version and day that every reader shares: name resolution, the ranking, the full scores asked
 * for. A write in this process is heard at once ({@link PortfolioListener}); one by another process is
 * seen through the store's version within {@link #RECHECK}. After a write the next snapshot rescores only
 * the accounts the write touched; after writes of usage alone (the daily feed, often every account) it reads
 * only their usage, and keeps every other part of their scores; after a CRM sync of much of the book it keeps or
 * weighs again each account's score from what the ranking before kept; after writes of other tables to much of the
 * book (a nightly ticket import) it reads only the tables written and weighs again the measures they feed, keeping
 * the usage totals and every other measure.
 */
public class HealthService implements PortfolioListener {

    /** How many accounts' full scores are kept by default: a large book, at a few kilobytes each. */
    public static final int DEFAULT_REUSED_SCORES = 20_000;

    /** The longest a snapshot is trusted without asking the store's version (writes by other processes). */
    static final Duration RECHECK = Duration.ofMillis(200);

    /**
     * Writes touching more accounts than this (together, since the ranking last ran) are ranked afresh:
     * one pass over the book is then cheaper than reading that many accounts one by one.
     */
    static final int RESCORE_LIMIT = 1_000;

    /**
     * Tables whose writes can move a ranking score through the accounts' own fields alone: the accounts, and success
     * plans, which ranking does not read.
     */
    static final Set<String> ACCOUNT_FIELDS_ALONE = Set.of("accounts", "success_plans");

    /** How long the background refresh waits for writes to stop before it ranks the book. */
    static final Duration REFRESH_QUIET = Duration.ofMillis(200);

    /** The longest the background refresh waits for writes that do not stop. */
    static final Duration REFRESH_AT_MOST = Duration.ofSeconds(3);

    /** A book this large is read in parts side by side, one per processor (at most four). */
    static final int READ_IN_PARTS_FROM = 2_000;

    private final AccountRepository accounts;
    private final HealthScorer scorer;
    private final Clock clock;
    private final int reusedScores;
    /** Nanoseconds for {@link #RECHECK} (a test moves it on; {@code clock} may be pinned to a day). */
    private final LongSupplier ticker;

    /** The snapshot in use, the writes heard when it was taken, and when its version was last confirmed. */
    private record Current(BookSnapshot snapshot, long writesHeard, long confirmedAtNanos) {}

    private volatile Current current;
    private final Object building = new Object();
    private final AtomicLong writesHeard = new AtomicLong();
    private volatile Executor background;
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    /** The usage window totals of the latest ranking, for the next one after writes of usage alone or of no usage. */
    private volatile KeptUsageWindows keptWindows;

    public HealthService(AccountRepository accounts, HealthScorer scorer, Clock clock) {
        this(accounts, scorer, clock, DEFAULT_REUSED_SCORES);
    }

    /** @param reusedScores how many accounts' full scores to keep for reuse (0 = score on every request) */
    public HealthService(AccountRepository accounts, HealthScorer scorer, Clock clock, int reusedScores) {
        this(accounts, scorer, clock, reusedScores, System::nanoTime);
    }

    HealthService(AccountRepository accounts, HealthScorer scorer, Clock clock, int reusedScores, LongSupplier ticker) {
        if (reusedScores < 0) {
            throw new IllegalArgumentException("reusedScores must be 0 or more, not " + reusedScores);
        }
        this.accounts = accounts;
        this.scorer = scorer;
        this.clock = clock;
        this.reusedScores = reusedScores;
        this.ticker = ticker;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Scorecard scorecard() {
        return scorer.scorecard();
    }

    /** Every account of the portfolio as it stands, for resolving names: from the shared snapshot. */
    public AccountDirectory directory() {
        return snapshot().directory;
    }

    /**
     * One account's full score (with weekly history), or empty when no such account exists. Computed once
     * per snapshot (up to {@code reusedScores} accounts are kept), however many ask at the same time.
     */
    public Optional<HealthScore> forAccount(String accountId) {
        return kept(accountId).score();
    }

    /**
     * What {@code answer} makes of one account's full score (its {@code /health} reply), kept with that
     * score: computed once per snapshot and dropped with it. {@code answer} must depend on the score alone.
     */
    public <T> Optional<T> forAccount(String accountId, Function<HealthScore, T> answer) {
        return kept(accountId).derive(answer);
    }

    private BookSnapshot.Kept kept(String accountId) {
        BookSnapshot snapshot = snapshot();
        if (snapshot.directory.withId(accountId).isEmpty()) {
            return new BookSnapshot.Kept(Optional.empty());
        }
        LocalDate asOf = snapshot.asOf;
        LocalDate usageFrom = asOf.minusDays(scorer.scorecard().usageLookbackDays());
        return snapshot.fullScore(accountId, id -> accounts.signals(id, usageFrom, asOf)
                .map(signals -> scorer.score(signals, asOf).settled()));
    }

    /** One account's score from signals already loaded (the QBR and deal review load more history). */
    public HealthScore score(AccountSignals signals) {
        return scorer.score(signals, today());
    }

    /**
     * Every account's score (without weekly history), by account id, from the shared snapshot: ranked once
     * per portfolio version and day, however many ask at the same time.
     */
    public List<HealthScore> all() {
        return snapshot().ranked();
    }

    /** Every account's score as of {@code asOf}, computed now from the store (nothing reused or kept). */
    public List<HealthScore> scoreAll(LocalDate asOf) {
        return rank(asOf, snapshot().directory, -1);
    }

    /** Told after every write this process commits: the next reader takes a new snapshot. */
    @Override
    public void portfolioChanged(PortfolioChanged change) {
        writesHeard.incrementAndGet();
        Executor executor = background;
        if (executor != null && refreshQueued.compareAndSet(false, true)) {
            try {
                executor.execute(() -> {
                    boolean quiet = writesStopped(); // false: interrupted, shutting down
                    refreshQueued.set(false);
                    if (quiet) {
                        all();
                    }
                });
            } catch (RejectedExecutionException shuttingDown) {
                refreshQueued.set(false);
            }
        }
    }

    /**
     * Waits until no write has been heard for {@link #REFRESH_QUIET}, or {@link #REFRESH_AT_MOST} has passed: an import
     * of many requests is ranked once after its last one, not once per request while the next ones are written (each
     * such ranking would be thrown away, and would compete with the first reader's own). False when interrupted.
     */
    private boolean writesStopped() {
        long deadline = System.nanoTime() + REFRESH_AT_MOST.toNanos();
        try {
            long heard;
            do {
                heard = writesHeard.get();
                Thread.sleep(REFRESH_QUIET.toMillis());
            } while (writesHeard.get() != heard && System.nanoTime() < deadline);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Ranks the book again on {@code executor} after every write heard, so that the next {@code /risks}
     * finds it ready (what the running service does); several writes in a row queue one refresh, which starts once
     * they stop ({@link #REFRESH_QUIET}).
     */
    public void refreshInBackground(Executor executor) {
        this.background = executor;
    }

    // ---- the snapshot -----------------------------------------------------------------------------------

    private BookSnapshot snapshot() {
        LocalDate today = today();
        Current known = current;
        if (stillGood(known, today, ticker.getAsLong())) {
            return known.snapshot();
        }
        synchronized (building) {
            known = current;
            long now = ticker.getAsLong();
            if (stillGood(known, today, now)) {
                return known.snapshot();
            }
            // Writes heard before the version is read: one heard after it makes the next call look again.
            long heard = writesHeard.get();
            long version = accounts.portfolioVersion();
            BookSnapshot next = known == null ? fresh(version, today) : following(known.snapshot(), version, today);
            current = new Current(next, heard, now);
            return next;
        }
    }

    private boolean stillGood(Current known, LocalDate today, long now) {
        return known != null && known.snapshot().asOf.equals(today) && known.writesHeard() == writesHeard.get()
                && now - known.confirmedAtNanos() < RECHECK.toNanos();
    }

    private BookSnapshot fresh(long version, LocalDate asOf) {
        AccountDirectory directory = AccountDirectory.of(accounts.findAll());
        return new BookSnapshot(version, asOf, directory, new Once<>(() -> rank(asOf, directory, version)), -1,
                BookSnapshot.keptScores(reusedScores), Optional.empty());
    }

    /**
     * A whole-book snapshot after writes since the usage totals kept (of today) that wrote no usage, which still hold.
     * After writes of accounts alone (a CRM sync) on top of the ranking those totals are of, only the accounts whose
     * scored fields moved are read again; after writes of contacts, tickets, feedback or meetings (and maybe accounts)
     * on top of it, only the tables written; without that ranking, every table but usage. Empty when it cannot be told.
     */
    private Optional<BookSnapshot> withKeptUsage(BookSnapshot previous, long version, LocalDate asOf) {
        KeptUsageWindows known = keptWindows;
        Optional<Set<String>> tables = known == null || !known.asOf().equals(asOf) ? Optional.empty()
                : accounts.tablesWrittenWithoutUsage(known.version(), version);
        if (tables.isEmpty()) {
            return Optional.empty();
        }
        // Writes that wrote no accounts (a ticket import) leave the directory as it stands since the totals' version.
        AccountDirectory directory = tables.get().contains("accounts") || known.version() > previous.version
                ? AccountDirectory.of(accounts.findAll()) : previous.directory;
        // A ranking from the totals' version on holds the same usage: with accounts alone written since, its scores stand
        // for every account whose scored fields did not move.
        Optional<BookSnapshot.Ranked> before = previous.latestRanked();
        Optional<BookSnapshot.Ranked> base = before.filter(ranked -> ranked.version() >= known.version());
        Optional<Set<BookTable>> bookTables = bookTablesOf(tables.get());
        Once<List<HealthScore>> ranking;
        if (base.isPresent() && bookTables.isPresent() && bookTables.get().isEmpty()) {
            ranking = new Once<>(() -> accountsResynced(base.get().ranking().get(), directory, asOf, version, known));
        } else if (base.isPresent() && bookTables.isPresent()) {
            ranking = new Once<>(() -> tablesRescored(base.get().ranking().get(), bookTables.get(), directory, asOf,
                    version, known));
        } else {
            ranking = new Once<>(() -> rankedWithKeptUsage(asOf, directory, version, known));
        }
        return Optional.of(new BookSnapshot(version, asOf, directory, ranking, -1,
                BookSnapshot.keptScores(reusedScores), before));
    }

    /**
     * The book tables among {@code written} (store tables), when every other one is of the accounts' own fields
     * ({@link #ACCOUNT_FIELDS_ALONE}); empty when another table was written.
     */
    private static Optional<Set<BookTable>> bookTablesOf(Set<String> written) {
        Set<BookTable> tables = EnumSet.noneOf(BookTable.class);
        for (String table : written) {
            Optional<BookTable> named = BookTable.named(table);
            if (named.isPresent()) {
                tables.add(named.get());
            } else if (!ACCOUNT_FIELDS_ALONE.contains(table)) {
                return Optional.empty();
            }
        }
        return Optional.of(tables);
    }

    /** The snapshot after {@code previous}: the same when nothing moved, else only what a write touched is redone. */
    private BookSnapshot following(BookSnapshot previous, long version, LocalDate today) {
        if (previous.isFor(version, today)) {
            return previous;
        }
        if (!previous.asOf.equals(today) || version < previous.version) {
            return fresh(version, today);
        }
        int beneath = previous.rescoredBeneath();
        Optional<BookSnapshot.Ranked> base = previous.latestRanked();
        Optional<LocalDate> usageFrom = base.flatMap(ranked -> accounts.usageOnlyWrittenFrom(ranked.version(), version));
        if (usageFrom.isPresent() && usageFrom.get().isAfter(today.minusDays(scorer.scorecard().trendDays()))) {
            // Usage alone was written since a ranking someone started, after the trend's earlier day (the daily
            // usage feed): only the usage measures can have moved. Usage rows cannot add or change accounts, so
            // the directory stands. Empty ids: every account (also when so many are named that one pass over the
            // book is cheaper).
            BookSnapshot.Ranked ranked = base.get();
            Optional<Set<String>> ids = accounts.changedBetween(ranked.version(), version)
                    .filter(named -> named.size() <= RESCORE_LIMIT);
            Optional<Set<String>> sincePrevious = ids.isEmpty() ? Optional.empty()
                    : accounts.changedBetween(previous.version, version);
            LocalDate writtenFrom = usageFrom.get();
            Once<List<HealthScore>> ranking = new Once<>(() -> usageRescored(ranked.ranking().get(), ids, today,
                    previous.directory, ranked.version(), version, writtenFrom));
            return new BookSnapshot(version, today, previous.directory, ranking, beneath,
                    sincePrevious.isPresent() ? previous.keptExcept(sincePrevious.get(), reusedScores)
                            : BookSnapshot.keptScores(reusedScores), base);
        }
        Optional<Set<String>> touched = accounts.changedBetween(previous.version, version)
                .filter(ids -> beneath >= 0 && beneath + ids.size() <= RESCORE_LIMIT);
        if (touched.isEmpty()) {
            return withKeptUsage(previous, version, today).orElseGet(() -> fresh(version, today));
        }
        Set<String> ids = touched.get();
        AccountDirectory directory = previous.directory.with(ids, accounts.findAllById(ids));
        Once<List<HealthScore>> before = previous.ranking;
        long previousVersion = previous.version;
        Once<List<HealthScore>> ranking = new Once<>(() -> rescored(before.get(), ids, today, previousVersion,
                version));
        return new BookSnapshot(version, today, directory, ranking, beneath + ids.size(),
                previous.keptExcept(ids, reusedScores), previous.latestRanked());
    }

    // ---- ranking ----------------------------------------------------------------------------------------

    private static final Comparator<HealthScore> BY_ACCOUNT_ID = Comparator.comparing(h -> h.account().id());

    /**
     * The whole book, read in one pass; a large book in parts read and scored side by side (by ranges of
     * account ids, split where {@code directory} says), each on its own connection and core.
     *
     * @param version the portfolio version ranked, whose usage windows are kept (-1: none are)
     */
    private List<HealthScore> rank(LocalDate asOf, AccountDirectory directory, long version) {
        BookQuery query = BookReadPlan.forRanking(scorer.scorecard(), asOf);
        KeptUsageWindows kept = new KeptUsageWindows(version, asOf, BookReadPlan.keptWindows(scorer.scorecard(), asOf));
        List<HealthScore> all = new ArrayList<>(directory.size());
        inParts(directory, range -> ranked(query.within(range), kept, directory)).forEach(all::addAll);
        all.sort(BY_ACCOUNT_ID);
        if (version >= 0) {
            keep(kept, version);
        }
        return List.copyOf(all);
    }

    /** Keeps {@code windows} for the next ranking, unless one of a later version is kept already. */
    private synchronized void keep(KeptUsageWindows windows, long version) {
        KeptUsageWindows known = keptWindows;
        if (known == null || !known.isAfter(version)) {
            keptWindows = windows;
        }
    }

    /** What {@code read} gives for each part of the book ({@link #parts}), the parts read side by side. */
    private static <T> List<T> inParts(AccountDirectory directory, Function<BookQuery.IdRange, T> read) {
        return sideBySide(parts(directory), read);
    }

    /** What {@code work} gives for each of {@code parts}, the parts worked on side by side (the first on this thread). */
    private static <P, T> List<T> sideBySide(List<P> parts, Function<P, T> work) {
        // The common pool explicitly: on two cores CompletableFuture would otherwise start a thread per task.
        List<CompletableFuture<T>> others = parts.subList(1, parts.size()).stream()
                .map(part -> CompletableFuture.supplyAsync(() -> work.apply(part), ForkJoinPool.commonPool()))
                .toList();
        List<T> all = new ArrayList<>(parts.size());
        all.add(work.apply(parts.get(0)));
        for (CompletableFuture<T> part : others) {
            all.add(join(part));
        }
        return all;
    }

    /** The directory's accounts in as many parts as {@link #parts} splits the book into, to work on side by side. */
    private static List<List<dev.csbot.account.Account>> accountParts(AccountDirectory directory) {
        List<dev.csbot.account.Account> all = directory.all();
        int count = parts(directory).size();
        List<List<dev.csbot.account.Account>> parts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            parts.add(all.subList(i * all.size() / count, (i + 1) * all.size() / count));
        }
        return parts;
    }

    /**
     * What re-weighing a part of the book after writes of accounts alone gave: the scores, the accounts to read in
     * full, and those scored from every usage day whose usage is to be read.
     */
    private record ResyncPart(List<HealthScore> scores, List<String> moved, List<String> everyDay) {

        ResyncPart() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }
    }

    /** Scores of a part of the book read in part, and the accounts in it that need a full read instead. */
    private record PartRescore(List<HealthScore> scores, List<String> unsure) {

        PartRescore() {
            this(new ArrayList<>(), new ArrayList<>());
        }

        /** Adds every part's scores to {@code all}; returns the accounts any part could not score. */
        static Set<String> gather(List<PartRescore> parts, List<HealthScore> all) {
            Set<String> unsure = new HashSet<>();
            for (PartRescore part : parts) {
                all.addAll(part.scores());
                unsure.addAll(part.unsure());
            }
            return unsure;
        }
    }

    /**
     * The whole book after writes that wrote no usage since {@code known}'s ranking: every table read again but usage,
     * each account's usage totals and first and last day taken from {@code known} (an account new since is read in
     * full), so each score is the one a fresh ranking gives. Far less to read: usage is most of the store.
     */
    private List<HealthScore> rankedWithKeptUsage(LocalDate asOf, AccountDirectory directory, long version,
            KeptUsageWindows known) {
        BookQuery full = BookReadPlan.forRanking(scorer.scorecard(), asOf);
        BookQuery query = BookReadPlan.forRankingWithKeptUsage(scorer.scorecard(), asOf);
        KeptUsageWindows next = known.carriedTo(version, Set.of());
        List<PartRescore> parts = inParts(directory, range -> {
            PartRescore part = new PartRescore();
            accounts.forEachInBook(query.within(range), read -> {
                Optional<dev.csbot.account.UsageSummary> usage = known.withKeptTotals(read.account().id(), read.usage());
                if (usage.isEmpty()) {
                    part.unsure().add(read.account().id());
                    return;
                }
                part.scores().add(rankingScore(read.withUsage(usage.get()), full, directory));
            });
            return part;
        });
        List<HealthScore> all = new ArrayList<>(directory.size());
        Set<String> unsure = PartRescore.gather(parts, all);
        if (unsure.size() > RESCORE_LIMIT) {
            // Many new accounts (a first sync of another region, say): one pass over the book beats reading each.
            return rank(asOf, directory, version);
        }
        readInFull(unsure, asOf, next, all, directory);
        all.sort(BY_ACCOUNT_ID);
        keep(next, version);
        return List.copyOf(all);
    }

    /**
     * {@code previous} (the ranking {@code known}'s totals are of) after writes of accounts alone: an account whose
     * scored fields did not move keeps its score, with its record as it stands now ({@link HealthScorer#readsTheSame});
     * one whose seats, contract start, renewal date or segment moved is weighed again from its kept usage totals and
     * the rest of its score ({@link HealthScorer#rescoredForAccountFields}), from its usage read again when it is
     * scored from every usage day (onboarding); the others, and accounts new since, are read in full. When more are
     * left than are read one by one, every table but usage is read instead.
     */
    private List<HealthScore> accountsResynced(List<HealthScore> previous, AccountDirectory directory, LocalDate asOf,
            long version, KeptUsageWindows known) {
        Map<String, HealthScore> before = new HashMap<>(previous.size() * 2);
        previous.forEach(score -> before.put(score.account().id(), score));
        BookQuery full = BookReadPlan.forRanking(scorer.scorecard(), asOf);
        // Accounts scored from every usage day (onboarding), which the kept totals do not hold: their usage is read.
        List<ResyncPart> parts = sideBySide(accountParts(directory), part -> {
            ResyncPart resync = new ResyncPart();
            for (dev.csbot.account.Account account : part) {
                HealthScore earlier = before.get(account.id());
                if (earlier == null || !earlier.asOf().equals(asOf)) {
                    resync.moved().add(account.id());
                } else if (scorer.readsTheSame(earlier.account(), account)) {
                    resync.scores().add(earlier.account().equals(account) ? earlier : earlier.withAccount(account));
                } else if (full.dailyUsageStages().contains(account.lifecycleStage())) {
                    resync.everyDay().add(account.id());
                } else {
                    known.summaryOf(account.id())
                            .flatMap(usage -> scorer.rescoredForAccountFields(earlier, account, usage, full))
                            .ifPresentOrElse(resync.scores()::add, () -> resync.moved().add(account.id()));
                }
            }
            return resync;
        });
        List<HealthScore> all = new ArrayList<>(directory.size());
        Set<String> moved = new HashSet<>();
        Set<String> everyDay = new HashSet<>();
        for (ResyncPart part : parts) {
            all.addAll(part.scores());
            moved.addAll(part.moved());
            everyDay.addAll(part.everyDay());
        }
        if (moved.size() > RESCORE_LIMIT) {
            return rankedWithKeptUsage(asOf, directory, version, known);
        }
        if (!everyDay.isEmpty()) {
            Set<String> unread = new HashSet<>(everyDay);
            accounts.forEachOf(everyDay, BookReadPlan.forUsageOfRanking(scorer.scorecard(), asOf), read -> {
                String id = read.account().id();
                unread.remove(id);
                directory.withId(id)
                        .flatMap(account -> scorer.rescoredForAccountFields(before.get(id), account, read.usage(), full))
                        .ifPresentOrElse(all::add, () -> moved.add(id));
            });
            moved.addAll(unread);
        }
        if (moved.size() > RESCORE_LIMIT) {
            return rankedWithKeptUsage(asOf, directory, version, known);
        }
        KeptUsageWindows next = known.carriedTo(version, moved);
        readInFull(moved, asOf, next, all, directory);
        all.sort(BY_ACCOUNT_ID);
        keep(next, version);
        return List.copyOf(all);
    }

    /**
     * {@code previous} (the ranking {@code known}'s totals are of) after writes of {@code written} alone, maybe with
     * accounts: those tables are read for the whole book, with the usage a ranking weighs every day of (onboarding),
     * and each account's score weighed again from them, its kept usage totals and the rest of its score
     * ({@link HealthScorer#rescoredForTables}). A nightly ticket import reads each account's tickets counted and
     * weighs support burden again. An account new since, or whose record moved what those tables cannot weigh again
     * (into or out of onboarding), is read in full; when more are left than are read one by one, every table but
     * usage is read instead.
     */
    private List<HealthScore> tablesRescored(List<HealthScore> previous, Set<BookTable> written,
            AccountDirectory directory, LocalDate asOf, long version, KeptUsageWindows known) {
        Map<String, HealthScore> before = new HashMap<>(previous.size() * 2);
        previous.forEach(score -> before.put(score.account().id(), score));
        BookQuery full = BookReadPlan.forRanking(scorer.scorecard(), asOf);
        BookQuery query = BookReadPlan.forTablesRescore(scorer.scorecard(), asOf, written);
        // Every table listed: an account that cannot be weighed again (its stage moved, say) is scored from the read.
        boolean everyTable = written.containsAll(EnumSet.allOf(BookTable.class)) && query.ticketCounts().isEmpty();
        KeptUsageWindows next = known.carriedTo(version, Set.of());
        Set<String> unkept = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<PartRescore> parts = inParts(directory, range -> {
            PartRescore part = new PartRescore();
            accounts.forEachInBook(query.within(range), read -> {
                String id = read.account().id();
                HealthScore earlier = before.get(id);
                Optional<dev.csbot.account.UsageSummary> usage = known.withKeptTotals(id, read.usage());
                if (earlier == null || usage.isEmpty()) {
                    unkept.add(id);
                    part.unsure().add(id);
                    return;
                }
                BookSignals signals = sharedWith(directory, read.withUsage(usage.get()));
                Optional<HealthScore> again = scorer.rescoredForTables(earlier, signals, written, full);
                if (again.isEmpty() && everyTable) {
                    again = Optional.of(scorer.scoreForRanking(signals, full));
                }
                again.ifPresentOrElse(part.scores()::add, () -> part.unsure().add(id));
            });
            return part;
        });
        List<HealthScore> all = new ArrayList<>(directory.size());
        Set<String> unsure = PartRescore.gather(parts, all);
        if (unkept.size() > RESCORE_LIMIT) {
            // Many new accounts (a first sync of another region, say): one pass over the book beats reading each.
            return rank(asOf, directory, version);
        }
        if (unsure.size() > RESCORE_LIMIT) {
            return rankedWithKeptUsage(asOf, directory, version, known);
        }
        readInFull(unsure, asOf, next, all, directory);
        all.sort(BY_ACCOUNT_ID);
        keep(next, version);
        return List.copyOf(all);
    }

    /** Scores {@code ids} from a full read of each into {@code all}, keeping their usage totals in {@code next}. */
    private void readInFull(Set<String> ids, LocalDate asOf, KeptUsageWindows next, List<HealthScore> all,
            AccountDirectory directory) {
        if (ids.isEmpty()) {
            return;
        }
        BookQuery full = BookReadPlan.forRanking(scorer.scorecard(), asOf);
        accounts.forEachOf(ids, full, signals -> {
            if (next != null) {
                next.keep(signals);
            }
            all.add(rankingScore(signals, full, directory));
        });
    }

    /**
     * {@code previous} after writes of usage alone to the accounts {@code touched} (empty: every account): each
     * touched account's usage read again and its score redone from it ({@link HealthScorer#rescoredForUsage}),
     * the rest kept. Far less to read than the whole book: usage windows of one day instead of two, nothing else.
     */
    private List<HealthScore> usageRescored(List<HealthScore> previous, Optional<Set<String>> touched, LocalDate asOf,
            AccountDirectory directory, long baseVersion, long version, LocalDate writtenFrom) {
        Set<UsageWindow> windows = BookReadPlan.keptWindows(scorer.scorecard(), asOf);
        // Windows the writes cannot have changed hold what the last whole-book ranking summed for them (the trend's
        // earlier day's, all of them); after a write of today's rows only today is summed.
        KeptUsageWindows known = keptWindows;
        boolean reuse = touched.isEmpty() && known != null && known.isFor(baseVersion, asOf);
        Set<UsageWindow> toRead = reuse ? known.toRead(writtenFrom) : windows;
        // The first and last usage day too, when the windows read hold every day written: no seeks per account.
        boolean boundsInWindows = reuse && known.readHoldsEveryDayFrom(writtenFrom);
        BookQuery query = boundsInWindows
                ? BookReadPlan.forUsageRescore(scorer.scorecard(), asOf, toRead).withBoundsInWindows()
                : BookReadPlan.forUsageRescore(scorer.scorecard(), asOf, toRead);
        // A few accounts read again: the kept totals of the others carry over to this version.
        KeptUsageWindows next = touched.isEmpty() ? new KeptUsageWindows(version, asOf, windows)
                : carriedOver(baseVersion, version, asOf, touched.get());
        Map<String, HealthScore> before = new HashMap<>(previous.size() * 2);
        previous.forEach(score -> before.put(score.account().id(), score));
        List<HealthScore> all = new ArrayList<>(previous.size());
        List<PartRescore> parts;
        if (touched.isPresent()) {
            previous.stream().filter(score -> !touched.get().contains(score.account().id())).forEach(all::add);
            PartRescore part = new PartRescore();
            accounts.forEachOf(touched.get(), query, signals -> {
                if (next != null) {
                    next.keep(signals);
                }
                rescoreFromUsage(signals, query, before, part);
            });
            parts = List.of(part);
        } else {
            BookQuery scored = BookReadPlan.forUsageRescore(scorer.scorecard(), asOf);
            parts = inParts(directory, range -> {
                PartRescore part = new PartRescore();
                accounts.forEachInBook(query.within(range), read -> {
                    Optional<BookSignals> signals = !reuse ? Optional.of(read)
                            : known.completed(read.account().id(), read.usage(), writtenFrom, boundsInWindows)
                                    .map(read::withUsage);
                    if (signals.isEmpty()) {
                        part.unsure().add(read.account().id());
                        return;
                    }
                    next.keep(signals.get());
                    rescoreFromUsage(signals.get(), scored, before, part);
                });
                return part;
            });
        }
        Set<String> unsure = PartRescore.gather(parts, all);
        readInFull(unsure, asOf, next, all, directory);
        all.sort(BY_ACCOUNT_ID);
        if (next != null) {
            keep(next, version);
        }
        return List.copyOf(all);
    }

    private void rescoreFromUsage(BookSignals signals, BookQuery query, Map<String, HealthScore> before,
            PartRescore into) {
        HealthScore earlier = before.get(signals.account().id());
        Optional<HealthScore> again = earlier == null ? Optional.empty()
                : scorer.rescoredForUsage(earlier, signals, query);
        if (again.isPresent()) {
            into.scores().add(again.get());
        } else {
            into.unsure().add(signals.account().id());
        }
    }

    private List<HealthScore> ranked(BookQuery query, KeptUsageWindows kept, AccountDirectory directory) {
        List<HealthScore> scores = new ArrayList<>();
        accounts.forEachInBook(query, signals -> {
            kept.keep(signals);
            scores.add(rankingScore(signals, query, directory));
        });
        return scores;
    }

    /**
     * How a whole-book read is split to run side by side (one range for a small book): the ranking's parts, for
     * other readers of the whole book (the alert scan).
     */
    public List<BookQuery.IdRange> bookParts() {
        return parts(directory());
    }

    /** Ranges of account ids that split the book into about equal parts, one per processor (up to four). */
    static List<BookQuery.IdRange> parts(AccountDirectory directory) {
        int count = Math.min(4, Runtime.getRuntime().availableProcessors());
        if (count < 2 || directory.size() < READ_IN_PARTS_FROM) {
            return List.of(BookQuery.IdRange.ALL);
        }
        List<String> ids = directory.all().stream().map(dev.csbot.account.Account::id).sorted().toList();
        List<BookQuery.IdRange> parts = new ArrayList<>();
        Optional<String> from = Optional.empty();
        for (int i = 1; i <= count; i++) {
            Optional<String> until = i == count ? Optional.empty() : Optional.of(ids.get(i * ids.size() / count));
            parts.add(new BookQuery.IdRange(from, until));
            from = until;
        }
        return parts;
    }

    /** {@code previous} with the accounts {@code touched} scored again (or dropped, when they are gone). */
    private List<HealthScore> rescored(List<HealthScore> previous, Set<String> touched, LocalDate asOf,
            long previousVersion, long version) {
        BookQuery query = BookReadPlan.forRanking(scorer.scorecard(), asOf);
        KeptUsageWindows next = carriedOver(previousVersion, version, asOf, touched);
        List<HealthScore> all = new ArrayList<>(previous.size() + touched.size());
        for (HealthScore score : previous) {
            if (!touched.contains(score.account().id())) {
                all.add(score);
            }
        }
        accounts.forEachOf(touched, query, signals -> {
            if (next != null) {
                next.keep(signals);
            }
            all.add(rankingScore(signals, query));
        });
        all.sort(BY_ACCOUNT_ID);
        if (next != null) {
            keep(next, version);
        }
        return List.copyOf(all);
    }

    /**
     * The usage totals kept for {@code fromVersion}'s ranking, carried over to {@code version} without the accounts
     * {@code touched} (the caller keeps them again as it reads them); null when none are kept for it.
     */
    private KeptUsageWindows carriedOver(long fromVersion, long version, LocalDate asOf, Set<String> touched) {
        KeptUsageWindows known = keptWindows;
        return known != null && known.isFor(fromVersion, asOf) ? known.carriedTo(version, touched) : null;
    }

    private HealthScore rankingScore(BookSignals book, BookQuery query) {
        return scorer.scoreForRanking(book, query);
    }

    /**
     * The ranking score of {@code book} for the record {@code directory} holds of it, when that is the same: one
     * instance of each account for the directory and the ranking (at 100,000 accounts, tens of megabytes less).
     */
    private HealthScore rankingScore(BookSignals book, BookQuery query, AccountDirectory directory) {
        return scorer.scoreForRanking(sharedWith(directory, book), query);
    }

    /** {@code book} with the record {@code directory} holds of its account, when that is the same. */
    private static BookSignals sharedWith(AccountDirectory directory, BookSignals book) {
        Optional<dev.csbot.account.Account> known = directory.withId(book.account().id());
        return known.isEmpty() || known.get() == book.account() || !known.get().equals(book.account())
                ? book
                : book.withAccount(known.get());
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }
}
