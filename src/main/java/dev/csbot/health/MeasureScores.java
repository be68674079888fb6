package dev.csbot.health;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Each measure's score of one evaluation, without the evidence: what the score on the trend's earlier day was weighed
 * from. Kept with every ranking score (a few dozen bytes, and the two segment readings), so that after a sync that
 * moves an account's seats or renewal date the earlier day can be weighed again without reading the tickets,
 * feedback, meetings and contacts the other measures come from. The measures that read the segment keep how they
 * weigh for another ({@link SegmentReading}), so that a sync that tiers the book again need not read the meetings and
 * contacts either.
 */
public final class MeasureScores {

    /** No evaluation: the earlier day had no score. */
    public static final MeasureScores NONE = new MeasureScores(new double[0], null);

    private static final double NOT_WEIGHED = Double.NEGATIVE_INFINITY;
    private static final double MISSING = Double.NaN;

    /** By {@link Measure#ordinal()}: a score, {@link #MISSING} or {@link #NOT_WEIGHED}. */
    private final double[] byMeasure;

    /** By {@link Measure#ordinal()}: how the result reads for another segment, or null; null when none does. */
    private final SegmentReading[] bySegment;

    private MeasureScores(double[] byMeasure, SegmentReading[] bySegment) {
        this.byMeasure = byMeasure;
        this.bySegment = bySegment;
    }

    static MeasureScores of(List<MeasureResult> results) {
        double[] scores = new double[Measure.values().length];
        Arrays.fill(scores, NOT_WEIGHED);
        SegmentReading[] readings = null;
        for (MeasureResult result : results) {
            int at = result.measure().ordinal();
            scores[at] = result.isMissing() ? MISSING : result.score().getAsDouble();
            if (result.bySegment() != null) {
                readings = readings == null ? new SegmentReading[scores.length] : readings;
                readings[at] = result.bySegment();
            }
        }
        return new MeasureScores(scores, readings);
    }

    public boolean isEmpty() {
        return byMeasure.length == 0;
    }

    /** Whether the evaluation weighed {@code measure} (scored or missing). */
    boolean weighed(Measure measure) {
        return !isEmpty() && byMeasure[measure.ordinal()] != NOT_WEIGHED;
    }

    /**
     * {@code measure}'s result as the evaluation had it, without evidence (only its score is kept), and how it reads
     * for another segment when it reads the segment.
     */
    MeasureResult resultOf(Measure measure) {
        if (!weighed(measure)) {
            throw new IllegalArgumentException(measure + " was not weighed in this evaluation");
        }
        int at = measure.ordinal();
        double score = byMeasure[at];
        SegmentReading reading = bySegment == null ? null : bySegment[at];
        return Double.isNaN(score) ? MeasureResult.missing(measure, "")
                : MeasureResult.scored(measure, score, () -> "", reading);
    }

    /** Equal when every measure scored the same; how a result would read for another segment is not compared. */
    @Override
    public boolean equals(Object other) {
        return other instanceof MeasureScores scores && Arrays.equals(byMeasure, scores.byMeasure);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(byMeasure);
    }

    @Override
    public String toString() {
        StringJoiner text = new StringJoiner(", ", "{", "}");
        for (Measure measure : Measure.values()) {
            if (weighed(measure)) {
                double score = byMeasure[measure.ordinal()];
                text.add(measure.key() + "=" + (Double.isNaN(score) ? "missing" : String.format(Locale.ROOT, "%s", score)));
            }
        }
        return text.toString();
    }
}
