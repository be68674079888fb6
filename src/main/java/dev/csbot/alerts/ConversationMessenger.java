package dev.csbot.alerts;

import dev.csbot.chat.MessageRef;
import dev.csbot.chat.Platform;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Posts and updates messages in a conversation of one platform: the one interface the outbox delivers
 * through. Implementations check, at send time, that internal content never reaches a conversation shared with
 * another organisation, and refuse such a target with {@link DeliveryFailure#refused}.
 */
public interface ConversationMessenger {

    Platform platform();

    /** Posts; {@code idempotencyKey} travels with the message where the platform can carry it (Slack metadata). */
    MessageRef post(DeliveryTarget target, OutboundMessage message, String idempotencyKey) throws DeliveryFailure;

    void update(MessageRef message, OutboundMessage content) throws DeliveryFailure;

    /**
     * The message an earlier attempt posted with this key, if the platform can tell (Slack: the channel's
     * recent history with metadata); empty when it was not posted or the platform cannot look.
     */
    Optional<MessageRef> findPosted(DeliveryTarget target, String idempotencyKey, Instant since) throws DeliveryFailure;

    /** The least time between two posts into one conversation (Slack: one message a second per channel). */
    Duration minimumInterval();
}
