package dev.csbot.health;

import java.util.OptionalDouble;
import java.util.function.Supplier;

/**
 * One measure's outcome: a score 0-100 with the evidence behind it, or missing with the reason.
 * {@link #evidence()} is written for a CSM ("active users down 38% over 14 days: 41 -> 25"). It is
 * built only when read: the weekly history scores every account a dozen times and never shows it.
 */
public record MeasureResult(Measure measure, OptionalDouble score, Supplier<String> explanation) {

    public static MeasureResult scored(Measure measure, double score, Supplier<String> evidence) {
        return new MeasureResult(measure, OptionalDouble.of(clamp(score)), evidence);
    }

    public static MeasureResult scored(Measure measure, double score, String evidence) {
        return scored(measure, score, () -> evidence);
    }

    public static MeasureResult missing(Measure measure, String why) {
        return new MeasureResult(measure, OptionalDouble.empty(), () -> why);
    }

    public String evidence() {
        return explanation.get();
    }

    /** This result with its evidence written now (kept results should not hold what it was built from). */
    public MeasureResult settled() {
        String written = evidence();
        return new MeasureResult(measure, score, () -> written);
    }

    public boolean isMissing() {
        return score.isEmpty();
    }

    static double clamp(double score) {
        return Math.max(0, Math.min(100, score));
    }
}
