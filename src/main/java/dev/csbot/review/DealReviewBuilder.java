package dev.csbot.review;

import dev.csbot.account.AccountSignals;
import dev.csbot.account.Contact;
import dev.csbot.account.FeedbackResponse;
import dev.csbot.account.Meeting;
import dev.csbot.account.MeetingKind;
import dev.csbot.alerts.Alert;
import dev.csbot.health.HealthScore;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/** Assembles a {@link DealReview} from signals, health and open alerts. */
public final class DealReviewBuilder {

    /** Departures older than this are history, not deal context. */
    static final int DEPARTURE_DAYS = 365;

    public DealReview build(AccountSignals signals, HealthScore health, List<Alert> openAlerts) {
        LocalDate asOf = health.asOf();
        List<Contact> current = signals.contacts().stream().filter(c -> c.activeOn(asOf)).toList();
        return new DealReview(
                health,
                current.stream().filter(Contact::champion).toList(),
                current.stream().filter(Contact::execSponsor).toList(),
                signals.contacts().stream()
                        .filter(c -> c.leftOn().filter(d -> !d.isAfter(asOf)
                                && d.isAfter(asOf.minusDays(DEPARTURE_DAYS))).isPresent())
                        .sorted(Comparator.comparing((Contact c) -> c.leftOn().orElseThrow()).reversed())
                        .toList(),
                signals.tickets().stream().filter(t -> t.openOn(asOf) && t.urgentOrHigh()).toList(),
                signals.feedback().stream()
                        .filter(f -> !f.date().isAfter(asOf))
                        .max(Comparator.comparing(FeedbackResponse::date)),
                signals.objectives(),
                signals.meetings().stream()
                        .filter(m -> m.kind() == MeetingKind.QBR && !m.date().isAfter(asOf))
                        .max(Comparator.comparing(Meeting::date)),
                openAlerts);
    }
}
