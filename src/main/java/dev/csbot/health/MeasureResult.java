package dev.csbot.health;

import dev.csbot.account.Segment;
import java.util.OptionalDouble;
import java.util.function.Supplier;

/**
 * One measure's outcome: a score 0-100 with the evidence behind it, or missing with the reason.
 * {@link #evidence()} is written for a CSM ("active users down 38% over 14 days: 41 -> 25"). It is
 * built only when read: the weekly history scores every account a dozen times and never shows it.
 *
 * @param bySegment how the result reads for another segment, for a measure whose result reads the segment; null when
 *     it does not (whatever the segment, the result is this one)
 */
public record MeasureResult(Measure measure, OptionalDouble score, Supplier<String> explanation,
        SegmentReading bySegment) {

    public MeasureResult(Measure measure, OptionalDouble score, Supplier<String> explanation) {
        this(measure, score, explanation, null);
    }

    public static MeasureResult scored(Measure measure, double score, Supplier<String> evidence) {
        return new MeasureResult(measure, OptionalDouble.of(clamp(score)), evidence);
    }

    /** A result that reads the segment: {@code bySegment} weighs it for another. */
    static MeasureResult scored(Measure measure, double score, Supplier<String> evidence, SegmentReading bySegment) {
        return new MeasureResult(measure, OptionalDouble.of(clamp(score)), evidence, bySegment);
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
        return new MeasureResult(measure, score, () -> written, bySegment);
    }

    /** This result for an account of {@code segment}: itself when the measure does not read the segment. */
    public MeasureResult forSegment(Segment segment) {
        return bySegment == null ? this : bySegment.weigh(segment);
    }

    public boolean isMissing() {
        return score.isEmpty();
    }

    static double clamp(double score) {
        return Math.max(0, Math.min(100, score));
    }
}
