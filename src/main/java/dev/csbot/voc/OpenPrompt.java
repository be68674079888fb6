package dev.csbot.voc;

import java.util.Optional;

/** A prompt a respondent may answer now, with their earlier answer when they are editing it. */
public record OpenPrompt(FeedbackPrompt prompt, PromptSend send, Optional<FeedbackAnswer> earlier) {

    /** Anonymity is offered only where it can be honest: in a channel, not to a person the CSM picked. */
    public boolean offersAnonymity() {
        return prompt.anonymityAllowed() && send.recipient() instanceof Recipient.ChannelRecipient;
    }
}
