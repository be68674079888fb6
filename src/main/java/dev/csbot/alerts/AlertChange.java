package dev.csbot.alerts;

import java.util.Optional;

/**
 * What one evaluation does to one (account, rule): raise a new alert, mark it worse, leave it open, or resolve
 * it; {@code tellOwner} says whether its owner hears about it now (new or worse at medium or high, or the cooldown
 * since the last message has passed, and not snoozed).
 */
public record AlertChange(Kind kind, String alertId, String accountId, String ruleId, Optional<Finding> finding,
        Optional<StoredAlert> previous, boolean tellOwner) {

    public enum Kind {
        NEW("new"),
        WORSE("worse"),
        OPEN("open"),
        RESOLVED("resolved");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The severity now: the finding's, or for a resolved alert the last one it had. */
    public Severity severity() {
        return finding.map(Finding::severity).orElseGet(() -> previous.orElseThrow().severity());
    }

    public String evidence() {
        return finding.map(Finding::evidence).orElseGet(() -> "Cleared; it was: " + previous.orElseThrow().evidence());
    }

    public String headline() {
        return finding.map(Finding::headline).orElseGet(() -> previous.orElseThrow().headline());
    }
}
