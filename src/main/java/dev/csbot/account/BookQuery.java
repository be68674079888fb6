package dev.csbot.account;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
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
 * @param withText whether the words people wrote are read: ticket subjects, feedback comments, people's
 *     email addresses (empty otherwise). Scoring needs none of them; leaving them out makes the read lighter.
 * @param accounts which accounts to read, by a range of ids (so that parts of the book can be read side by side)
 * @param lastActiveDay whether each account's last day with an active user (up to {@code asOf}) is read, however
 *     old: how long an account has been idle ({@link UsageSummary#lastActiveDay()}; empty otherwise)
 * @param tables which tables are read beside the accounts and their usage (the lists of the others come empty): all
 *     of them, but none when re-reading what a write of usage alone changed, and only those written since when the
 *     reader knows the rest
 * @param ticketCounts when present, each account's tickets are counted as of each evaluated day over these windows
 *     ({@link BookSignals#ticketCounts}) instead of listed (its ticket list comes empty): what support burden weighs,
 *     one row per account
 * @param boundsInWindows whether each account's first and last usage day are the first and last within the windows
 *     read, instead of on record up to {@code asOf}: for a reader that knows the older ones (after a write of usage
 *     from some day on, the windows from that day on hold every day it can have changed)
 */
public record BookQuery(
        LocalDate asOf,
        List<LocalDate> evaluatedOn,
        LocalDate historyAfter,
        Set<UsageWindow> usageWindows,
        Set<LifecycleStage> dailyUsageStages,
        boolean withText,
        IdRange accounts,
        boolean lastActiveDay,
        Set<BookTable> tables,
        Optional<TicketCounts.Windows> ticketCounts,
        boolean boundsInWindows) {

    /**
     * Account ids from {@code from} (inclusive) up to {@code until} (exclusive), in the store's own order of
     * ids; an empty end is open. Ranges that meet at the same id split the book without gap or overlap.
     */
    public record IdRange(Optional<String> from, Optional<String> until) {
        public static final IdRange ALL = new IdRange(Optional.empty(), Optional.empty());
    }

    /** Every account of the book, text included. */
    public BookQuery(LocalDate asOf, List<LocalDate> evaluatedOn, LocalDate historyAfter, Set<UsageWindow> usageWindows,
            Set<LifecycleStage> dailyUsageStages) {
        this(asOf, evaluatedOn, historyAfter, usageWindows, dailyUsageStages, true, IdRange.ALL);
    }

    /** Without each account's last active day. */
    public BookQuery(LocalDate asOf, List<LocalDate> evaluatedOn, LocalDate historyAfter, Set<UsageWindow> usageWindows,
            Set<LifecycleStage> dailyUsageStages, boolean withText, IdRange accounts) {
        this(asOf, evaluatedOn, historyAfter, usageWindows, dailyUsageStages, withText, accounts, false,
                EnumSet.allOf(BookTable.class), Optional.empty(), false);
    }

    public BookQuery {
        evaluatedOn = List.copyOf(evaluatedOn);
        usageWindows = Set.copyOf(usageWindows);
        dailyUsageStages = Set.copyOf(dailyUsageStages);
        tables = Set.copyOf(tables);
        if (evaluatedOn.isEmpty()) {
            throw new IllegalArgumentException("a book read evaluates at least one day");
        }
        for (LocalDate day : evaluatedOn) {
            if (day.isAfter(asOf)) {
                throw new IllegalArgumentException("evaluated day " + day + " is after the read's day " + asOf);
            }
        }
    }

    /** The same query for the accounts of {@code range} only. */
    public BookQuery within(IdRange range) {
        return new BookQuery(asOf, evaluatedOn, historyAfter, usageWindows, dailyUsageStages, withText, range,
                lastActiveDay, tables, ticketCounts, boundsInWindows);
    }

    /** The same query without the words people wrote (what scoring reads). */
    public BookQuery withoutText() {
        return new BookQuery(asOf, evaluatedOn, historyAfter, usageWindows, dailyUsageStages, false, accounts,
                lastActiveDay, tables, ticketCounts, boundsInWindows);
    }

    /** The same query, with each account's last active day. */
    public BookQuery withLastActiveDay() {
        return new BookQuery(asOf, evaluatedOn, historyAfter, usageWindows, dailyUsageStages, withText, accounts, true,
                tables, ticketCounts, boundsInWindows);
    }

    /** The same query reading the accounts and their usage alone (contacts, tickets, feedback and meetings empty). */
    public BookQuery usageAlone() {
        return reading(Set.of());
    }

    /** The same query reading, beside the accounts and their usage, only {@code only} of the other tables. */
    public BookQuery reading(Set<BookTable> only) {
        return new BookQuery(asOf, evaluatedOn, historyAfter, usageWindows, dailyUsageStages, withText, accounts,
                lastActiveDay, only, ticketCounts, boundsInWindows);
    }

    /**
     * The same query counting each account's tickets over {@code windows} as of each evaluated day, instead of listing
     * them.
     */
    public BookQuery countingTickets(TicketCounts.Windows windows) {
        return new BookQuery(asOf, evaluatedOn, historyAfter, usageWindows, dailyUsageStages, withText, accounts,
                lastActiveDay, tables, Optional.of(windows), boundsInWindows);
    }

    /** Whether only the accounts and their usage are read. */
    public boolean usageOnly() {
        return tables.isEmpty();
    }

    /** Whether {@code table} is read (its lists come empty otherwise). */
    public boolean reads(BookTable table) {
        return tables.contains(table);
    }

    /** The same query with each account's first and last usage day taken within the windows read. */
    public BookQuery withBoundsInWindows() {
        return new BookQuery(asOf, evaluatedOn, historyAfter, usageWindows, dailyUsageStages, withText, accounts,
                lastActiveDay, tables, ticketCounts, true);
    }

    /**
     * The same query without usage totals or first and last usage days (none are read: the windows are none and the
     * bounds are those within them), for a reader that kept them from an earlier read; daily usage is still read.
     */
    public BookQuery withoutUsageTotals() {
        return new BookQuery(asOf, evaluatedOn, historyAfter, Set.of(), dailyUsageStages, withText, accounts,
                lastActiveDay, tables, ticketCounts, true);
    }

    /**
     * One read that gives what this query and {@code other} each would (of the same day and accounts): both
     * readers evaluate on it, so the alert scan and the ranking it scores with share one pass over the book.
     */
    public BookQuery and(BookQuery other) {
        if (!asOf.equals(other.asOf) || !accounts.equals(other.accounts)) {
            throw new IllegalArgumentException("book reads of different days or accounts cannot be one read");
        }
        Set<UsageWindow> windows = new java.util.HashSet<>(usageWindows);
        windows.addAll(other.usageWindows);
        Set<LifecycleStage> stages = java.util.EnumSet.noneOf(LifecycleStage.class);
        stages.addAll(dailyUsageStages);
        stages.addAll(other.dailyUsageStages);
        return new BookQuery(asOf, java.util.stream.Stream.concat(evaluatedOn.stream(), other.evaluatedOn.stream())
                .distinct().toList(), historyAfter.isBefore(other.historyAfter) ? historyAfter : other.historyAfter,
                windows, stages, withText || other.withText, accounts, lastActiveDay || other.lastActiveDay,
                // Tickets listed serve a reader that counts them too (it counts the list).
                union(tables, other.tables), ticketCounts.equals(other.ticketCounts) ? ticketCounts : Optional.empty(),
                boundsInWindows && other.boundsInWindows);
    }

    private static Set<BookTable> union(Set<BookTable> one, Set<BookTable> other) {
        Set<BookTable> both = EnumSet.noneOf(BookTable.class);
        both.addAll(one);
        both.addAll(other);
        return both;
    }

    /** The earliest evaluated day: a ticket still open then or later is read whenever it was opened. */
    public LocalDate firstEvaluated() {
        return evaluatedOn.stream().min(LocalDate::compareTo).orElseThrow();
    }
}
