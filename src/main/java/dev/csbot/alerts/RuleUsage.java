package dev.csbot.alerts;

import dev.csbot.account.BookQuery;
import dev.csbot.account.LifecycleStage;
import dev.csbot.account.UsageDay;
import dev.csbot.account.UsageSummary;
import dev.csbot.account.UsageTotals;
import dev.csbot.account.UsageWindow;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * An account's usage as the rules ask about it on one day: the mean of a window, the first day on record, the
 * last day anyone was active, and (for onboarding) every day. Answered from the daily rows of one account's
 * history, or from what a read of the whole book summarised ({@link UsageSummary}); both say the same, and the
 * tests hold them to it.
 */
abstract class RuleUsage {

    /** The days with usage rows dated after {@code fromExclusive} up to {@code toInclusive}, and their mean active users. */
    record Mean(int days, double value) {}

    abstract Mean mean(LocalDate fromExclusive, LocalDate toInclusive);

    /** The first day with a usage row, up to the day evaluated. */
    abstract Optional<LocalDate> firstDay();

    /** The last day with at least one active user, up to the day evaluated. */
    abstract Optional<LocalDate> lastActiveDay();

    /** Every usage row up to the day evaluated, oldest first. */
    abstract List<UsageDay> everyDay();

    static RuleUsage ofDays(List<UsageDay> sortedDays, LocalDate asOf) {
        List<UsageDay> upTo = sortedDays.stream().filter(d -> !d.date().isAfter(asOf)).toList();
        return new RuleUsage() {
            @Override
            Mean mean(LocalDate fromExclusive, LocalDate toInclusive) {
                long sum = 0;
                int days = 0;
                for (UsageDay day : upTo) {
                    if (day.date().isAfter(fromExclusive) && !day.date().isAfter(toInclusive)) {
                        sum += day.activeUsers();
                        days++;
                    }
                }
                return new Mean(days, days == 0 ? 0 : (double) sum / days);
            }

            @Override
            Optional<LocalDate> firstDay() {
                return upTo.isEmpty() ? Optional.empty() : Optional.of(upTo.get(0).date());
            }

            @Override
            Optional<LocalDate> lastActiveDay() {
                return upTo.stream().filter(d -> d.activeUsers() > 0).map(UsageDay::date).max(LocalDate::compareTo);
            }

            @Override
            List<UsageDay> everyDay() {
                return upTo;
            }
        };
    }

    /**
     * From a book read planned by {@link AlertEvaluator#bookQuery}: a question it did not plan for means the plan
     * and the rules disagree, and is an error rather than a guess.
     *
     */
    static RuleUsage ofSummary(UsageSummary summary, BookQuery query, LifecycleStage stage) {
        boolean daily = query.dailyUsageStages().contains(stage);
        return new RuleUsage() {
            @Override
            Mean mean(LocalDate fromExclusive, LocalDate toInclusive) {
                UsageWindow window = new UsageWindow(fromExclusive, toInclusive);
                if (!summary.windows().containsKey(window)) {
                    throw unplanned("the usage window " + window);
                }
                UsageTotals totals = summary.in(window);
                return new Mean(totals.days(), totals.meanActiveUsers());
            }

            @Override
            Optional<LocalDate> firstDay() {
                return summary.firstDay();
            }

            @Override
            Optional<LocalDate> lastActiveDay() {
                if (!query.lastActiveDay()) {
                    throw unplanned("the last active day");
                }
                return summary.lastActiveDay();
            }

            @Override
            List<UsageDay> everyDay() {
                if (!daily) {
                    throw unplanned("every usage day");
                }
                return summary.daily();
            }
        };
    }

    private static IllegalStateException unplanned(String what) {
        return new IllegalStateException("an alert rule asked for " + what + ", which the book read did not plan for:"
                + " AlertEvaluator.bookQuery must read what the rules use");
    }
}
