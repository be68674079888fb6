package dev.csbot.voc;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One piece of feedback as VoC reads it: an imported survey response ({@code feedback.csv}, the REST API) or
 * an answer given in chat. {@code contactEmail} is empty for an anonymous answer, and {@code place} is where a
 * chat answer was given (imported ones have none).
 */
public record FeedbackRecord(
        String accountId,
        LocalDate date,
        PromptKind kind,
        OptionalInt score,
        Optional<String> comment,
        Optional<String> contactEmail,
        boolean anonymous,
        Optional<String> answerId,
        Optional<ChatPlace> place) {

    /**
     * A short, stable id for {@code /voc set}: from the chat answer when there is one (edits keep it), else
     * from the imported row's key (re-imports keep it). 48 bits: unique across millions of items in practice.
     */
    public String itemId() {
        String key = answerId.map(id -> "answer|" + id).orElseGet(() -> "response|" + accountId + "|"
                + contactEmail.orElse("").toLowerCase(Locale.ROOT) + "|" + date + "|" + kind.label());
        return "fb-" + Hashes.sha256Hex(key).substring(0, 12);
    }

    /** Who the customer is to whom the loop is closed: the chat answer, else the contact of the imported row. */
    public String customerKey() {
        return answerId.map(id -> "answer:" + id)
                .orElseGet(() -> "contact:" + contactEmail.orElse("").toLowerCase(Locale.ROOT));
    }

    public boolean hasComment() {
        return comment.filter(c -> !c.isBlank()).isPresent();
    }
}
