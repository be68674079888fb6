package dev.csbot.health;

import java.util.function.Supplier;

/**
 * A reason the score is lower than it could be: the measure, its own score and zone, the points it costs
 * the overall score, and the evidence in plain words. A measure in its red zone is always a driver.
 *
 * @param zone red: in its red zone; yellow: below green; green: a good signal that still costs a few
 *     points (its playbook is never recommended)
 * @param explanation writes the evidence ({@link #evidence()}); two drivers are equal when their evidence reads the
 *     same
 */
public record Driver(Measure measure, double measureScore, Band zone, double pointsLost, Supplier<String> explanation) {

    /**
     * The driver of {@code result}, whose evidence is written only when read: ranking a whole book names every
     * account's drivers, but shows the evidence of a few.
     */
    static Driver of(MeasureResult result, Band zone, double pointsLost) {
        return new Driver(result.measure(), result.score().orElseThrow(), zone, pointsLost, result.explanation());
    }

    /** The evidence in plain words: "active users down 38% over 14 days: 41 -> 25". */
    public String evidence() {
        return explanation.get();
    }

    /** This driver with its evidence written now (a kept score should not hold what it was built from). */
    Driver settled() {
        String written = evidence();
        return new Driver(measure, measureScore, zone, pointsLost, () -> written);
    }

    public boolean inRedZone() {
        return zone == Band.RED;
    }

    /** Whether the measure is a real problem, so that its playbook fits (never for a good signal). */
    public boolean isProblem() {
        return zone != Band.GREEN;
    }

    public Playbook playbook() {
        return measure.playbook();
    }

    /** "Usage trend: active users down 38% over 14 days: 41 -> 25". */
    public String sentence() {
        return measure.label() + ": " + evidence();
    }

    // Two drivers are the same when they say the same, however their evidence is written.

    @Override
    public boolean equals(Object other) {
        return other instanceof Driver that && measure == that.measure
                && Double.compare(measureScore, that.measureScore) == 0 && zone == that.zone
                && Double.compare(pointsLost, that.pointsLost) == 0 && evidence().equals(that.evidence());
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(measure, measureScore, zone, pointsLost, evidence());
    }

    @Override
    public String toString() {
        return "Driver[measure=" + measure + ", measureScore=" + measureScore + ", zone=" + zone + ", pointsLost="
                + pointsLost + ", evidence=" + evidence() + "]";
    }
}
