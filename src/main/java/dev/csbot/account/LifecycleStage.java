package dev.csbot.account;

import java.util.Arrays;
import java.util.Optional;

public enum LifecycleStage {
    ONBOARDING("onboarding"),
    ADOPTION("adoption"),
    EXPANSION("expansion"),
    RENEWAL("renewal");

    private final String label;

    LifecycleStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<LifecycleStage> fromLabel(String text) {
        return Arrays.stream(values()).filter(s -> s.label.equalsIgnoreCase(text.trim())).findFirst();
    }
}
