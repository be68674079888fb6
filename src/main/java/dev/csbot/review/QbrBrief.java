package dev.csbot.review;

import dev.csbot.account.SuccessPlanObjective;
import dev.csbot.health.HealthScore;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A Quarterly Business Review brief in the order of a good QBR agenda: outcomes, value, risks, plan,
 * and expansion only once value is proven.
 */
public record QbrBrief(
        HealthScore health,
        List<SuccessPlanObjective> outcomes,
        ValueProof value,
        Risks risks,
        List<Priority> plan,
        Expansion expansion) {

    /** Quarter over quarter, in the customer's numbers. Empty values mean no data for that quarter. */
    public record ValueProof(
            OptionalDouble activeUsersThisQuarter,
            OptionalDouble activeUsersLastQuarter,
            OptionalDouble utilizationThisQuarter,
            OptionalDouble utilizationLastQuarter,
            int keyFeaturesThisQuarter,
            int keyFeaturesLastQuarter,
            long eventsThisQuarter,
            long eventsLastQuarter,
            List<String> keyWins) {}

    public record Risks(
            List<String> supportThemes, List<String> adoptionGaps, List<String> stakeholderChanges,
            List<String> voiceOfCustomer) {

        public boolean isEmpty() {
            return supportThemes.isEmpty() && adoptionGaps.isEmpty() && stakeholderChanges.isEmpty()
                    && voiceOfCustomer.isEmpty();
        }
    }

    /** One next-quarter priority: what, who owns it, by when, and why it made the list. */
    public record Priority(String what, String owner, LocalDate due, String why) {}

    /** Whether to raise expansion, and the reason either way. */
    public record Expansion(boolean proven, String reason) {}
}
