package dev.csbot.alerts;

import dev.csbot.health.Playbook;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * An alert as the store keeps it: what the rule found last, and what its owner was last told ({@code
 * notified*}), which decides whether a persisting signal is posted again.
 */
public record StoredAlert(String id, String accountId, String ruleId, AlertState state, Severity severity,
        String headline, String evidence, Playbook playbook, double level, String ownerEmail, Instant raisedAt,
        Severity notifiedSeverity, double notifiedLevel, LocalDate notifiedOn, Optional<LocalDate> snoozedUntil,
        Optional<String> snoozedBy, Optional<String> acknowledgedBy, Optional<Instant> acknowledgedAt,
        Optional<String> playbookStartedBy, Optional<Instant> resolvedAt) {

    public boolean snoozedOn(LocalDate day) {
        return state == AlertState.SNOOZED && snoozedUntil.map(until -> !day.isAfter(until)).orElse(false);
    }

    /** The short form the deal review and lists show: "Usage down 31% against its own baseline (high)". */
    public Alert summary() {
        return new Alert(id, accountId, ruleId, state.label(), severity.label(), headline, ownerEmail, raisedAt);
    }
}
