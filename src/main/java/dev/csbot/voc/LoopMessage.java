package dev.csbot.voc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A message that closes the loop with one customer about one item: in the conversation where they gave the
 * feedback ({@code place}), or, for imported feedback, to the contact by email ({@code destination} says which).
 * Recorded once per (item, customer, stage), and written to the outbox in the same transaction: setting the same
 * stage again records and sends nothing new. For an anonymous answer {@code contactEmail} is empty and
 * {@code customerKey} names the answer, never the person.
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
        Instant createdAt,
        Destination destination) {}
