package dev.csbot.alerts;

import dev.csbot.chat.MessageRef;
import java.util.Optional;

/**
 * Renders one kind of outbox item as it stands at delivery time (so a message sent late, or updated, shows the
 * current state). Empty: the item is gone and there is nothing to send.
 */
public interface OutboxContent {

    String itemKind();

    Optional<OutboundMessage> render(String itemId);

    /**
     * Told once a post of the item is recorded as delivered (the outbox row is already marked): an item whose
     * rendering needs a secret (a prompt's token) forgets it here. Does nothing by default.
     */
    default void delivered(String itemId, MessageRef posted) {}
}
