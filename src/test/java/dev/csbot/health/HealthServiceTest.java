package dev.csbot.health;

import static dev.csbot.support.SignalsBuilder.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.csbot.account.Account;
import dev.csbot.account.AccountSignals;
import dev.csbot.account.BookQuery;
import dev.csbot.account.BookTable;
import dev.csbot.account.BookSignals;
import dev.csbot.account.LifecycleStage;
import dev.csbot.account.MeetingKind;
import dev.csbot.account.PortfolioChanged;
import dev.csbot.account.Segment;
import dev.csbot.support.InMemoryPortfolio;
import dev.csbot.support.SignalsBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class HealthServiceTest {

    /** Counts reads, to see when the book or an account is read and scored again. */
    private static final class CountingPortfolio extends InMemoryPortfolio {
        final AtomicInteger bookReads = new AtomicInteger();
        final AtomicInteger accountReads = new AtomicInteger();
        final AtomicInteger directoryReads = new AtomicInteger();
        final List<Set<String>> partialReads = Collections.synchronizedList(new ArrayList<>());
        /** Every book read's query, whole or partial, in order. */
        final List<BookQuery> queries = Collections.synchronizedList(new ArrayList<>());
        /** When set, a whole-book read waits for it (to hold a ranking in flight). */
        volatile CountDownLatch bookReadMayFinish;
        volatile boolean failNextBookRead;
        /** When set, the store cannot tell which accounts a write touched (the book is ranked afresh). */
        volatile boolean forgetsChanges;

        @Override
        public synchronized Optional<Set<String>> changedBetween(long fromVersion, long toVersion) {
            return forgetsChanges ? Optional.empty() : super.changedBetween(fromVersion, toVersion);
        }

        @Override
        public Optional<AccountSignals> signals(String accountId, LocalDate usageFrom, LocalDate asOf) {
            accountReads.incrementAndGet();
            return super.signals(accountId, usageFrom, asOf);
        }

        @Override
        public List<Account> findAll() {
            directoryReads.incrementAndGet();
            return super.findAll();
        }

        @Override
        public void forEachInBook(BookQuery query, Consumer<BookSignals> each) {
            bookReads.incrementAndGet();
            queries.add(query);
            if (failNextBookRead) {
                failNextBookRead = false;
                throw new IllegalStateException("the store is down");
            }
            CountDownLatch latch = bookReadMayFinish;
            if (latch != null) {
                try {
                    latch.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            super.forEachInBook(query, each);
        }

        @Override
        public void forEachOf(Set<String> accountIds, BookQuery query, Consumer<BookSignals> each) {
            partialReads.add(Set.copyOf(accountIds));
            queries.add(query);
            super.forEachOf(accountIds, query, each);
        }
    }

    private static final Clock CLOCK = Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    private final CountingPortfolio portfolio = new CountingPortfolio();
    private final AtomicLong nanos = new AtomicLong();
    private final HealthService service = new HealthService(portfolio, new HealthScorer(ScorecardLoader.defaults()),
            CLOCK, HealthService.DEFAULT_REUSED_SCORES, nanos::get);

    /** A write as the store makes it in this process: the data, then the event after the commit. */
    private void write(SignalsBuilder account) {
        portfolio.add(account);
        AccountSignals written = account.build();
        service.portfolioChanged(new PortfolioChanged(Set.of(written.account().id()), false));
    }

    private static HealthScore of(List<HealthScore> scores, String id) {
        return scores.stream().filter(s -> s.account().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void anAccountsScoreIsReusedUntilThePortfolioChanges() {
        portfolio.add(SignalsBuilder.healthy("acme"));

        HealthScore first = service.forAccount("acme").orElseThrow();
        HealthScore again = service.forAccount("acme").orElseThrow();
        write(SignalsBuilder.healthy("acme").championLeft("Jane Doe", "VP", TODAY.minusDays(10)));
        HealthScore afterWrite = service.forAccount("acme").orElseThrow();

        assertThat(again).isSameAs(first);
        assertThat(portfolio.accountReads).hasValue(2);
        assertThat(afterWrite.score()).isLessThan(first.score());
        assertThat(afterWrite.drivers()).anySatisfy(d -> assertThat(d.evidence()).contains("Jane Doe"));
    }

    @Test
    void withReuseOffEveryRequestReadsTheStore() {
        HealthService computing = new HealthService(portfolio, new HealthScorer(ScorecardLoader.defaults()), CLOCK, 0);
        portfolio.add(SignalsBuilder.healthy("acme"));

        HealthScore first = computing.forAccount("acme").orElseThrow();
        HealthScore again = computing.forAccount("acme").orElseThrow();

        assertThat(again).isNotSameAs(first);
        assertThat(again.score()).isEqualTo(first.score());
        assertThat(portfolio.accountReads).hasValue(2);
    }

    @Test
    void anUnknownAccountIsAnsweredFromTheDirectoryWithoutReadingTheStore() {
        portfolio.add(SignalsBuilder.healthy("acme"));

        assertThat(service.forAccount("no-such-account")).isEmpty();
        assertThat(portfolio.accountReads).hasValue(0);
    }

    @Test
    void whatIsDerivedFromAScoreIsComputedOncePerSnapshot() {
        portfolio.add(SignalsBuilder.healthy("acme"));
        AtomicInteger derivations = new AtomicInteger();
        java.util.function.Function<HealthScore, String> reply = score -> {
            derivations.incrementAndGet();
            return "reply for " + score.score();
        };

        String first = service.forAccount("acme", reply).orElseThrow();
        String again = service.forAccount("acme", reply).orElseThrow();
        write(SignalsBuilder.healthy("acme").championLeft("Jane Doe", "VP", TODAY.minusDays(10)));
        String afterWrite = service.forAccount("acme", reply).orElseThrow();

        assertThat(again).isSameAs(first);
        assertThat(afterWrite).isNotEqualTo(first);
        assertThat(derivations).hasValue(2);
    }

    @Test
    void eightConcurrentCallersAfterAChangeShareOneRankingOfTheBook() throws Exception {
        portfolio.add(SignalsBuilder.healthy("globex")).add(SignalsBuilder.healthy("acme"));
        service.all();
        portfolio.bookReads.set(0);
        portfolio.forgetsChanges = true;
        portfolio.remove("globex");
        service.portfolioChanged(new PortfolioChanged(Set.of("globex"), true));
        CountDownLatch mayFinish = new CountDownLatch(1);
        portfolio.bookReadMayFinish = mayFinish;
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            CyclicBarrier start = new CyclicBarrier(8);
            List<Future<List<HealthScore>>> results = new ArrayList<>();
            List<Thread> threads = Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < 8; i++) {
                results.add(callers.submit(() -> {
                    threads.add(Thread.currentThread());
                    start.await();
                    return service.all();
                }));
            }
            // Hold the one reader in the store until the seven others are waiting for its result.
            waitUntil(() -> portfolio.bookReads.get() == 1 && threads.size() == 8 && threads.stream()
                    .filter(t -> t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING
                            || t.getState() == Thread.State.BLOCKED).count() == 8);
            mayFinish.countDown();
            List<HealthScore> first = results.get(0).get(10, TimeUnit.SECONDS);
            for (Future<List<HealthScore>> result : results) {
                assertThat(result.get(10, TimeUnit.SECONDS)).isSameAs(first);
            }
            assertThat(first).extracting(s -> s.account().id()).containsExactly("acme");
            assertThat(portfolio.bookReads).hasValue(1);
        } finally {
            portfolio.bookReadMayFinish = null;
            callers.shutdownNow();
        }
    }

    /** Polls (no fixed sleep) until the condition holds, failing after ten seconds. */
    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition never held").isLessThan(deadline);
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    /** Every part of each score as text ({@link HealthScoreText}). */
    private static List<String> seen(List<HealthScore> scores) {
        return scores.stream().map(HealthScoreText::of).toList();
    }

    /** A book whose usage writes move scores in every way they can: bands, trends, staleness, first usage. */
    private void usageBook() {
        portfolio.add(SignalsBuilder.healthy("acme"))
                .add(SignalsBuilder.healthy("globex").championLeft("Jane Doe", "VP", TODAY.minusDays(20)))
                .add(SignalsBuilder.healthy("hooli").noUsage())
                .add(SignalsBuilder.healthy("initech").usage(TODAY.minusDays(90), TODAY.minusDays(6), day -> 40, 3))
                .add(SignalsBuilder.healthy("wonka").stage(LifecycleStage.ONBOARDING).contractStart(TODAY.minusDays(40))
                        .usage(TODAY.minusDays(40), TODAY.minusDays(1), day -> day / 4, 2));
    }

    /** Usage of the last {@code days} days up to today, {@code active} users a day, for every account. */
    private Set<String> writeUsageOfEveryAccount(int days, int active) {
        return writeUsageOf(Set.of("acme", "globex", "hooli", "initech", "wonka"), days, active);
    }

    /** Usage of the last {@code days} days up to today, {@code active} users a day, for each of {@code ids}. */
    private Set<String> writeUsageOf(java.util.Collection<String> ids, int days, int active) {
        for (String id : ids) {
            List<dev.csbot.account.UsageDay> rows = new ArrayList<>();
            for (int i = days - 1; i >= 0; i--) {
                rows.add(new dev.csbot.account.UsageDay(id, TODAY.minusDays(i), active, 100, 1));
            }
            portfolio.writeUsage(id, rows);
        }
        return Set.copyOf(ids);
    }

    @Test
    void aWriteOfUsageAloneReadsUsageAloneAndScoresAsAFreshRankingWould() {
        usageBook();
        List<HealthScore> before = service.all();
        int readsBefore = portfolio.queries.size();

        service.portfolioChanged(new PortfolioChanged(writeUsageOfEveryAccount(5, 2), false));
        List<HealthScore> after = service.all();

        assertThat(portfolio.queries.subList(readsBefore, portfolio.queries.size()))
                .as("only usage read again").isNotEmpty().allMatch(BookQuery::usageOnly);
        assertThat(seen(after)).isEqualTo(seen(service.scoreAll(TODAY)));
        assertThat(seen(after)).as("the write moved scores").isNotEqualTo(seen(before));
        assertThat(of(after, "hooli").previousScore()).as("usage since today: no earlier score to compare").isEmpty();
        assertThat(of(before, "hooli").staleSources()).contains("no usage data");
        assertThat(of(after, "hooli").staleSources()).doesNotContain("no usage data");
    }

    @Test
    void aWriteOfUsageAloneToEveryAccountReadsTheBooksUsageInOnePass() {
        usageBook();
        service.all();
        portfolio.forgetsChanges = true; // as a write of more accounts than the store names one by one
        int readsBefore = portfolio.queries.size();

        service.portfolioChanged(new PortfolioChanged(writeUsageOfEveryAccount(3, 90), false));
        List<HealthScore> after = service.all();

        assertThat(portfolio.partialReads).isEmpty();
        assertThat(portfolio.queries.subList(readsBefore, portfolio.queries.size())).singleElement()
                .matches(BookQuery::usageOnly).matches(query -> query.evaluatedOn().equals(List.of(TODAY)))
                .as("windows that end before the days written are not summed again")
                .matches(query -> query.usageWindows().stream().noneMatch(w -> w.toInclusive().isBefore(TODAY.minusDays(2))));
        assertThat(seen(after)).isEqualTo(seen(service.scoreAll(TODAY)));

        // Again, from 20 days back: every window of today's score is summed again, on top of the last ranking.
        readsBefore = portfolio.queries.size();
        service.portfolioChanged(new PortfolioChanged(writeUsageOfEveryAccount(21, 7), false));
        List<HealthScore> again = service.all();
        assertThat(portfolio.queries.subList(readsBefore, portfolio.queries.size())).singleElement()
                .matches(BookQuery::usageOnly)
                .matches(query -> query.usageWindows().equals(BookReadPlan.todaysWindows(service.scorecard(), TODAY)));
        assertThat(seen(again)).isEqualTo(seen(service.scoreAll(TODAY)));

        // Today's row alone (the daily feed): only today is summed, the days before come from the last ranking.
        readsBefore = portfolio.queries.size();
        service.portfolioChanged(new PortfolioChanged(writeUsageOfEveryAccount(1, 0), false));
        List<HealthScore> today = service.all();
        assertThat(portfolio.queries.subList(readsBefore, portfolio.queries.size())).singleElement()
                .matches(BookQuery::usageOnly)
                .matches(query -> query.usageWindows().equals(Set.of(new dev.csbot.account.UsageWindow(
                        TODAY.minusDays(1), TODAY))));
        assertThat(seen(today)).isEqualTo(seen(service.scoreAll(TODAY)));
        assertThat(seen(today)).isNotEqualTo(seen(again));
    }

    @Test
    void writesOfAFewAccountsCarryTheKeptWindowsOverSoTheDailyFeedStillSumsOnlyToday() {
        usageBook();
        service.all();
        // A usage row of one account, then a change to another (a champion leaves), each ranked as the service does.
        portfolio.writeUsage("acme", List.of(new dev.csbot.account.UsageDay("acme", TODAY, 3, 10, 1)));
        service.portfolioChanged(new PortfolioChanged(Set.of("acme"), false));
        service.all();
        write(SignalsBuilder.healthy("initech").usage(TODAY.minusDays(90), TODAY.minusDays(6), day -> 40, 3)
                .championLeft("Sam Lee", "Director", TODAY.minusDays(2)));
        service.all();
        portfolio.forgetsChanges = true;
        int readsBefore = portfolio.queries.size();

        service.portfolioChanged(new PortfolioChanged(writeUsageOfEveryAccount(1, 0), false));
        List<HealthScore> after = service.all();

        assertThat(portfolio.queries.subList(readsBefore, portfolio.queries.size())).singleElement()
                .matches(BookQuery::usageOnly).matches(BookQuery::boundsInWindows)
                .matches(query -> query.usageWindows().equals(Set.of(new dev.csbot.account.UsageWindow(
                        TODAY.minusDays(1), TODAY))));
        assertThat(seen(after)).isEqualTo(seen(service.scoreAll(TODAY)));
    }

    @Test
    void usageWrittenOnOrBeforeTheTrendsEarlierDayIsReadInFull() {
        usageBook();
        service.all();
        int readsBefore = portfolio.queries.size();

        portfolio.writeUsage("acme", List.of(new dev.csbot.account.UsageDay("acme", TODAY.minusDays(30), 0, 0, 0),
                new dev.csbot.account.UsageDay("acme", TODAY, 1, 1, 1)));
        service.portfolioChanged(new PortfolioChanged(Set.of("acme"), false));
        List<HealthScore> after = service.all();

        assertThat(portfolio.queries.subList(readsBefore, portfolio.queries.size())).singleElement()
                .matches(query -> !query.usageOnly());
        assertThat(seen(after)).isEqualTo(seen(service.scoreAll(TODAY)));
    }

    @Test
    void usageWritesAreRescoredOnTheLastRankingEvenWhenSnapshotsInBetweenWereNeverRanked() {
        usageBook();
        service.all();
        int readsBefore = portfolio.queries.size();

        portfolio.writeUsage("acme", List.of(new dev.csbot.account.UsageDay("acme", TODAY, 0, 0, 0)));
        service.portfolioChanged(new PortfolioChanged(Set.of("acme"), false));
        service.directory(); // a snapshot that nobody ranks
        portfolio.writeUsage("globex", List.of(new dev.csbot.account.UsageDay("globex", TODAY, 0, 0, 0)));
        service.portfolioChanged(new PortfolioChanged(Set.of("globex"), false));
        List<HealthScore> after = service.all();

        assertThat(portfolio.queries.subList(readsBefore, portfolio.queries.size())).singleElement()
                .matches(BookQuery::usageOnly);
        assertThat(portfolio.partialReads).containsExactly(Set.of("acme", "globex"));
        assertThat(seen(after)).isEqualTo(seen(service.scoreAll(TODAY)));
    }

    /**
     * A CRM sync of every account, and more, written without usage: fields that usage measures weigh (seats, stage,
     * contract start, renewal) and other signals move, an account is added (and has no usage).
     */
    private Set<String> writeEveryAccountWithoutUsage() {
        portfolio.writeWithoutUsage(SignalsBuilder.healthy("acme").seats(400))
                .writeWithoutUsage(SignalsBuilder.healthy("globex").championLeft("Jane Doe", "VP", TODAY.minusDays(20))
                        .renewal(TODAY.plusDays(30)).seats(300))
                .writeWithoutUsage(SignalsBuilder.healthy("hooli").ticket(TODAY.minusDays(3), null, 1, "Down")
                        .ticket(TODAY.minusDays(2), null, 1, "Still down"))
                .writeWithoutUsage(SignalsBuilder.healthy("initech").stage(LifecycleStage.ONBOARDING)
                        .contractStart(TODAY.minusDays(80)))
                .writeWithoutUsage(SignalsBuilder.healthy("wonka").stage(LifecycleStage.ADOPTION)
                        .contractStart(TODAY.minusDays(40)))
                .writeWithoutUsage(SignalsBuilder.healthy("newco"));
        return Set.of("acme", "globex", "hooli", "initech", "wonka", "newco");
    }

    /** Today's usage row of every account (the daily feed) is rescored from today's row alone, as a fresh ranking. */
    private void theDailyFeedSumsOnlyToday(int active) {
        theDailyFeedSumsOnlyTodayOf(List.of("acme", "globex", "hooli", "initech", "wonka"), active);
    }

    private void theDailyFeedSumsOnlyTodayOf(List<String> ids, int active) {
        int readsBefore = portfolio.queries.size();
        service.portfolioChanged(new PortfolioChanged(writeUsageOf(ids, 1, active), false));
        List<HealthScore> fed = service.all();
        // One read of the book's usage, in parts when it is large.
        assertThat(portfolio.queries.subList(readsBefore, portfolio.queries.size()))
                .hasSize(HealthService.parts(service.directory()).size())
                .allMatch(BookQuery::usageOnly)
                .allMatch(query -> query.usageWindows().equals(Set.of(new dev.csbot.account.UsageWindow(
                        TODAY.minusDays(1), TODAY))));
        assertThat(seen(fed)).isEqualTo(seen(service.scoreAll(TODAY)));
    }

    @Test
    void aWriteWithoutUsageToEveryAccountReadsEveryTableButUsageAndScoresAsAFreshRankingWould() {
        usageBook();
        List<HealthScore> before = service.all();
        portfolio.forgetsChanges = true; // as a write of more accounts than the store names one by one
        int readsBefore = portfolio.queries.size();

        service.portfolioChanged(new PortfolioChanged(writeEveryAccountWithoutUsage(), false));
        List<HealthScore> after = service.all();

        List<BookQuery> reads = List.copyOf(portfolio.queries.subList(readsBefore, portfolio.queries.size()));
        assertThat(reads).hasSize(2);
        assertThat(reads.get(0)).as("the whole book but its usage totals")
                .matches(query -> query.usageWindows().isEmpty() && query.boundsInWindows() && !query.usageOnly())
                .matches(query -> query.evaluatedOn().equals(List.of(TODAY, TODAY.minusDays(30))));
        assertThat(portfolio.partialReads).as("the new account, which has no kept usage, read in full")
                .containsExactly(Set.of("newco"));
        assertThat(reads.get(1).usageWindows()).isNotEmpty();
        assertThat(seen(after)).isEqualTo(seen(service.scoreAll(TODAY)));
        assertThat(seen(after)).as("the write moved scores").isNotEqualTo(seen(before.stream().toList()));
        assertThat(of(after, "initech").onboarding()).isTrue();
        assertThat(of(after, "wonka").onboarding()).isFalse();
    }

    @Test
    void theDailyFeedThenACrmSyncThenTheFeedAgainKeepEveryUsageTotalBetweenThem() {
        usageBook();
        service.all();
        portfolio.forgetsChanges = true;
        service.portfolioChanged(new PortfolioChanged(writeUsageOfEveryAccount(1, 40), false));
        service.all();
        int readsBefore = portfolio.queries.size();

        service.portfolioChanged(new PortfolioChanged(writeEveryAccountWithoutUsage(), false));
        List<HealthScore> synced = service.all();
        assertThat(portfolio.queries.subList(readsBefore, portfolio.queries.size()).get(0))
                .as("the trend's earlier day's totals kept through the usage rescore")
                .matches(query -> query.usageWindows().isEmpty());
        assertThat(portfolio.partialReads).containsExactly(Set.of("newco"));
        assertThat(seen(synced)).isEqualTo(seen(service.scoreAll(TODAY)));

        theDailyFeedSumsOnlyToday(3);
    }

    @Test
    void aWriteWithoutUsageThatAddsMoreAccountsThanAreRescoredOneByOneRanksTheWholeBookInFull() {
        usageBook();
        service.all();
        portfolio.forgetsChanges = true;
        for (int i = 0; i <= HealthService.RESCORE_LIMIT; i++) {
            portfolio.writeWithoutUsage(SignalsBuilder.bare(String.format("new-%04d", i)));
        }
        int readsBefore = portfolio.queries.size();

        service.portfolioChanged(new PortfolioChanged(Set.of("new-0000"), false));
        List<HealthScore> after = service.all();

        List<BookQuery> reads = List.copyOf(portfolio.queries.subList(readsBefore, portfolio.queries.size()));
        assertThat(reads).hasSize(2);
        assertThat(reads.get(0).usageWindows()).isEmpty();
        assertThat(reads.get(1).usageWindows()).isEqualTo(BookReadPlan.keptWindows(service.scorecard(), TODAY));
        assertThat(portfolio.partialReads).isEmpty();
        assertThat(after).hasSize(5 + HealthService.RESCORE_LIMIT + 1);
        assertThat(seen(after)).isEqualTo(seen(service.scoreAll(TODAY)));
    }

    @Test
    void aCrmSyncOfEveryAccountReadsAgainOnlyTheAccountsWhoseScoredFieldsMoved() {
        usageBook();
        service.all();
        portfolio.forgetsChanges = true;
        int bookReads = portfolio.bookReads.get();
        int readsBefore = portfolio.queries.size();
        // Every record rewritten; ARR, name and CSM move everywhere, seats at hooli, the segment at acme (which
        // engagement and relationship read: weighed again from what they read of the meetings and contacts); one
        // account is new.
        for (String id : List.of("acme", "globex", "hooli", "initech", "wonka")) {
            SignalsBuilder record = id.equals("wonka") ? SignalsBuilder.healthy(id).stage(LifecycleStage.ONBOARDING)
                    .contractStart(TODAY.minusDays(40)) : SignalsBuilder.healthy(id);
            portfolio.syncAccount(record.arr(77_000).name(id + " Holdings").csm("new.csm@example.com")
                    .seats(id.equals("hooli") ? 400 : 100).segment(id.equals("acme") ? Segment.SMB : Segment.ENTERPRISE)
                    .build().account());
        }
        portfolio.syncAccount(SignalsBuilder.healthy("newco").build().account());

        service.portfolioChanged(new PortfolioChanged(Set.of("acme"), false));
        List<HealthScore> after = service.all();

        assertThat(portfolio.bookReads.get()).as("no whole-book read").isEqualTo(bookReads);
        assertThat(portfolio.partialReads).as("the new account alone").containsExactly(Set.of("newco"));
        assertThat(portfolio.queries.subList(readsBefore, portfolio.queries.size())).singleElement()
                .matches(query -> query.usageWindows().equals(BookReadPlan.keptWindows(service.scorecard(), TODAY)));
        assertThat(seen(after)).isEqualTo(seen(service.scoreAll(TODAY)));
        assertThat(of(after, "globex").account().arr()).isEqualTo(77_000);
        assertThat(of(after, "acme").account().segment()).isEqualTo(Segment.SMB);
        assertThat(of(after, "hooli").account().name()).isEqualTo("hooli Holdings");

        // The daily feed after the sync still sums only today.
        theDailyFeedSumsOnlyToday(5);
    }

    @Test
    void crmSyncsInARowThatNobodyRankedInBetweenAreResyncedOnTheLastRanking() {
        usageBook();
        service.all();
        portfolio.forgetsChanges = true;
        int bookReads = portfolio.bookReads.get();
        portfolio.syncAccount(SignalsBuilder.healthy("acme").arr(5).build().account());
        service.portfolioChanged(new PortfolioChanged(Set.of("acme"), false));
        service.directory(); // a snapshot that nobody ranks
        portfolio.syncAccount(SignalsBuilder.healthy("globex").championLeft("Jane Doe", "VP", TODAY.minusDays(20))
                .seats(250).build().account());
        service.portfolioChanged(new PortfolioChanged(Set.of("globex"), false));
        List<HealthScore> after = service.all();

        assertThat(portfolio.bookReads.get()).as("no whole-book read").isEqualTo(bookReads);
        assertThat(portfolio.partialReads).as("globex's seats weighed again from what was kept").isEmpty();
        assertThat(of(after, "globex").account().seatsPurchased()).isEqualTo(250);
        assertThat(of(after, "acme").account().arr()).isEqualTo(5);
        assertThat(seen(after)).isEqualTo(seen(service.scoreAll(TODAY)));
    }

    /**
     * A book of more accounts than are read one by one (and than are read in one part), whose seats, contract starts and renewal dates can move every
     * usage measure, the band policy's caps and renewal risk, and whether the trend's earlier day has a score.
     */
    private List<String> resyncBook() {
        List<String> ids = new ArrayList<>();
        // Large enough to be worked on in parts, side by side, where there are cores for it.
        int size = Math.max(HealthService.RESCORE_LIMIT + 1, HealthService.READ_IN_PARTS_FROM);
        for (int i = 0; i < size; i++) {
            String id = String.format("a-%04d", i);
            ids.add(id);
            SignalsBuilder account = switch (i % 5) {
                case 0 -> SignalsBuilder.healthy(id);
                case 1 -> SignalsBuilder.healthy(id).usage(TODAY.minusDays(60), TODAY, day -> 20 + day / 3, 3)
                        .contractStart(TODAY.minusDays(50));
                case 2 -> SignalsBuilder.healthy(id).championLeft("Jane Doe", "VP", TODAY.minusDays(20))
                        .renewal(TODAY.plusDays(200));
                case 3 -> SignalsBuilder.healthy(id).stage(LifecycleStage.ONBOARDING).contractStart(TODAY.minusDays(40))
                        .noUsage().usage(TODAY.minusDays(40), TODAY, day -> day, 2);
                default -> SignalsBuilder.bare(id);
            };
            portfolio.add(account);
        }
        return ids;
    }

    @Test
    void aTicketImportOfEveryAccountReadsOnlyTheTicketsAndScoresAsAFreshRankingWould() {
        List<String> ids = resyncBook();
        List<HealthScore> before = service.all();
        portfolio.forgetsChanges = true;
        int bookReads = portfolio.bookReads.get();
        int directoryReads = portfolio.directoryReads.get();
        int readsBefore = portfolio.queries.size();
        for (int i = 0; i < ids.size(); i++) {
            SignalsBuilder rows = SignalsBuilder.bare(ids.get(i));
            if (i % 3 == 0) {
                rows.ticket(TODAY.minusDays(2), null, 1, "Down").ticket(TODAY.minusDays(1), null, 1, "Still down");
            } else if (i % 3 == 1) {
                // Opened before the trend's earlier day and still open: both days weigh it.
                rows.ticket(TODAY.minusDays(40), null, 2, "Slow reports");
            }
            portfolio.writeRows(BookTable.TICKETS, rows);
        }

        service.portfolioChanged(new PortfolioChanged(Set.of(ids.get(0)), false));
        List<HealthScore> after = service.all();

        assertThat(portfolio.queries.subList(readsBefore, portfolio.queries.size()))
                .as("one read of the book's tickets, counted, in parts when it is large")
                .hasSize(HealthService.parts(service.directory()).size())
                .allMatch(query -> query.tables().equals(Set.of(BookTable.TICKETS)))
                .allMatch(query -> query.ticketCounts().isPresent())
                .allMatch(query -> query.usageWindows().isEmpty() && query.boundsInWindows());
        assertThat(portfolio.bookReads.get() - bookReads).isEqualTo(HealthService.parts(service.directory()).size());
        assertThat(portfolio.partialReads).as("nobody read in full").isEmpty();
        assertThat(portfolio.directoryReads.get()).as("no account written: the directory stands")
                .isEqualTo(directoryReads);
        assertThat(seen(after)).isEqualTo(seen(service.scoreAll(TODAY)));
        assertThat(seen(after)).as("the import moved scores").isNotEqualTo(seen(before));
        assertThat(of(after, "a-0010").previousScore()).as("the earlier day weighed again")
                .isNotEqualTo(of(before, "a-0010").previousScore());

        theDailyFeedSumsOnlyTodayOf(ids, 4);
    }

    @Test
    void anImportOfAccountsAndFeedbackWeighsAgainWhatMovedAndReadsInFullOnlyTheAccountsItCannotWeighAgain() {
        List<String> ids = resyncBook();
        List<HealthScore> before = service.all();
        portfolio.forgetsChanges = true;
        int readsBefore = portfolio.queries.size();
        for (int i = 0; i < ids.size(); i++) {
            Account was = of(before, ids.get(i)).account();
            // Into onboarding (other weights) at two accounts, to another stage after it at a third; the segment of a
            // fourth, weighed again from what engagement and relationship read of its meetings and contacts.
            LifecycleStage stage = i < 10 && i % 5 == 0 ? LifecycleStage.ONBOARDING
                    : i == 10 ? LifecycleStage.RENEWAL : was.lifecycleStage();
            portfolio.syncAccount(new Account(was.id(), was.name(), i == 15 ? Segment.SMB : was.segment(),
                    was.arr() + 1, i % 5 == 1 ? was.seatsPurchased() * 3 + 1 : was.seatsPurchased(),
                    was.contractStart(), i % 5 == 2 ? TODAY.plusDays(30) : was.renewalDate(), was.csmEmail(), stage,
                    was.slackChannel(), was.teamsChannel()));
            portfolio.writeRows(BookTable.FEEDBACK, SignalsBuilder.bare(ids.get(i))
                    .feedback(dev.csbot.account.FeedbackKind.NPS, i % 2 == 0 ? 2 : 9, TODAY.minusDays(1), null));
        }

        service.portfolioChanged(new PortfolioChanged(Set.of(ids.get(0)), false));
        List<HealthScore> after = service.all();

        List<BookQuery> reads = portfolio.queries.subList(readsBefore, portfolio.queries.size());
        assertThat(reads.subList(0, HealthService.parts(service.directory()).size()))
                .as("the book's feedback").allMatch(query -> query.tables().equals(Set.of(BookTable.FEEDBACK)));
        assertThat(portfolio.partialReads).as("the accounts moved into onboarding, read in full")
                .containsExactly(Set.of("a-0000", "a-0005"));
        assertThat(of(after, "a-0015").account().segment()).isEqualTo(Segment.SMB);
        assertThat(seen(after)).isEqualTo(seen(service.scoreAll(TODAY)));
        assertThat(of(after, "a-0002").renewalRisk()).as("a renewal moved near, with a detractor")
                .hasValueSatisfying(risk -> assertThat(risk.reasons()).anyMatch(reason -> reason.contains("sentiment")));
    }

    @Test
    void aCrmSyncThatMovesSeatsContractStartsAndRenewalsOfEveryAccountReadsOnlyTheUsageOfOnboardingAccounts() {
        List<String> ids = resyncBook();
        service.all();
        portfolio.forgetsChanges = true;
        int bookReads = portfolio.bookReads.get();
        int readsBefore = portfolio.queries.size();
        List<HealthScore> before = service.all();
        for (int i = 0; i < ids.size(); i++) {
            Account was = of(before, ids.get(i)).account();
            portfolio.syncAccount(new Account(was.id(), was.name(), was.segment(), was.arr() + 1,
                    was.seatsPurchased() * 3 + 1, i % 5 == 1 ? TODAY.minusDays(10) : was.contractStart(),
                    i % 5 == 2 ? TODAY.plusDays(30) : was.renewalDate(), was.csmEmail(), was.lifecycleStage(),
                    was.slackChannel(), was.teamsChannel()));
        }
        Set<String> onboarding = Set.copyOf(ids.stream().filter(id -> Integer.parseInt(id.substring(2)) % 5 == 3)
                .toList());

        service.portfolioChanged(new PortfolioChanged(Set.of(ids.get(0)), false));
        List<HealthScore> after = service.all();

        assertThat(portfolio.bookReads.get()).as("no whole-book read").isEqualTo(bookReads);
        assertThat(portfolio.partialReads).as("the onboarding accounts, scored from every usage day")
                .containsExactly(onboarding);
        assertThat(portfolio.queries.subList(readsBefore, portfolio.queries.size())).singleElement()
                .as("their usage alone").matches(BookQuery::usageOnly);
        assertThat(seen(after)).isEqualTo(seen(service.scoreAll(TODAY)));
        assertThat(of(after, "a-0002").renewalRisk()).as("a renewal moved near").isPresent();
        assertThat(of(after, "a-0001").previousScore()).as("a contract start moved after the earlier day").isEmpty();

        theDailyFeedSumsOnlyTodayOf(ids, 4);
    }

    @Test
    void aCrmSyncThatMovesTheSegmentOfMoreAccountsThanAreReadOneByOneReadsNoMeetingsNorContactsAgain() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < HealthService.READ_IN_PARTS_FROM; i++) {
            String id = String.format("a-%04d", i);
            ids.add(id);
            portfolio.add(switch (i % 4) {
                case 0 -> SignalsBuilder.healthy(id);
                // No executive in a meeting for long: missed in an enterprise, not asked of a small business.
                case 1 -> SignalsBuilder.healthy(id).noMeetings().meeting(TODAY.minusDays(50), MeetingKind.CHECK_IN,
                        false);
                case 2 -> SignalsBuilder.healthy(id).stage(LifecycleStage.ONBOARDING).contractStart(TODAY.minusDays(40))
                        .noUsage().usage(TODAY.minusDays(40), TODAY, day -> day, 2);
                default -> SignalsBuilder.bare(id);
            });
        }
        List<HealthScore> before = service.all();
        portfolio.forgetsChanges = true;
        int bookReads = portfolio.bookReads.get();
        int readsBefore = portfolio.queries.size();
        // The book tiered again: every account a small business now; some seats move too, and three accounts go
        // back to onboarding (other weights: read in full).
        Set<String> backToOnboarding = Set.of("a-0000", "a-0004", "a-0008");
        for (int i = 0; i < ids.size(); i++) {
            Account was = of(before, ids.get(i)).account();
            portfolio.syncAccount(new Account(was.id(), was.name(), Segment.SMB, was.arr(),
                    i % 4 == 1 ? was.seatsPurchased() * 2 + 1 : was.seatsPurchased(), was.contractStart(),
                    was.renewalDate(), was.csmEmail(), backToOnboarding.contains(was.id()) ? LifecycleStage.ONBOARDING
                            : was.lifecycleStage(), was.slackChannel(), was.teamsChannel()));
        }

        service.portfolioChanged(new PortfolioChanged(Set.of(ids.get(0)), false));
        List<HealthScore> after = service.all();

        List<BookQuery> reads = List.copyOf(portfolio.queries.subList(readsBefore, portfolio.queries.size()));
        assertThat(portfolio.bookReads.get()).as("no whole-book read").isEqualTo(bookReads);
        assertThat(reads).as("the usage of those scored from every usage day, then the accounts back in onboarding")
                .hasSize(2);
        assertThat(reads.get(0)).matches(BookQuery::usageOnly);
        assertThat(reads).noneMatch(query -> query.tables().equals(Set.of(BookTable.MEETINGS, BookTable.CONTACTS)));
        assertThat(portfolio.partialReads).as("the usage of the accounts onboarding now; those back in it, in full")
                .containsExactly(ids.stream().filter(id -> Integer.parseInt(id.substring(2)) % 4 == 2
                        || backToOnboarding.contains(id)).collect(java.util.stream.Collectors.toSet()),
                        backToOnboarding);
        assertThat(after).allMatch(score -> score.account().segment() == Segment.SMB);
        assertThat(seen(after)).isEqualTo(seen(service.scoreAll(TODAY)));
        assertThat(measureOf(of(after, "a-0001"), Measure.ENGAGEMENT))
                .as("no executive expected of a small business")
                .isGreaterThan(measureOf(of(before, "a-0001"), Measure.ENGAGEMENT));

        theDailyFeedSumsOnlyTodayOf(ids, 4);
    }

    private static double measureOf(HealthScore score, Measure measure) {
        return score.measures().stream().filter(result -> result.measure() == measure).findFirst().orElseThrow()
                .score().orElseThrow();
    }

    @Test
    void aCrmSyncThatMovesEveryAccountsStageAfterOnboardingReadsNothingAgain() {
        List<String> ids = resyncBook();
        List<HealthScore> before = service.all();
        portfolio.forgetsChanges = true;
        int readsBefore = portfolio.queries.size();
        for (String id : ids) {
            Account was = of(before, id).account();
            LifecycleStage next = switch (was.lifecycleStage()) {
                case ONBOARDING -> LifecycleStage.ONBOARDING;
                case ADOPTION -> LifecycleStage.EXPANSION;
                case EXPANSION, RENEWAL -> LifecycleStage.RENEWAL;
            };
            portfolio.syncAccount(new Account(was.id(), was.name(), was.segment(), was.arr(), was.seatsPurchased(),
                    was.contractStart(), was.renewalDate(), was.csmEmail(), next, was.slackChannel(),
                    was.teamsChannel()));
        }

        service.portfolioChanged(new PortfolioChanged(Set.of(ids.get(0)), false));
        List<HealthScore> after = service.all();

        assertThat(portfolio.queries.size()).as("no read but the directory's").isEqualTo(readsBefore);
        assertThat(of(after, "a-0000").account().lifecycleStage()).isEqualTo(LifecycleStage.EXPANSION);
        assertThat(seen(after)).isEqualTo(seen(service.scoreAll(TODAY)));
    }

    @Test
    void aWriteThatMayHaveChangedUsageAmongWritesWithoutItRanksTheBookAfresh() {
        usageBook();
        service.all();
        portfolio.forgetsChanges = true;
        writeEveryAccountWithoutUsage();
        portfolio.add(SignalsBuilder.healthy("acme").usage(TODAY.minusDays(10), TODAY, day -> 2, 1));
        int readsBefore = portfolio.queries.size();

        service.portfolioChanged(new PortfolioChanged(Set.of("acme"), false));
        List<HealthScore> after = service.all();

        assertThat(portfolio.queries.subList(readsBefore, portfolio.queries.size())).singleElement()
                .matches(query -> query.usageWindows().equals(BookReadPlan.keptWindows(service.scorecard(), TODAY)));
        assertThat(seen(after)).isEqualTo(seen(service.scoreAll(TODAY)));
    }

    @Test
    void aWriteOfOneAccountRescoresOnlyThatAccount() {
        portfolio.add(SignalsBuilder.healthy("globex")).add(SignalsBuilder.healthy("acme"));
        List<HealthScore> before = service.all();

        write(SignalsBuilder.healthy("acme").championLeft("Jane Doe", "VP", TODAY.minusDays(10)));
        List<HealthScore> after = service.all();

        assertThat(portfolio.bookReads).hasValue(1);
        assertThat(portfolio.partialReads).containsExactly(Set.of("acme"));
        assertThat(of(after, "globex")).isSameAs(of(before, "globex"));
        assertThat(of(after, "acme").score()).isLessThan(of(before, "acme").score());
        assertThat(after).extracting(s -> s.account().id()).containsExactly("acme", "globex");
    }

    @Test
    void anAccountAddedOrRemovedByAWriteJoinsOrLeavesTheRankingAndTheDirectory() {
        portfolio.add(SignalsBuilder.healthy("globex"));
        service.all();

        write(SignalsBuilder.healthy("stark").name("Stark Industries"));
        assertThat(service.all()).extracting(s -> s.account().id()).containsExactly("globex", "stark");
        assertThat(service.directory().withId("stark")).isPresent();

        portfolio.remove("globex");
        service.portfolioChanged(new PortfolioChanged(Set.of("globex"), false));
        assertThat(service.all()).extracting(s -> s.account().id()).containsExactly("stark");
        assertThat(service.directory().withId("globex")).isEmpty();
        assertThat(service.forAccount("globex")).isEmpty();
        assertThat(portfolio.bookReads).hasValue(1);
        assertThat(portfolio.directoryReads).hasValue(1);
    }

    @Test
    void aWriteByAnotherProcessIsSeenOnceTheSnapshotIsDueForARecheck() {
        portfolio.add(SignalsBuilder.healthy("globex"));
        service.all();

        portfolio.add(SignalsBuilder.healthy("acme")); // another process: no event here
        List<HealthScore> withinRecheck = service.all();
        nanos.addAndGet(HealthService.RECHECK.toNanos());
        List<HealthScore> afterRecheck = service.all();

        assertThat(withinRecheck).extracting(s -> s.account().id()).containsExactly("globex");
        assertThat(afterRecheck).extracting(s -> s.account().id()).containsExactly("acme", "globex");
        assertThat(portfolio.partialReads).containsExactly(Set.of("acme"));
    }

    @Test
    void manyWritesBeforeAnyoneAsksAreRescoredTogetherOnTopOfTheLastRanking() {
        portfolio.add(SignalsBuilder.healthy("globex")).add(SignalsBuilder.healthy("acme"))
                .add(SignalsBuilder.healthy("initech"));
        service.all();

        write(SignalsBuilder.healthy("acme").championLeft("Jane Doe", "VP", TODAY.minusDays(10)));
        service.forAccount("globex"); // a snapshot is taken, its ranking not asked for
        write(SignalsBuilder.healthy("initech").noUsage());
        List<HealthScore> after = service.all();

        assertThat(portfolio.bookReads).hasValue(1);
        assertThat(portfolio.partialReads).containsExactly(Set.of("acme"), Set.of("initech"));
        assertThat(after).hasSize(3);
    }

    @Test
    void aRankingThatFailedIsComputedAgainByTheNextCaller() {
        portfolio.add(SignalsBuilder.healthy("globex"));
        portfolio.failNextBookRead = true;

        assertThatThrownBy(service::all).hasMessageContaining("the store is down");
        assertThat(service.all()).hasSize(1);
        assertThat(portfolio.bookReads).hasValue(2);
    }

    @Test
    void theNextDayIsScoredAfresh() {
        portfolio.add(SignalsBuilder.healthy("globex"));
        MutableClock clock = new MutableClock(TODAY);
        HealthService daily = new HealthService(portfolio, new HealthScorer(ScorecardLoader.defaults()), clock);
        HealthScore today = daily.all().get(0);

        clock.day = TODAY.plusDays(1);
        HealthScore tomorrow = daily.all().get(0);

        assertThat(today.asOf()).isEqualTo(TODAY);
        assertThat(tomorrow.asOf()).isEqualTo(TODAY.plusDays(1));
        assertThat(portfolio.bookReads).hasValue(2);
    }

    @Test
    void aBackgroundRefreshWaitsForWritesToStopAndRanksOnceAfterTheLast() throws Exception {
        portfolio.add(SignalsBuilder.healthy("globex"));
        service.all();
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            service.refreshInBackground(worker);
            write(SignalsBuilder.healthy("acme"));
            Thread.sleep(HealthService.REFRESH_QUIET.toMillis() / 4); // a second request of the same import
            write(SignalsBuilder.healthy("initech"));
            waitUntil(() -> !portfolio.partialReads.isEmpty());
            worker.shutdown();
            assertThat(worker.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

            assertThat(portfolio.partialReads).as("one rescore, of both writes").containsExactly(Set.of("acme", "initech"));
            assertThat(service.all()).hasSize(3);
            assertThat(portfolio.partialReads).hasSize(1);
        } finally {
            worker.shutdownNow();
        }
    }

    @Test
    void aRefreshIsQueuedOnceForSeveralWritesInARow() {
        portfolio.add(SignalsBuilder.healthy("globex"));
        List<Runnable> queued = new ArrayList<>();
        service.refreshInBackground(queued::add);

        write(SignalsBuilder.healthy("acme"));
        write(SignalsBuilder.healthy("initech"));
        assertThat(queued).hasSize(1);
        queued.get(0).run();

        assertThat(portfolio.bookReads).hasValue(1);
        assertThat(service.all()).hasSize(3);
        assertThat(portfolio.bookReads).hasValue(1);
    }

    @Test
    void aLargeBookReadInPartsSideBySideRanksEveryAccountOnce() {
        int size = HealthService.READ_IN_PARTS_FROM + 7;
        for (int i = 0; i < size; i++) {
            portfolio.add(SignalsBuilder.bare(String.format("acct-%05d", i)).noContacts());
        }

        List<HealthScore> ranked = service.all();

        assertThat(ranked).extracting(s -> s.account().id()).doesNotHaveDuplicates().hasSize(size).isSorted();
        assertThat(portfolio.bookReads.get()).isEqualTo(HealthService.parts(service.directory()).size());
    }

    @Test
    void rankingScoresMatchTheFullScore() {
        portfolio.add(SignalsBuilder.healthy("acme").usage(TODAY.minusDays(27), TODAY, day -> 80 - day, 4))
                .add(SignalsBuilder.bare("initech").stage(LifecycleStage.ONBOARDING).contractStart(TODAY.minusDays(50))
                        .usage(TODAY.minusDays(50), TODAY, day -> 10 + day, 2));

        for (String id : List.of("acme", "initech")) {
            HealthScore ranked = of(service.all(), id);
            HealthScore full = service.forAccount(id).orElseThrow();
            assertThat(ranked.score()).as(id).isEqualTo(full.score());
            assertThat(ranked.previousScore()).as(id).isEqualTo(full.previousScore());
            assertThat(ranked.drivers()).as(id).isEqualTo(full.drivers());
            assertThat(ranked.playbook()).as(id).isEqualTo(full.playbook());
        }
    }

    /** A clock whose day a test moves on. */
    private static final class MutableClock extends Clock {
        volatile LocalDate day;

        MutableClock(LocalDate day) {
            this.day = day;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return day.atTime(12, 0).toInstant(ZoneOffset.UTC);
        }
    }

}
