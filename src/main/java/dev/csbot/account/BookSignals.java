package dev.csbot.account;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One account's signals as a read of the whole book returns them ({@link BookQuery}): contacts in full,
 * tickets, feedback and meetings within the query's history, usage summarised. Success plans are not part
 * of it. Lists are sorted by date, oldest first. When the query counts tickets instead of listing them, {@code
 * ticketCounts} holds them by evaluated day (and {@code tickets} is empty); else it is empty.
 */
public record BookSignals(
        Account account,
        List<Contact> contacts,
        List<Ticket> tickets,
        List<FeedbackResponse> feedback,
        List<Meeting> meetings,
        UsageSummary usage,
        Map<LocalDate, TicketCounts> ticketCounts) {

    /** Signals with tickets listed (not counted). */
    public BookSignals(Account account, List<Contact> contacts, List<Ticket> tickets, List<FeedbackResponse> feedback,
            List<Meeting> meetings, UsageSummary usage) {
        this(account, contacts, tickets, feedback, meetings, usage, Map.of());
    }

    public BookSignals {
        ticketCounts = Map.copyOf(ticketCounts);
        contacts = List.copyOf(contacts);
        tickets = List.copyOf(tickets);
        feedback = List.copyOf(feedback);
        meetings = List.copyOf(meetings);
    }

    /** The same signals with {@code other} usage (kept totals completing a lighter read). */
    public BookSignals withUsage(UsageSummary other) {
        return new BookSignals(account, contacts, tickets, feedback, meetings, other, ticketCounts);
    }

    /** The same signals for {@code record} of the same account (one instance shared with a directory). */
    public BookSignals withAccount(Account record) {
        return new BookSignals(record, contacts, tickets, feedback, meetings, usage, ticketCounts);
    }
}
