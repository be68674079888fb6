package dev.csbot.voc;

import java.time.Instant;
import java.util.List;

/** Who is due the one reminder: an open send, not answered, not reminded yet, whose reminder time has come. */
public final class Reminders {

    private Reminders() {}

    public static List<PromptSend> due(Instant now, List<PromptSend> sends) {
        return sends.stream()
                .filter(s -> s.reminderDueAt().filter(at -> !now.isBefore(at)).isPresent())
                .filter(s -> s.remindedAt().isEmpty() && s.answeredAt().isEmpty() && s.openAt(now))
                .toList();
    }
}
