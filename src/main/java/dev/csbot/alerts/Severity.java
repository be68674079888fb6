package dev.csbot.alerts;

import java.util.Arrays;
import java.util.Optional;

/** How urgently an alert needs its owner: {@code low} waits for the digest, the others are posted at once. */
public enum Severity {
    LOW("low"),
    MEDIUM("medium"),
    HIGH("high");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean postedAtOnce() {
        return this != LOW;
    }

    public static Optional<Severity> fromLabel(String text) {
        return text == null ? Optional.empty()
                : Arrays.stream(values()).filter(s -> s.label.equalsIgnoreCase(text.trim())).findFirst();
    }
}
