package dev.csbot.health;

import dev.csbot.account.UsageDay;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * An account's daily usage, sorted by date, with the window arithmetic the measures share. Not final:
 * {@link SummarisedUsage} answers the same questions from totals the store computed for the whole book.
 */
class UsageSeries {

    private final List<UsageDay> days;

    UsageSeries(List<UsageDay> sortedDays) {
        this.days = sortedDays;
    }

    /** Statistics of the rows dated after {@code from} and up to {@code to} (inclusive). */
    Window window(LocalDate fromExclusive, LocalDate toInclusive) {
        int start = firstAfter(fromExclusive);
        long activeSum = 0;
        int maxFeatures = 0;
        int count = 0;
        for (int i = start; i < days.size() && !days.get(i).date().isAfter(toInclusive); i++) {
            UsageDay day = days.get(i);
            activeSum += day.activeUsers();
            maxFeatures = Math.max(maxFeatures, day.keyFeaturesUsed());
            count++;
        }
        return new Window(count, count == 0 ? 0 : (double) activeSum / count, maxFeatures);
    }

    /** The last day with data on or before {@code asOf}. */
    Optional<LocalDate> lastDayOnOrBefore(LocalDate asOf) {
        int index = firstAfter(asOf) - 1;
        return index >= 0 ? Optional.of(days.get(index).date()) : Optional.empty();
    }

    Optional<LocalDate> firstDay() {
        return days.isEmpty() ? Optional.empty() : Optional.of(days.get(0).date());
    }

    /** The first day on or after {@code from} and up to {@code asOf} with at least {@code minActive} users. */
    Optional<LocalDate> firstDayReaching(double minActive, LocalDate from, LocalDate asOf) {
        for (int i = firstAfter(from.minusDays(1)); i < days.size() && !days.get(i).date().isAfter(asOf); i++) {
            if (days.get(i).activeUsers() >= minActive) {
                return Optional.of(days.get(i).date());
            }
        }
        return Optional.empty();
    }

    /** Binary search: index of the first day strictly after {@code date}. */
    private int firstAfter(LocalDate date) {
        int low = 0;
        int high = days.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (days.get(mid).date().isAfter(date)) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    record Window(int days, double meanActiveUsers, int maxKeyFeatures) {
        boolean isEmpty() {
            return days == 0;
        }
    }
}
