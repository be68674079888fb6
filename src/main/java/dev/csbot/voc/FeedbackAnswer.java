package dev.csbot.voc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A customer's answer to a prompt send. One per person per send ({@code respondentKey}, a hash of who they are
 * on the platform). An anonymous answer keeps no {@code contactEmail}: it counts in scores and themes, but
 * nothing shown anywhere can say who gave it. The comment is customer text: escape before showing.
 *
 * @param answeredOn the day it counts for (the day of the first submit, in the service's time zone)
 * @param needsFollowUp whether someone should reach out fast ({@link FollowUpUrgency})
 */
public record FeedbackAnswer(
        String id,
        String sendId,
        String accountId,
        String promptId,
        PromptKind kind,
        String respondentKey,
        Optional<String> contactEmail,
        boolean anonymous,
        OptionalInt score,
        Optional<String> comment,
        ChatPlace place,
        LocalDate answeredOn,
        Instant answeredAt,
        Instant updatedAt,
        boolean needsFollowUp) {

    /**
     * The contact this answer is filed under in the survey responses the health score reads: the email, or,
     * without one, a placeholder that names nobody ("anonymous-1a2b3c4d").
     */
    public String responseKey() {
        return contactEmail.orElseGet(() -> (anonymous ? "anonymous-" : "chat-user-")
                + id.substring(0, Math.min(8, id.length())));
    }
}
