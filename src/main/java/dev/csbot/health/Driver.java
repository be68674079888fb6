package dev.csbot.health;

/**
 * A reason the score is lower than it could be: the measure, the points it costs the overall score,
 * and the evidence in plain words.
 */
public record Driver(Measure measure, double pointsLost, String evidence) {

    public Playbook playbook() {
        return measure.playbook();
    }

    /** "Usage trend: active users down 38% over 14 days: 41 -> 25 (-9 points)". */
    public String sentence() {
        return measure.label() + ": " + evidence;
    }
}
