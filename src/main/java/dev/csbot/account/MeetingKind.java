package dev.csbot.account;

import java.util.Arrays;
import java.util.Optional;

public enum MeetingKind {
    QBR("qbr"),
    CHECK_IN("check-in"),
    TRAINING("training"),
    EXEC("exec");

    private final String label;

    MeetingKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<MeetingKind> fromLabel(String text) {
        return Arrays.stream(values()).filter(k -> k.label.equalsIgnoreCase(text.trim())).findFirst();
    }
}
