package dev.csbot.alerts;

import java.time.Instant;

/**
 * An outbox entry as a worker claimed it. {@code inDoubt} means an earlier claim may have posted it and died
 * before recording so: look for the post before posting again.
 */
public record OutboxRow(String id, OutboxEntry entry, int attempts, boolean inDoubt, Instant createdAt) {}
