package dev.csbot.store;

import dev.csbot.alerts.DeliveryTarget;
import dev.csbot.chat.Platform;
import dev.csbot.voc.Destination;
import java.util.Locale;

/** A VoC destination as the outbox addresses it. */
final class VocTargets {

    private VocTargets() {}

    static DeliveryTarget of(Destination destination) {
        Platform platform = Platform.valueOf(destination.platform().toUpperCase(Locale.ROOT));
        return switch (destination.kind()) {
            case CONVERSATION -> DeliveryTarget.conversation(platform, destination.address());
            case PERSON -> DeliveryTarget.person(platform, destination.address());
            case USER -> DeliveryTarget.user(platform, destination.address());
        };
    }
}
