package dev.csbot.alerts;

import java.util.Arrays;

/** Where an alert is in its life: raised and open, seen (acknowledged), silenced for a while, or over. */
public enum AlertState {
    OPEN("open"),
    ACKNOWLEDGED("acknowledged"),
    SNOOZED("snoozed"),
    RESOLVED("resolved");

    private final String label;

    AlertState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static AlertState fromLabel(String text) {
        return Arrays.stream(values()).filter(s -> s.label.equals(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown alert state " + text));
    }
}
