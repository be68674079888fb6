package dev.csbot.health;

import dev.csbot.account.BookQuery;
import dev.csbot.account.BookTable;
import dev.csbot.account.LifecycleStage;
import dev.csbot.account.UsageWindow;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What ranking the book reads, worked out from the scorecard: the score today and {@code trendDays}
 * earlier need these usage windows and this much ticket, feedback and meeting history. Kept beside the
 * measures it mirrors; {@link SummarisedUsage} fails loudly, and the book-read tests fail, if they drift apart.
 */
final class BookReadPlan {

    private BookReadPlan() {}

    static BookQuery forRanking(Scorecard card, LocalDate asOf) {
        List<LocalDate> evaluated = List.of(asOf, asOf.minusDays(card.trendDays())).stream().distinct().toList();
        Scorecard.Measures m = card.measures();
        int history = Math.max(m.supportBurden().recentDays() + m.supportBurden().baselineDays(),
                Math.max(m.sentiment().maxAgeDays(), m.engagement().execWindowDays()));
        LocalDate earliest = evaluated.stream().min(LocalDate::compareTo).orElseThrow();
        Set<UsageWindow> windows = windows(card, evaluated);
        windows.addAll(todaysWindows(card, asOf));
        return new BookQuery(asOf, evaluated, earliest.minusDays(history), windows, everyDayFor(card)).withoutText();
    }

    /**
     * The usage windows a ranking sums and {@link KeptUsageWindows} keeps: those of the score today and on the trend's
     * earlier day, with today's cut ({@link #todaysWindows}).
     */
    static Set<UsageWindow> keptWindows(Scorecard card, LocalDate asOf) {
        return forRanking(card, asOf).usageWindows();
    }

    /**
     * What ranking reads after writes that wrote no usage: everything {@link #forRanking} reads but the usage totals
     * and first and last usage days, which {@link KeptUsageWindows} holds from the ranking before.
     */
    static BookQuery forRankingWithKeptUsage(Scorecard card, LocalDate asOf) {
        return forRanking(card, asOf).withoutUsageTotals();
    }

    /**
     * What weighing again after writes of {@code written} (and maybe accounts) reads
     * ({@link HealthScorer#rescoredForTables}): those tables, with the usage that {@link #forRankingWithKeptUsage}
     * reads. Tickets are counted in the database instead of listed (a tenth of the rows), unless every table is read:
     * then each account can also be scored from the read alone.
     */
    static BookQuery forTablesRescore(Scorecard card, LocalDate asOf, Set<BookTable> written) {
        BookQuery query = forRankingWithKeptUsage(card, asOf).reading(written);
        return written.contains(BookTable.TICKETS) && !written.containsAll(EnumSet.allOf(BookTable.class))
                ? query.countingTickets(MeasureCalculator.ticketWindows(card.measures()))
                : query;
    }

    /**
     * What rescoring after writes of usage alone reads ({@link HealthScorer#rescoredForUsage}): the accounts and
     * the usage windows of today's score; the trend's earlier day and the other tables are kept from before.
     */
    static BookQuery forUsageRescore(Scorecard card, LocalDate asOf) {
        return forUsageRescore(card, asOf, todaysWindows(card, asOf));
    }

    /** {@link #forUsageRescore(Scorecard, LocalDate)} summing only the windows {@code toRead} (the rest are known). */
    static BookQuery forUsageRescore(Scorecard card, LocalDate asOf, Set<UsageWindow> toRead) {
        return new BookQuery(asOf, List.of(asOf), asOf, toRead, everyDayFor(card)).withoutText().usageAlone();
    }

    /**
     * What weighing again after a sync that moved seats, contract starts or renewal dates reads of an account scored
     * from every usage day ({@link HealthScorer#rescoredForAccountFields}): its usage alone, as a ranking reads it.
     */
    static BookQuery forUsageOfRanking(Scorecard card, LocalDate asOf) {
        return forUsageRescore(card, asOf, keptWindows(card, asOf));
    }

    /**
     * The usage windows of the score as of {@code asOf} (without the trend's earlier day), and each of those that end
     * today cut into the days before and today alone: what {@link KeptUsageWindows} keeps, so that after a write of
     * today's rows (the daily feed) only today is summed again. The cut costs a ranking one more grouped read, of a day.
     */
    static Set<UsageWindow> todaysWindows(Scorecard card, LocalDate asOf) {
        Set<UsageWindow> windows = windows(card, List.of(asOf));
        LocalDate yesterday = asOf.minusDays(1);
        for (UsageWindow window : List.copyOf(windows)) {
            if (window.toInclusive().equals(asOf) && yesterday.isAfter(window.fromExclusive())) {
                windows.add(new UsageWindow(window.fromExclusive(), yesterday));
                windows.add(new UsageWindow(yesterday, asOf));
            }
        }
        return windows;
    }

    private static Set<UsageWindow> windows(Scorecard card, List<LocalDate> evaluated) {
        Scorecard.Measures m = card.measures();
        Set<UsageWindow> windows = new HashSet<>();
        for (LocalDate day : evaluated) {
            windows.add(endingOn(day, m.licenseUtilization().windowDays()));
            windows.add(endingOn(day, m.adoptionBreadth().windowDays()));
            int trend = m.usageTrend().windowDays();
            windows.add(endingOn(day, trend));
            windows.add(endingOn(day.minusDays(trend), trend));
        }
        return windows;
    }

    private static UsageWindow endingOn(LocalDate day, int days) {
        return new UsageWindow(day.minusDays(days), day);
    }

    /** Time to value looks at each day since the contract started: accounts it is weighed for get every day. */
    private static Set<LifecycleStage> everyDayFor(Scorecard card) {
        String key = Measure.TIME_TO_VALUE.key();
        Set<LifecycleStage> stages = EnumSet.noneOf(LifecycleStage.class);
        if (card.onboardingWeights().getOrDefault(key, 0.0) > 0) {
            stages.add(LifecycleStage.ONBOARDING);
        }
        if (card.weights().getOrDefault(key, 0.0) > 0) {
            EnumSet.complementOf(EnumSet.of(LifecycleStage.ONBOARDING)).forEach(stages::add);
        }
        return stages;
    }
}
