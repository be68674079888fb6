package dev.csbot.account;

import java.util.List;

/**
 * Everything known about one account that its health, QBR and deal-review answers are computed from.
 * Lists are sorted by date, oldest first.
 */
public record AccountSignals(
        Account account,
        List<Contact> contacts,
        List<UsageDay> usage,
        List<Ticket> tickets,
        List<FeedbackResponse> feedback,
        List<Meeting> meetings,
        List<SuccessPlanObjective> objectives) {

    public AccountSignals {
        contacts = List.copyOf(contacts);
        usage = List.copyOf(usage);
        tickets = List.copyOf(tickets);
        feedback = List.copyOf(feedback);
        meetings = List.copyOf(meetings);
        objectives = List.copyOf(objectives);
    }
}
