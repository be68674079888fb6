package dev.csbot.health;

import java.util.Map;

/**
 * The health scorecard as CS Ops configure it (see {@code scorecard/default-scorecard.yaml}).
 * Field names follow the YAML keys.
 */
public record Scorecard(
        Bands bands,
        int trendDays,
        Map<String, Double> weights,
        Map<String, Double> onboardingWeights,
        Measures measures,
        Staleness staleness,
        double driverMinPoints,
        int maxDrivers) {

    public record Bands(int redBelow, int greenFrom) {}

    public record Measures(
            LicenseUtilization licenseUtilization,
            UsageTrend usageTrend,
            AdoptionBreadth adoptionBreadth,
            SupportBurden supportBurden,
            Sentiment sentiment,
            Engagement engagement,
            Relationship relationship,
            TimeToValue timeToValue) {}

    public record LicenseUtilization(int windowDays, double fullMarksAt) {}

    public record UsageTrend(int windowDays, double flatScore, double dropToZero, double riseToFull) {}

    public record AdoptionBreadth(int windowDays, int fullMarksAt) {}

    public record SupportBurden(
            int recentDays,
            int baselineDays,
            double openUrgentPenalty,
            double openHighPenalty,
            double spikeRatio,
            double spikePenalty) {}

    public record Sentiment(int halfLifeDays, int maxAgeDays) {}

    public record Engagement(Map<String, Integer> cadenceDays, int execWindowDays, double noExecPenalty) {}

    public record Relationship(
            int recentDepartureDays,
            double championLeftScore,
            double noChampionScore,
            double sponsorLeftPenalty,
            double noSponsorPenalty) {}

    public record TimeToValue(double firstValueUtilization, int targetDays, int overdueDays) {}

    public record Staleness(int usageDays, int feedbackDays, int meetingsDays) {}

    public Band bandOf(int score) {
        if (score < bands.redBelow()) {
            return Band.RED;
        }
        return score >= bands.greenFrom() ? Band.GREEN : Band.YELLOW;
    }

    /** The days of usage one score needs (the longest window of any usage measure). */
    public int usageWindowDays() {
        return Math.max(measures.licenseUtilization().windowDays(),
                Math.max(2 * measures.usageTrend().windowDays(), measures.adoptionBreadth().windowDays()));
    }

    /** The days of usage a full answer needs: today's score, the trend's earlier one and the weekly history. */
    public int usageLookbackDays() {
        // Time to value looks back to contract start, at most until it is overdue.
        return Math.max(usageWindowDays() + Math.max(trendDays, 7 * TREND_WEEKS),
                measures.timeToValue().overdueDays() + trendDays);
    }

    /** How many weekly points the trend sparkline shows. */
    public static final int TREND_WEEKS = 12;
}
