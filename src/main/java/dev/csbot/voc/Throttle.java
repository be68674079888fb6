package dev.csbot.voc;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/** No recipient gets more than one prompt (of any kind) within the throttle days of the prompt being sent. */
final class Throttle {

    private Throttle() {}

    /** Why {@code prompt} may not go to a recipient whose latest prompt is {@code latest}, if it may not. */
    static Optional<String> heldBack(FeedbackPrompt prompt, Optional<PromptSend> latest, Instant now, ZoneId zone) {
        int days = prompt.campaign().throttleDays();
        if (latest.isEmpty() || days == 0) {
            return Optional.empty();
        }
        Instant last = latest.get().createdAt();
        Instant allowedFrom = last.plus(Duration.ofDays(days));
        if (!now.isBefore(allowedFrom)) {
            return Optional.empty();
        }
        LocalDate lastDay = LocalDate.ofInstant(last, zone);
        LocalDate nextDay = LocalDate.ofInstant(allowedFrom, zone);
        return Optional.of("got the " + latest.get().promptId() + " prompt on " + lastDay
                + "; at most one prompt per " + days + " days, so not before " + nextDay);
    }
}
