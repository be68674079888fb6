package dev.csbot.voc;

import java.time.Instant;
import java.util.Optional;

/**
 * One prompt sent to one recipient about one account. The token that authorises answers is stored only as
 * {@code tokenHash}; the raw token travels in the customer's message (see docs/adr/0002-voc.md).
 *
 * @param platform the platform it is delivered on ("slack", "teams"), empty when any platform that
 *     reaches the contact will do (a contact named by email from the command line)
 * @param origin why it was sent: "command", or a campaign's "schedule", "ticket:ID", "milestone:DAY"
 */
public record PromptSend(
        String id,
        String accountId,
        String promptId,
        Recipient recipient,
        Optional<String> platform,
        String tokenHash,
        String origin,
        String requestedBy,
        Instant createdAt,
        Instant expiresAt,
        Optional<Instant> reminderDueAt,
        Optional<Instant> remindedAt,
        Optional<Instant> answeredAt) {

    public boolean openAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
