package dev.csbot.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.csbot.account.PortfolioChanged;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Writes are evaluated off the writer's thread, a burst of them together, the book ranked again for writes heard
 * while it was ranked, and a process about to exit can wait.
 */
class AlertsOnPortfolioChangeTest {

    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final List<PortfolioChanged> evaluated = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstStarted = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    /** Evaluations that record what they were given; the first one waits for {@code release}. */
    private final AlertsOnPortfolioChange listener = new AlertsOnPortfolioChange(() -> { }, change -> {
        evaluated.add(change);
        firstStarted.countDown();
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new ScanResult(LocalDate.parse("2026-11-23"), false, change.accountIds().size(), List.of(), 0);
    }, executor, Duration.ZERO);

    @AfterEach
    void stop() {
        release.countDown();
        executor.shutdownNow();
    }

    /** A listener whose evaluations only record what they were given. */
    private static AlertsOnPortfolioChange recording(List<PortfolioChanged> into, ExecutorService on, Duration quiet) {
        return new AlertsOnPortfolioChange(() -> { }, change -> {
            into.add(change);
            return new ScanResult(LocalDate.parse("2026-11-23"), false, change.accountIds().size(), List.of(), 0);
        }, on, quiet);
    }

    @Test
    void aBurstOfWritesIsEvaluatedOnceWritesHaveBeenQuiet() throws Exception {
        List<PortfolioChanged> seen = new CopyOnWriteArrayList<>();
        AlertsOnPortfolioChange debounced = recording(seen, executor, Duration.ofSeconds(2));
        for (String id : List.of("a", "b", "c", "d", "e")) {
            debounced.portfolioChanged(new PortfolioChanged(Set.of(id), false));
        }

        assertThat(seen).as("nothing is evaluated while the writes are not quiet yet").isEmpty();
        assertThat(debounced.finish(Duration.ofSeconds(20))).isTrue();
        assertThat(seen).extracting(PortfolioChanged::accountIds).containsExactly(Set.of("a", "b", "c", "d", "e"));
    }

    @Test
    void writesThatNeverFallQuietAreStillEvaluatedAfterTheLongestWait() throws Exception {
        List<PortfolioChanged> seen = new CopyOnWriteArrayList<>();
        // Writes every 20 ms for 3 s against a quiet period of 100 ms: the longest wait (1 s) ends it mid-way.
        AlertsOnPortfolioChange debounced = recording(seen, executor, Duration.ofMillis(100));
        long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        int written = 0;
        while (System.nanoTime() < until) {
            debounced.portfolioChanged(new PortfolioChanged(Set.of("account-" + written++), false));
            Thread.sleep(20);
        }
        assertThat(seen).as("evaluated while the writes went on").isNotEmpty();
        assertThat(debounced.finish(Duration.ofSeconds(20))).isTrue();
        assertThat(seen.stream().mapToInt(change -> change.accountIds().size()).sum()).isEqualTo(written);
    }

    @Test
    void writesHeardWhileAnEvaluationRunsAreEvaluatedTogetherInOneGoAfterIt() throws Exception {
        listener.portfolioChanged(new PortfolioChanged(Set.of("acme"), false));
        firstStarted.await();

        listener.portfolioChanged(new PortfolioChanged(Set.of("globex"), false));
        listener.portfolioChanged(new PortfolioChanged(Set.of("initech", "globex"), false));
        release.countDown();

        assertThat(listener.finish(Duration.ofSeconds(10))).isTrue();
        assertThat(evaluated).extracting(PortfolioChanged::accountIds)
                .containsExactly(Set.of("acme"), Set.of("globex", "initech"));
    }

    @Test
    void finishGivesUpAfterItsTimeoutWhileAnEvaluationRunsAndReturnsOnceItIsDone() throws Exception {
        listener.portfolioChanged(new PortfolioChanged(Set.of("acme"), false));
        firstStarted.await();

        assertThat(listener.finish(Duration.ofMillis(50))).isFalse();

        release.countDown();
        assertThat(listener.finish(Duration.ofSeconds(10))).isTrue();
        assertThat(evaluated).hasSize(1);
    }

    @Test
    void aWholeBookChangeWaitingBesideOthersIsEvaluatedAsTheWholeBook() throws Exception {
        listener.portfolioChanged(new PortfolioChanged(Set.of("acme"), false));
        firstStarted.await();
        listener.portfolioChanged(new PortfolioChanged(Set.of("globex"), false));
        listener.portfolioChanged(new PortfolioChanged(Set.of(), true));
        release.countDown();

        assertThat(listener.finish(Duration.ofSeconds(10))).isTrue();
        assertThat(evaluated.get(1).wholeBook()).isTrue();
    }

    @Test
    void aStoppingServiceRefusesTheEvaluationAndNothingWaitsForIt() throws Exception {
        AlertsOnPortfolioChange refused = new AlertsOnPortfolioChange(() -> { }, change -> {
            throw new AssertionError("never evaluated");
        }, task -> {
            throw new RejectedExecutionException("stopping");
        }, Duration.ZERO);

        refused.portfolioChanged(new PortfolioChanged(Set.of("acme"), false));

        assertThat(refused.finish(Duration.ZERO)).isTrue();
    }

    @Test
    void aFailedEvaluationIsLoggedAndTheNextWriteIsEvaluatedAsUsual() throws Exception {
        List<PortfolioChanged> seen = new CopyOnWriteArrayList<>();
        AlertsOnPortfolioChange failingOnce = new AlertsOnPortfolioChange(() -> { }, change -> {
            seen.add(change);
            if (seen.size() == 1) {
                throw new IllegalStateException("store busy");
            }
            return new ScanResult(LocalDate.parse("2026-11-23"), false, 1, List.of(), 0);
        }, executor, Duration.ZERO);

        failingOnce.portfolioChanged(new PortfolioChanged(Set.of("acme"), false));
        assertThat(failingOnce.finish(Duration.ofSeconds(10))).isTrue();
        failingOnce.portfolioChanged(new PortfolioChanged(Set.of("globex"), false));

        assertThat(failingOnce.finish(Duration.ofSeconds(10))).isTrue();
        assertThat(seen).extracting(PortfolioChanged::accountIds).containsExactly(Set.of("acme"), Set.of("globex"));
    }

    @Test
    void writesHeardWhileTheBookIsRankedAreTakenInAndTheBookIsRankedAgainBeforeTheRulesReadIt() throws Exception {
        List<String> steps = new CopyOnWriteArrayList<>();
        CountDownLatch rankingStarted = new CountDownLatch(1);
        CountDownLatch rankingReleased = new CountDownLatch(1);
        AlertsOnPortfolioChange rankingFirst = new AlertsOnPortfolioChange(() -> {
            steps.add("ranked");
            rankingStarted.countDown();
            try {
                rankingReleased.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, change -> {
            steps.add("evaluated " + new TreeSet<>(change.accountIds()));
            return new ScanResult(LocalDate.parse("2026-11-23"), false, change.accountIds().size(), List.of(), 0);
        }, executor, Duration.ZERO);

        rankingFirst.portfolioChanged(new PortfolioChanged(Set.of("acme"), false));
        rankingStarted.await();
        rankingFirst.portfolioChanged(new PortfolioChanged(Set.of("globex"), false)); // the feed goes on
        rankingReleased.countDown();

        assertThat(rankingFirst.finish(Duration.ofSeconds(10))).isTrue();
        assertThat(steps).as("one evaluation of both writes, after the book as the last one left it was ranked")
                .containsExactly("ranked", "ranked", "evaluated [acme, globex]");
    }

    @Test
    void aFeedThatGoesOnThroughEveryRankingIsEvaluatedAfterTheMostRankingsAndTheRestAfterIt() throws Exception {
        List<PortfolioChanged> seen = new CopyOnWriteArrayList<>();
        AtomicInteger rankings = new AtomicInteger();
        AlertsOnPortfolioChange[] self = new AlertsOnPortfolioChange[1];
        // Every ranking hears one more write of the feed, until the sixth.
        self[0] = new AlertsOnPortfolioChange(() -> {
            int ranking = rankings.incrementAndGet();
            if (ranking < 6) {
                self[0].portfolioChanged(new PortfolioChanged(Set.of("during-" + ranking), false));
            }
        }, change -> {
            seen.add(change);
            return new ScanResult(LocalDate.parse("2026-11-23"), false, change.accountIds().size(), List.of(), 0);
        }, executor, Duration.ZERO);

        self[0].portfolioChanged(new PortfolioChanged(Set.of("first"), false));

        assertThat(self[0].finish(Duration.ofSeconds(10))).isTrue();
        assertThat(seen).extracting(PortfolioChanged::accountIds).as("evaluated after at most three rankings each")
                .containsExactly(Set.of("first", "during-1", "during-2"),
                        Set.of("during-3", "during-4", "during-5"));
        assertThat(rankings).hasValue(2 * AlertsOnPortfolioChange.MOST_RANKINGS);
    }
}
