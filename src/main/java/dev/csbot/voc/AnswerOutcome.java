package dev.csbot.voc;

import java.util.Map;
import java.util.Optional;

/** What became of an answer: recorded (perhaps with a follow-up question to ask next), invalid, or refused. */
public sealed interface AnswerOutcome {

    /**
     * @param edited whether this changed an earlier answer by the same person
     * @param nextQuestion the follow-up question for the score just given, to ask in a second step
     * @param urgency why someone should reach out fast, when they should ({@link FollowUpUrgency})
     */
    record Recorded(FeedbackPrompt prompt, FeedbackAnswer answer, boolean edited, Optional<String> nextQuestion,
            Optional<String> urgency) implements AnswerOutcome {}

    /** Nothing stored; a message per field id. */
    record Invalid(Map<String, String> fieldErrors) implements AnswerOutcome {
        public Invalid {
            fieldErrors = Map.copyOf(fieldErrors);
        }
    }

    /** Not accepted; deliberately without a reason (the token may not exist, may be expired, or not theirs). */
    record Refused() implements AnswerOutcome {}
}
