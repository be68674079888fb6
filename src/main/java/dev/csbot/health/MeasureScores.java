package dev.csbot.health;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Each measure's score of one evaluation, without the evidence: what the score on the trend's earlier day was weighed
 * from. Kept with every ranking score (a few dozen bytes), so that after a sync that moves an account's seats or
 * renewal date the earlier day can be weighed again without reading the tickets, feedback, meetings and contacts the
 * other measures come from.
 */
public final class MeasureScores {

    /** No evaluation: the earlier day had no score. */
    public static final MeasureScores NONE = new MeasureScores(new double[0]);

    private static final double NOT_WEIGHED = Double.NEGATIVE_INFINITY;
    private static final double MISSING = Double.NaN;

    /** By {@link Measure#ordinal()}: a score, {@link #MISSING} or {@link #NOT_WEIGHED}. */
    private final double[] byMeasure;

    private MeasureScores(double[] byMeasure) {
        this.byMeasure = byMeasure;
    }

    static MeasureScores of(List<MeasureResult> results) {
        double[] scores = new double[Measure.values().length];
        Arrays.fill(scores, NOT_WEIGHED);
        for (MeasureResult result : results) {
            scores[result.measure().ordinal()] = result.isMissing() ? MISSING : result.score().getAsDouble();
        }
        return new MeasureScores(scores);
    }

    public boolean isEmpty() {
        return byMeasure.length == 0;
    }

    /** Whether the evaluation weighed {@code measure} (scored or missing). */
    boolean weighed(Measure measure) {
        return !isEmpty() && byMeasure[measure.ordinal()] != NOT_WEIGHED;
    }

    /** {@code measure}'s result as the evaluation had it, without evidence (only its score is kept). */
    MeasureResult resultOf(Measure measure) {
        if (!weighed(measure)) {
            throw new IllegalArgumentException(measure + " was not weighed in this evaluation");
        }
        double score = byMeasure[measure.ordinal()];
        return Double.isNaN(score) ? MeasureResult.missing(measure, "") : MeasureResult.scored(measure, score, "");
    }

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
