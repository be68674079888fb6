package dev.csbot.health;

import dev.csbot.account.BookSignals;
import dev.csbot.account.UsageSummary;
import dev.csbot.account.UsageTotals;
import dev.csbot.account.UsageWindow;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each account's usage totals over the windows of one day's score, as a ranking of one portfolio version read them.
 * After writes of usage alone, a window that ends before the earliest day written holds the same totals: the next
 * ranking takes it from here instead of summing it again over the store (on PostgreSQL, right after a write of every
 * account, those sums fetch most of their rows from the heap until the table is vacuumed).
 */
final class KeptUsageWindows {

    private final long version;
    private final LocalDate asOf;
    private final List<UsageWindow> windows;
    private final Map<String, UsageTotals[]> byAccount = new ConcurrentHashMap<>();

    KeptUsageWindows(long version, LocalDate asOf, Set<UsageWindow> windows) {
        this.version = version;
        this.asOf = asOf;
        this.windows = List.copyOf(windows);
    }

    /** Whether these are the totals of {@code version}'s ranking as of {@code asOf}. */
    boolean isFor(long version, LocalDate asOf) {
        return this.version == version && this.asOf.equals(asOf);
    }

    /** Whether these are of a version after {@code version}. */
    boolean isAfter(long version) {
        return this.version > version;
    }

    /** Keeps the totals {@code signals} carry for this day's windows (all of them, or the account is not kept). */
    void keep(BookSignals signals) {
        Map<UsageWindow, UsageTotals> read = signals.usage().windows();
        UsageTotals[] totals = new UsageTotals[windows.size()];
        for (int i = 0; i < totals.length; i++) {
            totals[i] = read.get(windows.get(i));
            if (totals[i] == null) {
                return;
            }
        }
        byAccount.put(signals.account().id(), totals);
    }

    /**
     * What a read of usage alone must sum when usage was written from {@code day} on: every window but those that end
     * before it (kept here) and those that are a kept window up to the day before plus one read from then on (today's
     * row alone, for the daily feed).
     */
    Set<UsageWindow> toRead(LocalDate day) {
        Set<UsageWindow> read = new HashSet<>();
        for (UsageWindow window : windows) {
            if (window.toInclusive().isBefore(day)) {
                continue;
            }
            Optional<UsageWindow[]> split = split(window, day);
            read.add(split.isPresent() ? split.get()[1] : window);
        }
        return read;
    }

    /**
     * {@code read} (a read of {@link #toRead}{@code (day)}) with every other window of the day filled in from here;
     * empty when the account is not kept.
     */
    Optional<UsageSummary> completed(String accountId, UsageSummary read, LocalDate day) {
        UsageTotals[] totals = byAccount.get(accountId);
        if (totals == null) {
            return Optional.empty();
        }
        Map<UsageWindow, UsageTotals> all = new HashMap<>(read.windows());
        for (int i = 0; i < totals.length; i++) {
            UsageWindow window = windows.get(i);
            if (all.containsKey(window)) {
                continue;
            }
            if (window.toInclusive().isBefore(day)) {
                all.put(window, totals[i]);
                continue;
            }
            UsageWindow[] split = split(window, day).orElseThrow(() -> new IllegalStateException(
                    "the usage window " + window + " was neither read nor kept"));
            all.put(window, totals[windows.indexOf(split[0])].plus(read.windows().get(split[1])));
        }
        return Optional.of(new UsageSummary(all, read.firstDay(), read.lastDay(), read.daily(), read.lastActiveDay()));
    }

    /** {@code window} as a kept window ending the day before {@code day} and a window of these from then on. */
    private Optional<UsageWindow[]> split(UsageWindow window, LocalDate day) {
        LocalDate before = day.minusDays(1);
        if (!before.isAfter(window.fromExclusive()) || !before.isBefore(window.toInclusive())) {
            return Optional.empty();
        }
        UsageWindow kept = new UsageWindow(window.fromExclusive(), before);
        UsageWindow rest = new UsageWindow(before, window.toInclusive());
        return windows.contains(kept) && windows.contains(rest) ? Optional.of(new UsageWindow[] {kept, rest})
                : Optional.empty();
    }
}
