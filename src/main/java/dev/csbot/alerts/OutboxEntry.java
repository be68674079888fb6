package dev.csbot.alerts;

import dev.csbot.chat.MessageRef;
import java.util.Optional;

/**
 * One thing to deliver: post an item (an alert notice, a digest, a checklist; later a prompt or a reminder) to
 * a target, or update a message already posted for it. {@code idempotencyKey} is unique per (item, target):
 * enqueueing the same key twice delivers once.
 *
 * @param itemKind which {@link OutboxContent} renders the item
 * @param update the message to replace, for {@link Operation#UPDATE}; empty for a post
 */
public record OutboxEntry(String idempotencyKey, String itemKind, String itemId, Operation operation,
        DeliveryTarget target, Optional<MessageRef> update, String accountId) {

    public enum Operation {
        POST,
        UPDATE
    }

    public static OutboxEntry post(String itemKind, String itemId, DeliveryTarget target, String accountId) {
        return new OutboxEntry(itemKind + "|" + itemId + "|" + target.describe(), itemKind, itemId, Operation.POST,
                target, Optional.empty(), accountId);
    }

    /** {@code stamp} makes each update request its own row: the message is rendered as it stands when sent. */
    public static OutboxEntry update(String itemKind, String itemId, MessageRef message, String accountId,
            String stamp) {
        return new OutboxEntry("update|" + itemKind + "|" + itemId + "|" + message.platform() + "|"
                + message.conversationId() + "|" + message.messageId() + "|" + stamp, itemKind, itemId,
                Operation.UPDATE, DeliveryTarget.conversation(message.platform(), message.conversationId()),
                Optional.of(message), accountId);
    }
}
