package dev.csbot.alerts;

import dev.csbot.account.Account;
import dev.csbot.account.AccountSignals;
import dev.csbot.account.BookQuery;
import dev.csbot.account.BookSignals;
import dev.csbot.account.Contact;
import dev.csbot.account.FeedbackResponse;
import dev.csbot.account.Ticket;
import dev.csbot.health.Band;
import dev.csbot.health.HealthScore;
import java.time.LocalDate;
import java.util.List;
import java.util.function.IntFunction;

/**
 * One account as the rules see it on one day: who it is, its people, tickets, feedback and usage, its health,
 * and how scores map to bands. Lists are sorted by date, oldest first.
 */
record AccountContext(Account account, List<Contact> contacts, List<Ticket> tickets, List<FeedbackResponse> feedback,
        RuleUsage usage, HealthScore health, LocalDate asOf, IntFunction<Band> bandOf) {

    /** From an account's history (its full signals, or any part reaching back as far as the rules look). */
    static AccountContext of(AccountSignals signals, HealthScore health, LocalDate asOf, IntFunction<Band> bandOf) {
        return new AccountContext(signals.account(), signals.contacts(), signals.tickets(), signals.feedback(),
                RuleUsage.ofDays(signals.usage(), asOf), health, asOf, bandOf);
    }

    /** From a read of the book that {@code query} planned. */
    static AccountContext of(BookSignals book, BookQuery query, HealthScore health, IntFunction<Band> bandOf) {
        return new AccountContext(book.account(), book.contacts(), book.tickets(), book.feedback(),
                RuleUsage.ofSummary(book.usage(), query, book.account().lifecycleStage()), health, query.asOf(), bandOf);
    }

    long daysToRenewal() {
        return account.daysToRenewal(asOf);
    }

    /** Promoters (NPS 9-10, CSAT 5, CES 6-7) answering on or after {@code from}. */
    int promotersSince(LocalDate from) {
        return (int) feedback.stream().filter(f -> !f.date().isBefore(from) && !f.date().isAfter(asOf))
                .filter(AccountContext::promoter).count();
    }

    static boolean promoter(FeedbackResponse f) {
        return switch (f.kind()) {
            case NPS -> f.score() >= 9;
            case CSAT -> f.score() >= 5;
            case CES -> f.score() >= 6;
        };
    }

    List<FeedbackResponse> feedbackSince(LocalDate from) {
        return feedback.stream().filter(f -> !f.date().isBefore(from) && !f.date().isAfter(asOf)).toList();
    }
}
