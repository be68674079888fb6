package dev.csbot.voc;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Does an answer need a human fast? A detractor (NPS 0-6), an unhappy CSAT (1-2), a high-effort CES (1-3 of
 * 7, where 7 is very easy) or a check-in in the bottom quarter of its scale: yes, and why. The alert pipeline
 * routes these to the account's channel and its CSM; everyone else just gets the thank-you.
 */
public final class FollowUpUrgency {

    private FollowUpUrgency() {}

    public static Optional<String> reason(FeedbackPrompt prompt, OptionalInt score) {
        if (score.isEmpty() || prompt.scale().isEmpty()) {
            return Optional.empty();
        }
        int s = score.getAsInt();
        String label = prompt.kind().label().toUpperCase(Locale.ROOT) + " " + s;
        return switch (prompt.kind()) {
            case NPS -> s <= 6 ? Optional.of("detractor (" + label + ")") : Optional.empty();
            case CSAT -> s <= 2 ? Optional.of("unsatisfied (" + label + ")") : Optional.empty();
            case CES -> s <= 3 ? Optional.of("high effort (" + label + ")") : Optional.empty();
            case CHECK_IN -> {
                FeedbackPrompt.Scale scale = prompt.scale().get();
                yield s <= scale.min() + (scale.max() - scale.min()) / 4
                        ? Optional.of("onboarding going badly (check-in " + s + " of " + scale.max() + ")")
                        : Optional.empty();
            }
            case PRODUCT_REQUEST -> Optional.empty();
        };
    }
}
