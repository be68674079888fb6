package dev.csbot.chat;

import dev.csbot.alerts.OutboundMessage;
import dev.csbot.alerts.OutboxContent;
import dev.csbot.voc.FeedbackPrompt;
import dev.csbot.voc.PromptCatalog;
import dev.csbot.voc.PromptSend;
import dev.csbot.voc.PromptSends;
import dev.csbot.voc.VocItems;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * A prompt, or its one reminder, as the customer receives it: the prompt's own words and a button carrying the
 * send's token, rendered at delivery time (customer content: it goes only to the conversation addressed). Once
 * delivered, the raw token is forgotten when nothing left to send carries it. A send that closed, was answered
 * (for a reminder) or lost its token renders nothing: there is no message to send any more.
 */
public final class PromptDeliveryContent implements OutboxContent {

    private final boolean reminder;
    private final PromptSends sends;
    private final PromptCatalog prompts;
    private final Clock clock;

    private PromptDeliveryContent(boolean reminder, PromptSends sends, PromptCatalog prompts, Clock clock) {
        this.reminder = reminder;
        this.sends = sends;
        this.prompts = prompts;
        this.clock = clock;
    }

    public static PromptDeliveryContent prompts(PromptSends sends, PromptCatalog prompts, Clock clock) {
        return new PromptDeliveryContent(false, sends, prompts, clock);
    }

    public static PromptDeliveryContent reminders(PromptSends sends, PromptCatalog prompts, Clock clock) {
        return new PromptDeliveryContent(true, sends, prompts, clock);
    }

    @Override
    public String itemKind() {
        return reminder ? VocItems.REMINDER : VocItems.PROMPT;
    }

    @Override
    public Optional<OutboundMessage> render(String sendId) {
        Optional<PromptSend> send = sends.find(sendId).filter(s -> s.openAt(Instant.now(clock)))
                .filter(s -> !reminder || s.answeredAt().isEmpty());
        Optional<FeedbackPrompt> prompt = send.flatMap(s -> prompts.find(s.promptId()));
        Optional<String> token = prompt.isEmpty() ? Optional.empty() : sends.pendingToken(sendId);
        if (prompt.isEmpty() || token.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(OutboundMessage.forCustomer(reminder ? PromptMessages.reminder(prompt.get(), token.get())
                : PromptMessages.prompt(prompt.get(), token.get())));
    }

    @Override
    public void delivered(String sendId, MessageRef posted) {
        sends.delivered(sendId, reminder);
    }
}
