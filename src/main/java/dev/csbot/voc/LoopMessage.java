package dev.csbot.voc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A message that closes the loop with one customer about one item, waiting for delivery: in the conversation
 * where they gave the feedback ({@code place}), or, for imported feedback, to the contact by email. Recorded
 * once per (item, customer, stage): setting the same stage again records nothing new. For an anonymous
 * answer {@code contactEmail} is empty and {@code customerKey} names the answer, never the person.
 */
public record LoopMessage(
        String id,
        String itemId,
        String accountId,
        String customerKey,
        Optional<String> contactEmail,
        Optional<ChatPlace> place,
        LoopSubject subject,
        LoopStage stage,
        String text,
        LocalDate raisedOn,
        Instant createdAt) {}
