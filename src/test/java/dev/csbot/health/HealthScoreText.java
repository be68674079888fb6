package dev.csbot.health;

/** Every part of a score as text, evidence included (a measure's evidence is written when asked for): to compare. */
final class HealthScoreText {

    private HealthScoreText() {}

    static String of(HealthScore h) {
        return String.join(" | ", h.account().toString(), h.asOf().toString(),
                String.valueOf(h.score()), h.band().toString(), h.previousScore().toString(),
                h.measures().stream().map(m -> m.measure() + " " + m.score() + " " + m.evidence()).toList().toString(),
                h.drivers().toString(), h.playbook().toString(), h.dataThrough().toString(), h.staleSources().toString(),
                h.weekly().toString(), String.valueOf(h.onboarding()), String.valueOf(h.coverage()),
                String.valueOf(h.weightedScore()), h.caps().toString(), h.renewalRisk().toString(),
                h.previousMeasures().toString());
    }
}
