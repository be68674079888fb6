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
import java.util.stream.Stream;

/**
 * Each account's usage totals over the windows of a ranking's scores (today's and the trend's earlier day's), and its
 * first and last usage day, as a ranking of one portfolio version read them. After writes of usage alone, a window that
 * ends before the earliest day written holds the same totals: the next ranking takes it from here instead of summing it
 * again over the store (on PostgreSQL, right after a write of every account, those sums fetch most of their rows from
 * the heap until the table is vacuumed). Usage writes add or change rows and never remove one, so the first and last
 * day are the kept ones widened by those in the windows read, when these hold every day from the earliest written on.
 * After writes without usage (a CRM sync of every account), every total and both days still hold.
 */
final class KeptUsageWindows {

    private final long version;
    private final LocalDate asOf;
    private final List<UsageWindow> windows;
    private final Map<String, Account> byAccount = new ConcurrentHashMap<>();

    /** One account's totals, in the order of {@code windows}, and its usage days on record (null: none). */
    private record Account(UsageTotals[] totals, LocalDate firstDay, LocalDate lastDay) {}

    KeptUsageWindows(long version, LocalDate asOf, Set<UsageWindow> windows) {
        this(version, asOf, List.copyOf(windows));
    }

    /** @param windows in the order of each account's totals (a carried-over copy keeps the same order) */
    private KeptUsageWindows(long version, LocalDate asOf, List<UsageWindow> windows) {
        this.version = version;
        this.asOf = asOf;
        this.windows = windows;
    }

    /**
     * These totals as the ranking of {@code version} keeps them after rescoring the accounts {@code touched} on top of
     * this one's: every other account's carried over, the touched ones to be kept again as they are read.
     */
    KeptUsageWindows carriedTo(long version, Set<String> touched) {
        KeptUsageWindows next = new KeptUsageWindows(version, asOf, windows);
        byAccount.forEach((id, account) -> {
            if (!touched.contains(id)) {
                next.byAccount.put(id, account);
            }
        });
        return next;
    }

    /** Whether these are the totals of {@code version}'s ranking as of {@code asOf}. */
    boolean isFor(long version, LocalDate asOf) {
        return this.version == version && this.asOf.equals(asOf);
    }

    /** The portfolio version whose ranking summed these. */
    long version() {
        return version;
    }

    /** The day whose scores these totals are of. */
    LocalDate asOf() {
        return asOf;
    }

    /** Whether these are of a version after {@code version}. */
    boolean isAfter(long version) {
        return this.version > version;
    }

    /**
     * Keeps the totals {@code signals} carry for this day's windows (all of them, or the account is not kept), and its
     * first and last usage day on record (so {@code signals} must be of a read with bounds over the whole history).
     */
    void keep(BookSignals signals) {
        UsageSummary usage = signals.usage();
        Map<UsageWindow, UsageTotals> read = usage.windows();
        UsageTotals[] totals = new UsageTotals[windows.size()];
        for (int i = 0; i < totals.length; i++) {
            totals[i] = read.get(windows.get(i));
            if (totals[i] == null) {
                return;
            }
        }
        byAccount.put(signals.account().id(), new Account(totals, usage.firstDay().orElse(null),
                usage.lastDay().orElse(null)));
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
     * Whether the windows {@link #toRead}{@code (day)} hold every day from {@code day} up to this day's: then a read of
     * them may take each account's first and last day within them ({@link dev.csbot.account.BookQuery#boundsInWindows})
     * and {@link #completed} widens the kept ones with those.
     */
    boolean readHoldsEveryDayFrom(LocalDate day) {
        Set<UsageWindow> read = toRead(day);
        for (LocalDate d = day; !d.isAfter(asOf); d = d.plusDays(1)) {
            LocalDate date = d;
            if (read.stream().noneMatch(window -> window.contains(date))) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code read} (a read of {@link #toRead}{@code (day)}) with every other window of the day filled in from here;
     * empty when the account is not kept. With {@code boundsInWindows} the read's first and last day are those within
     * its windows ({@link #readHoldsEveryDayFrom}), and the kept ones widened by them are returned.
     */
    Optional<UsageSummary> completed(String accountId, UsageSummary read, LocalDate day, boolean boundsInWindows) {
        Account kept = byAccount.get(accountId);
        if (kept == null) {
            return Optional.empty();
        }
        UsageTotals[] totals = kept.totals();
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
        Optional<LocalDate> first = read.firstDay();
        Optional<LocalDate> last = read.lastDay();
        if (boundsInWindows) {
            first = Stream.concat(first.stream(), Stream.ofNullable(kept.firstDay())).min(LocalDate::compareTo);
            last = Stream.concat(last.stream(), Stream.ofNullable(kept.lastDay())).max(LocalDate::compareTo);
        }
        return Optional.of(new UsageSummary(all, first, last, read.daily(), read.lastActiveDay()));
    }

    /**
     * {@code read} (a read without usage totals or bounds: {@link BookReadPlan#forRankingWithKeptUsage}) with every
     * window's totals and the first and last usage day taken from here, as after writes that wrote no usage; empty when
     * the account is not kept (it is new since).
     */
    Optional<UsageSummary> withKeptTotals(String accountId, UsageSummary read) {
        Account kept = byAccount.get(accountId);
        if (kept == null) {
            return Optional.empty();
        }
        Map<UsageWindow, UsageTotals> all = new HashMap<>(windows.size() * 2);
        for (int i = 0; i < windows.size(); i++) {
            all.put(windows.get(i), kept.totals()[i]);
        }
        return Optional.of(new UsageSummary(all, Optional.ofNullable(kept.firstDay()), Optional.ofNullable(kept.lastDay()),
                read.daily(), read.lastActiveDay()));
    }

    /** The kept totals and usage days of {@code accountId}, without daily rows; empty when it is not kept. */
    Optional<UsageSummary> summaryOf(String accountId) {
        return withKeptTotals(accountId, NOTHING_READ);
    }

    private static final UsageSummary NOTHING_READ = new UsageSummary(Map.of(), Optional.empty(), Optional.empty(),
            List.of());

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
