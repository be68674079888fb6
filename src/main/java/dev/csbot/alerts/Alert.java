package dev.csbot.alerts;

import java.time.Instant;

/** A risk alert raised by a rule for an account; one open alert per account and rule. */
public record Alert(
        String id, String accountId, String ruleId, String status, String severity, String summary,
        String ownerEmail, Instant raisedAt) {}
