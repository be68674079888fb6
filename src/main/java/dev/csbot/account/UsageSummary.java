package dev.csbot.account;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One account's usage as a read of the whole book returns it: totals per asked window instead of every
 * day, the first day on record and the last one up to the day asked about; every day only where the
 * query asked for it ({@link BookQuery#dailyUsageStages()}).
 *
 * @param lastActiveDay the last day up to the day asked about with at least one active user, when the query
 *     asked for it ({@link BookQuery#lastActiveDay()}); empty when it did not, or there is none
 */
public record UsageSummary(
        Map<UsageWindow, UsageTotals> windows,
        Optional<LocalDate> firstDay,
        Optional<LocalDate> lastDay,
        List<UsageDay> daily,
        Optional<LocalDate> lastActiveDay) {

    public UsageSummary {
        windows = Map.copyOf(windows);
        daily = List.copyOf(daily);
    }

    /** Without the last active day (a query that did not ask for it). */
    public UsageSummary(Map<UsageWindow, UsageTotals> windows, Optional<LocalDate> firstDay, Optional<LocalDate> lastDay,
            List<UsageDay> daily) {
        this(windows, firstDay, lastDay, daily, Optional.empty());
    }

    /** The totals of a window the query asked for (nothing used: {@link UsageTotals#NONE}). */
    public UsageTotals in(UsageWindow window) {
        UsageTotals totals = windows.get(window);
        if (totals == null) {
            throw new IllegalArgumentException("usage window " + window + " was not part of the book read");
        }
        return totals;
    }
}
