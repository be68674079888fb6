package dev.csbot.account;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What a read of the whole book asks of the store: each account's signals as of {@code asOf}, limited to
 * what the caller evaluates. Scoring and the alert rules each say what they need; the store reads it in a
 * few passes over the tables instead of every account's full history.
 *
 * @param asOf nothing dated later is read
 * @param evaluatedOn the days the caller evaluates (today, the trend's earlier day): for each, every
 *     account's latest ticket, feedback response and meeting on or before it is read, however old, so
 *     that "the last meeting" and "anything on record" read the same as with the whole history
 * @param historyAfter tickets, feedback and meetings dated after this day are read; older ones only as
 *     above, and tickets that are still open on any evaluated day
 * @param usageWindows the windows to total every account's usage over
 * @param dailyUsageStages accounts in these stages also get every usage day up to {@code asOf} (time to
 *     value looks at each day since the contract started)
 */
public record BookQuery(
        LocalDate asOf,
        List<LocalDate> evaluatedOn,
        LocalDate historyAfter,
        Set<UsageWindow> usageWindows,
        Set<LifecycleStage> dailyUsageStages) {

    public BookQuery {
        evaluatedOn = List.copyOf(evaluatedOn);
        usageWindows = Set.copyOf(usageWindows);
        dailyUsageStages = Set.copyOf(dailyUsageStages);
        if (evaluatedOn.isEmpty()) {
            throw new IllegalArgumentException("a book read evaluates at least one day");
        }
        for (LocalDate day : evaluatedOn) {
            if (day.isAfter(asOf)) {
                throw new IllegalArgumentException("evaluated day " + day + " is after the read's day " + asOf);
            }
        }
    }

    /** The earliest evaluated day: a ticket still open then or later is read whenever it was opened. */
    public LocalDate firstEvaluated() {
        return evaluatedOn.stream().min(LocalDate::compareTo).orElseThrow();
    }
}
