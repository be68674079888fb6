package dev.csbot.account;

import java.util.Arrays;
import java.util.Optional;

/**
 * The survey a response answers, with its scale. NPS is 0-10 (likelihood to recommend), CSAT 1-5
 * (satisfaction), CES 1-7 ("the company made it easy", so 7 is the least effort).
 */
public enum FeedbackKind {
    NPS("nps", 0, 10),
    CSAT("csat", 1, 5),
    CES("ces", 1, 7);

    private final String label;
    private final int min;
    private final int max;

    FeedbackKind(String label, int min, int max) {
        this.label = label;
        this.min = min;
        this.max = max;
    }

    public String label() {
        return label;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    public boolean accepts(int score) {
        return score >= min && score <= max;
    }

    public static Optional<FeedbackKind> fromLabel(String text) {
        return Arrays.stream(values()).filter(k -> k.label.equalsIgnoreCase(text.trim())).findFirst();
    }
}
