package dev.csbot.review;

import dev.csbot.account.Contact;
import dev.csbot.account.FeedbackResponse;
import dev.csbot.account.Meeting;
import dev.csbot.account.SuccessPlanObjective;
import dev.csbot.account.Ticket;
import dev.csbot.alerts.Alert;
import dev.csbot.health.HealthScore;
import java.util.List;
import java.util.Optional;

/**
 * What sales and product need about an account in a deal review, in one place, so that Sales, CS,
 * Support and Product give the same answer.
 */
public record DealReview(
        HealthScore health,
        List<Contact> champions,
        List<Contact> sponsors,
        List<Contact> departed,
        List<Ticket> openUrgentTickets,
        Optional<FeedbackResponse> latestFeedback,
        List<SuccessPlanObjective> objectives,
        Optional<Meeting> lastQbr,
        List<Alert> openAlerts) {}
