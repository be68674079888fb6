package dev.csbot.voc;

import java.util.List;

/** What {@code /feedback send} did: the sends queued (with their tokens) and the recipients held back, and why. */
public sealed interface SendResult {

    record Queued(FeedbackPrompt prompt, List<PromptSends.QueuedSend> queued, List<HeldBack> heldBack)
            implements SendResult {
        public Queued {
            queued = List.copyOf(queued);
            heldBack = List.copyOf(heldBack);
        }
    }

    /** Nothing could be sent, and why in the CSM's words (no such contact, nobody in the audience). */
    record NoRecipient(String reason) implements SendResult {}

    record HeldBack(Recipient recipient, String reason) {}
}
