package dev.csbot.account;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a {@link BookQuery} returns for one account, worked out from its full history: the meaning of a
 * book read, which stores reproduce with a few passes over their tables (and tests hold them to).
 */
public final class BookSignalsFromHistory {

    /** Before any data: a history read from here is the whole history. */
    public static final LocalDate DAWN = LocalDate.of(1, 1, 1);

    private BookSignalsFromHistory() {}

    public static BookSignals of(AccountSignals history, BookQuery query) {
        LocalDate asOf = query.asOf();
        List<UsageDay> usage = history.usage().stream().filter(d -> !d.date().isAfter(asOf)).toList();
        Map<UsageWindow, UsageTotals> windows = new HashMap<>();
        for (UsageWindow window : query.usageWindows()) {
            UsageTotals totals = UsageTotals.NONE;
            for (UsageDay day : usage) {
                if (window.contains(day.date())) {
                    totals = totals.plus(day);
                }
            }
            windows.put(window, totals);
        }
        // The first and last day on record, or within the windows read when the query says so.
        List<UsageDay> bounded = !query.boundsInWindows() ? usage : usage.stream()
                .filter(d -> query.usageWindows().stream().anyMatch(w -> w.contains(d.date()))).toList();
        UsageSummary summary = new UsageSummary(windows,
                bounded.isEmpty() ? Optional.empty() : Optional.of(bounded.get(0).date()),
                bounded.isEmpty() ? Optional.empty() : Optional.of(bounded.get(bounded.size() - 1).date()),
                query.dailyUsageStages().contains(history.account().lifecycleStage()) ? usage : List.of(),
                query.lastActiveDay() ? usage.stream().filter(d -> d.activeUsers() > 0).map(UsageDay::date)
                        .max(LocalDate::compareTo) : Optional.empty());
        LocalDate firstEvaluated = query.firstEvaluated();
        List<Ticket> tickets = kept(history.tickets(), Ticket::openedOn, query,
                t -> t.closedOn().map(closed -> closed.isAfter(firstEvaluated)).orElse(true));
        List<FeedbackResponse> feedback = kept(history.feedback(), FeedbackResponse::date, query, f -> false);
        List<Meeting> meetings = kept(history.meetings(), Meeting::date, query, m -> false);
        List<Contact> contacts = history.contacts();
        if (!query.withText()) {
            contacts = contacts.stream().map(c -> new Contact(c.id(), c.accountId(), c.name(), "", c.title(), c.champion(),
                    c.execSponsor(), c.leftOn())).toList();
            tickets = tickets.stream().map(t -> new Ticket(t.id(), t.accountId(), t.openedOn(), t.closedOn(), t.severity(),
                    "")).toList();
            feedback = feedback.stream().map(f -> new FeedbackResponse(f.accountId(), "", f.date(), f.kind(), f.score(),
                    Optional.empty())).toList();
        }
        Map<LocalDate, TicketCounts> counts = new HashMap<>();
        query.ticketCounts().ifPresent(over -> query.evaluatedOn()
                .forEach(day -> counts.put(day, TicketCounts.of(history.tickets(), day, over))));
        return new BookSignals(history.account(), query.reads(BookTable.CONTACTS) ? contacts : List.of(),
                query.reads(BookTable.TICKETS) && query.ticketCounts().isEmpty() ? tickets : List.of(),
                query.reads(BookTable.FEEDBACK) ? feedback : List.of(),
                query.reads(BookTable.MEETINGS) ? meetings : List.of(), summary, counts);
    }

    /**
     * Rows dated within the query's history and up to its day, each evaluated day's latest rows however old,
     * and any row {@code alsoKeep} asks for (a ticket still open).
     */
    private static <T> List<T> kept(List<T> rows, Function<T, LocalDate> dateOf, BookQuery query,
            java.util.function.Predicate<T> alsoKeep) {
        List<LocalDate> latest = query.evaluatedOn().stream()
                .map(day -> rows.stream().map(dateOf).filter(d -> !d.isAfter(day)).max(LocalDate::compareTo))
                .flatMap(Optional::stream)
                .toList();
        return rows.stream()
                .filter(row -> {
                    LocalDate date = dateOf.apply(row);
                    return !date.isAfter(query.asOf())
                            && (date.isAfter(query.historyAfter()) || latest.contains(date) || alsoKeep.test(row));
                })
                .toList();
    }
}
