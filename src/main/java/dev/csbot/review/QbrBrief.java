package dev.csbot.review;

import dev.csbot.account.SuccessPlanObjective;
import dev.csbot.health.HealthScore;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
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

    /**
     * Quarter over quarter, in the customer's numbers. The quarters are compared only when both have
     * their data ({@link #comparable()}); a quarter with part of its data says how much it has.
     *
     * @param keyWins achieved objectives and measured outcomes (never "tickets closed")
     * @param advocacy promoters who said so this quarter
     */
    public record ValueProof(Quarter thisQuarter, Quarter lastQuarter, List<String> keyWins, List<String> advocacy) {

        public boolean comparable() {
            return thisQuarter.complete() && lastQuarter.complete();
        }
    }

    /**
     * One quarter's usage. {@code daysCovered} counts the days from the first to the last usage row inside
     * it (gaps between rows, such as weekends an export leaves out, still count), out of {@code days}.
     */
    public record Quarter(
            LocalDate from,
            LocalDate to,
            int days,
            int daysCovered,
            Optional<LocalDate> firstDataDay,
            OptionalDouble activeUsers,
            OptionalDouble utilization,
            int keyFeatures,
            long events) {

        /** Data over (nearly) the whole quarter: a few quiet days at either end are forgiven. */
        public boolean complete() {
            return daysCovered >= days - QbrBriefBuilder.MISSING_DAYS_FORGIVEN;
        }

        public boolean hasData() {
            return daysCovered > 0;
        }
    }

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
