package dev.csbot.voc;

import java.time.Instant;
import java.util.Optional;

/** The stage an item or theme is at, with the message the CSM gave when it last moved, and who moved it. */
public record LoopState(LoopSubject subject, LoopStage stage, Optional<String> message, String updatedBy,
        Instant updatedAt) {}
