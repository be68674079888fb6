package dev.csbot.health;

import dev.csbot.account.BookSignals;
import dev.csbot.account.UsageSummary;
import dev.csbot.account.UsageTotals;
import dev.csbot.account.UsageWindow;
import java.time.LocalDate;
import java.util.HashMap;
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

    /** The windows kept that end before {@code day}: usage written from that day on cannot have changed them. */
    Set<UsageWindow> endingBefore(LocalDate day) {
        return Set.copyOf(windows.stream().filter(window -> window.toInclusive().isBefore(day)).toList());
    }

    /** {@code read} with the totals of {@code kept} windows filled in from here; empty when the account is not kept. */
    Optional<UsageSummary> completed(String accountId, UsageSummary read, Set<UsageWindow> kept) {
        UsageTotals[] totals = byAccount.get(accountId);
        if (totals == null) {
            return Optional.empty();
        }
        Map<UsageWindow, UsageTotals> all = new HashMap<>(read.windows());
        for (int i = 0; i < totals.length; i++) {
            if (kept.contains(windows.get(i))) {
                all.put(windows.get(i), totals[i]);
            }
        }
        return Optional.of(new UsageSummary(all, read.firstDay(), read.lastDay(), read.daily(), read.lastActiveDay()));
    }
}
