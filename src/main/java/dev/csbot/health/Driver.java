package dev.csbot.health;

/**
 * A reason the score is lower than it could be: the measure, its own score and zone, the points it costs
 * the overall score, and the evidence in plain words. A measure in its red zone is always a driver.
 *
 * @param zone red: in its red zone; yellow: below green; green: a good signal that still costs a few
 *     points (its playbook is never recommended)
 */
public record Driver(Measure measure, double measureScore, Band zone, double pointsLost, String evidence) {

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
        return measure.label() + ": " + evidence;
    }
}
