package dev.csbot.chat;

import java.util.Map;
import java.util.Optional;

/** What the core says to a {@link FormSubmission}; the adapter shows it in the form or next to it. */
public sealed interface FormOutcome {

    /**
     * Recorded. Show {@code next} in place of the form when present (a question that depends on the answer
     * just given), otherwise close the form and show {@code reply} to the person who submitted it only.
     */
    record Accepted(Reply reply, Optional<ReplyBlock.Form> next) implements FormOutcome {}

    /** Nothing stored: show each message at its field (Slack {@code response_action: errors}, a card's error line). */
    record Invalid(Map<String, String> fieldErrors) implements FormOutcome {
        public Invalid {
            fieldErrors = Map.copyOf(fieldErrors);
        }
    }

    /** Not accepted, revealing nothing about why (a forged, expired or foreign token, or a caller who may not). */
    record Refused(Reply reply) implements FormOutcome {}
}
