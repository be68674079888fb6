package dev.csbot.chat;

import dev.csbot.alerts.OutboundMessage;
import dev.csbot.alerts.OutboxContent;
import dev.csbot.voc.FeedbackLoop;
import dev.csbot.voc.VocItems;
import java.util.Optional;

/** A loop-closing update as the one customer it is for reads it, in the conversation where they gave feedback. */
public final class LoopMessageContent implements OutboxContent {

    private final FeedbackLoop loop;

    public LoopMessageContent(FeedbackLoop loop) {
        this.loop = loop;
    }

    @Override
    public String itemKind() {
        return VocItems.LOOP;
    }

    @Override
    public Optional<OutboundMessage> render(String messageId) {
        return loop.message(messageId).map(m -> OutboundMessage.forCustomer(PromptMessages.loopClosing(m)));
    }
}
