package dev.csbot.health;

import dev.csbot.account.UsageSummary;
import dev.csbot.account.UsageTotals;
import dev.csbot.account.UsageWindow;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * An account's usage as the store summarised it for a read of the whole book: the totals of the windows
 * {@link BookReadPlan} asked for, and the first and last days on record. It answers exactly what the
 * measures ask of a {@link UsageSeries} when ranking, from those totals; any other question means the
 * plan and the measures disagree, and it says so instead of guessing.
 */
final class SummarisedUsage extends UsageSeries {

    private final UsageSummary summary;
    private final LocalDate asOf;

    SummarisedUsage(UsageSummary summary, LocalDate asOf) {
        super(List.of());
        this.summary = summary;
        this.asOf = asOf;
    }

    @Override
    Window window(LocalDate fromExclusive, LocalDate toInclusive) {
        UsageWindow window = new UsageWindow(fromExclusive, toInclusive);
        if (!summary.windows().containsKey(window)) {
            throw unplanned("the usage window " + window);
        }
        UsageTotals totals = summary.in(window);
        return new Window(totals.days(), totals.meanActiveUsers(), totals.maxKeyFeatures());
    }

    @Override
    Optional<LocalDate> lastDayOnOrBefore(LocalDate day) {
        if (!day.equals(asOf)) {
            throw unplanned("the last usage day on or before " + day);
        }
        return summary.lastDay();
    }

    @Override
    Optional<LocalDate> firstDay() {
        return summary.firstDay();
    }

    @Override
    Optional<LocalDate> firstDayReaching(double minActive, LocalDate from, LocalDate day) {
        throw unplanned("the first day reaching " + minActive + " active users");
    }

    private static IllegalStateException unplanned(String what) {
        return new IllegalStateException("ranking asked for " + what + ", which the book read did not plan for:"
                + " BookReadPlan must read what the measures use");
    }
}
