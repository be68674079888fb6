package dev.csbot.alerts;

import java.util.Optional;

/**
 * Renders one kind of outbox item as it stands at delivery time (so a message sent late, or updated, shows the
 * current state). Empty: the item is gone and there is nothing to send.
 */
public interface OutboxContent {

    String itemKind();

    Optional<OutboundMessage> render(String itemId);
}
