package dev.csbot.voc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A chat answer that needed a human fast (a detractor, an unhappy CSAT, a high-effort CES), and whether someone
 * followed up. {@code contactEmail} is empty for an anonymous answer: nothing shown may say who gave it. The
 * comment is customer text.
 */
public record FollowUp(String answerId, PromptKind kind, OptionalInt score, Optional<String> comment,
        Optional<String> contactEmail, boolean anonymous, LocalDate answeredOn, Optional<String> followedUpBy,
        Optional<Instant> followedUpAt) {

    public boolean pending() {
        return followedUpAt.isEmpty();
    }
}
