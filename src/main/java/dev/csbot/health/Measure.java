package dev.csbot.health;

/** The signals a health score is built from. Each scores 0-100 or is missing. */
public enum Measure {
    LICENSE_UTILIZATION("license_utilization", "License utilization", Playbook.LOW_ADOPTION),
    USAGE_TREND("usage_trend", "Usage trend", Playbook.LOW_ADOPTION),
    ADOPTION_BREADTH("adoption_breadth", "Adoption breadth", Playbook.LOW_ADOPTION),
    TIME_TO_VALUE("time_to_value", "Time to value", Playbook.ONBOARDING_STALLED),
    SUPPORT_BURDEN("support_burden", "Support burden", Playbook.SUPPORT_SPIKE),
    SENTIMENT("sentiment", "Sentiment", Playbook.DETRACTOR_FOLLOW_UP),
    ENGAGEMENT("engagement", "Engagement", Playbook.RE_ENGAGE),
    RELATIONSHIP("relationship", "Relationship", Playbook.CHAMPION_CHANGE);

    private final String key;
    private final String label;
    private final Playbook playbook;

    Measure(String key, String label, Playbook playbook) {
        this.key = key;
        this.label = label;
        this.playbook = playbook;
    }

    /** The name used in the scorecard YAML. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /**
     * The playbook that fits this measure when it drags the score down. "Renewal at risk" is no measure's:
     * it comes from the renewal-risk policy, with its reasons.
     */
    public Playbook playbook() {
        return playbook;
    }

    public static java.util.Optional<Measure> fromKey(String key) {
        return java.util.Arrays.stream(values()).filter(m -> m.key.equals(key)).findFirst();
    }
}
