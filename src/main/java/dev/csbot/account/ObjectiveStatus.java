package dev.csbot.account;

import java.util.Arrays;
import java.util.Optional;

public enum ObjectiveStatus {
    ON_TRACK("on-track"),
    AT_RISK("at-risk"),
    DONE("done");

    private final String label;

    ObjectiveStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<ObjectiveStatus> fromLabel(String text) {
        return Arrays.stream(values()).filter(s -> s.label.equalsIgnoreCase(text.trim())).findFirst();
    }
}
