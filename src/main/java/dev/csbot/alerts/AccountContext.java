package dev.csbot.alerts;

import dev.csbot.account.AccountSignals;
import dev.csbot.account.FeedbackResponse;
import dev.csbot.account.UsageDay;
import dev.csbot.health.Band;
import dev.csbot.health.HealthScore;
import java.time.LocalDate;
import java.util.List;
import java.util.function.IntFunction;

/** One account as the rules see it on one day: its signals, its health, and how scores map to bands. */
record AccountContext(AccountSignals signals, HealthScore health, LocalDate asOf, IntFunction<Band> bandOf,
        java.util.Optional<UsageBaselines.Baseline> usageBaseline) {

    long daysToRenewal() {
        return signals.account().daysToRenewal(asOf);
    }

    /** Mean daily active users over the days with rows dated after {@code fromExclusive} up to {@code toInclusive}. */
    Mean meanActiveUsers(LocalDate fromExclusive, LocalDate toInclusive) {
        long sum = 0;
        int days = 0;
        for (UsageDay day : signals.usage()) {
            if (day.date().isAfter(fromExclusive) && !day.date().isAfter(toInclusive)) {
                sum += day.activeUsers();
                days++;
            }
        }
        return new Mean(days, days == 0 ? 0 : (double) sum / days);
    }

    record Mean(int days, double value) {}

    /** Promoters (NPS 9-10, CSAT 5, CES 6-7) answering on or after {@code from}. */
    int promotersSince(LocalDate from) {
        return (int) signals.feedback().stream().filter(f -> !f.date().isBefore(from) && !f.date().isAfter(asOf))
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
        return signals.feedback().stream().filter(f -> !f.date().isBefore(from) && !f.date().isAfter(asOf)).toList();
    }
}
