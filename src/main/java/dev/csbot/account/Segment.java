package dev.csbot.account;

import java.util.Arrays;
import java.util.Optional;

/** Coverage model of an account, set by ARR: high-touch enterprise down to tech-touch SMB. */
public enum Segment {
    ENTERPRISE("enterprise"),
    MID_MARKET("mid-market"),
    SMB("smb");

    private final String label;

    Segment(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<Segment> fromLabel(String text) {
        return Arrays.stream(values()).filter(s -> s.label.equalsIgnoreCase(text.trim())).findFirst();
    }
}
