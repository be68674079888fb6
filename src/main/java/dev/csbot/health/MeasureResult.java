package dev.csbot.health;

import java.util.OptionalDouble;

/**
 * One measure's outcome: a score 0-100 with the evidence behind it, or missing with the reason.
 * {@code evidence} is written for a CSM ("active users down 38% over 14 days: 41 -> 25").
 */
public record MeasureResult(Measure measure, OptionalDouble score, String evidence) {

    public static MeasureResult scored(Measure measure, double score, String evidence) {
        return new MeasureResult(measure, OptionalDouble.of(clamp(score)), evidence);
    }

    public static MeasureResult missing(Measure measure, String why) {
        return new MeasureResult(measure, OptionalDouble.empty(), why);
    }

    public boolean isMissing() {
        return score.isEmpty();
    }

    static double clamp(double score) {
        return Math.max(0, Math.min(100, score));
    }
}
