package dev.csbot.account;

import java.util.List;

/**
 * One account's signals as a read of the whole book returns them ({@link BookQuery}): contacts in full,
 * tickets, feedback and meetings within the query's history, usage summarised. Success plans are not part
 * of it. Lists are sorted by date, oldest first.
 */
public record BookSignals(
        Account account,
        List<Contact> contacts,
        List<Ticket> tickets,
        List<FeedbackResponse> feedback,
        List<Meeting> meetings,
        UsageSummary usage) {

    public BookSignals {
        contacts = List.copyOf(contacts);
        tickets = List.copyOf(tickets);
        feedback = List.copyOf(feedback);
        meetings = List.copyOf(meetings);
    }
}
