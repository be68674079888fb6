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
        int maxDrivers,
        BandCaps bandCaps,
        RenewalRiskPolicy renewalRisk) {

    public record Bands(int redBelow, int greenFrom) {}

    /**
     * What holds the band down whatever the weighted mean says: a key measure in its red zone, several
     * at once, or an onboarding that stalled. A green cap means "no cap".
     */
    public record BandCaps(
            int redZoneBelow,
            Map<String, Band> keyMeasures,
            int redWhenKeyMeasuresInRedZone,
            Band stalledOnboarding) {}

    /** A renewal this close with low usage or poor sentiment is a renewal risk, held to {@code band} at best. */
    public record RenewalRiskPolicy(int withinDays, double seatsActiveBelow, double sentimentBelow, Band band) {}

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

    /** {@code minBase}: fewer active users a day than this in the earlier window is too few for a percentage. */
    public record UsageTrend(int windowDays, double flatScore, double dropToZero, double riseToFull, double minBase) {}

    public record AdoptionBreadth(int windowDays, int fullMarksAt) {}

    public record SupportBurden(
            int recentDays,
            int baselineDays,
            double openUrgentPenalty,
            double openHighPenalty,
            double spikeRatio,
            double spikePenalty) {}

    public record Sentiment(int halfLifeDays, int maxAgeDays) {}

    /** No meeting for {@code overdueAfter} times the cadence scores {@code overdueScore}, falling to 0 one cadence later. */
    public record Engagement(Map<String, Integer> cadenceDays, double overdueAfter, double overdueScore,
            int execWindowDays, double noExecPenalty) {}

    public record Relationship(
            int recentDepartureDays,
            double championLeftScore,
            double noChampionScore,
            double sponsorLeftPenalty,
            double noSponsorPenalty) {}

    /** Not reached by {@code stalledAt} times the target day: onboarding has stalled. */
    public record TimeToValue(double firstValueUtilization, int targetDays, double stalledAt, int overdueDays) {

        /** The first day on which an onboarding without first value counts as stalled (45 for a 30-day target). */
        public long stalledAfterDays() {
            return Math.round(targetDays * stalledAt);
        }
    }

    public record Staleness(int usageDays, int feedbackDays, int meetingsDays) {}

    /** The highest score a band allows: what a capped score is lowered to. */
    public int topOf(Band band) {
        return switch (band) {
            case RED -> bands.redBelow() - 1;
            case YELLOW -> bands.greenFrom() - 1;
            case GREEN -> 100;
        };
    }

    /** Whether a measure's score is in its red zone (always named as a driver). */
    public boolean inRedZone(double measureScore) {
        return measureScore < bandCaps.redZoneBelow();
    }

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
