package dev.csbot.alerts;

import dev.csbot.chat.Platform;
import java.util.Optional;

/**
 * Where a proactive message goes: a conversation (Slack channel id, Teams conversation id), a person by email
 * (the adapter finds their direct message), or a chat user by their platform id (a Slack {@code U123}: a
 * direct message with exactly that user), optionally in the thread of an earlier message.
 */
public record DeliveryTarget(Platform platform, Kind kind, String address, Optional<String> threadOf) {

    public enum Kind {
        CONVERSATION("conversation"),
        PERSON("person"),
        USER("user");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static Kind fromLabel(String text) {
            return java.util.Arrays.stream(values()).filter(k -> k.label.equals(text)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown target kind " + text));
        }
    }

    public DeliveryTarget {
        threadOf = threadOf == null ? Optional.empty() : threadOf;
    }

    public static DeliveryTarget conversation(Platform platform, String id) {
        return new DeliveryTarget(platform, Kind.CONVERSATION, id, Optional.empty());
    }

    public static DeliveryTarget person(Platform platform, String email) {
        return new DeliveryTarget(platform, Kind.PERSON, email, Optional.empty());
    }

    public static DeliveryTarget user(Platform platform, String userId) {
        return new DeliveryTarget(platform, Kind.USER, userId, Optional.empty());
    }

    /** "slack conversation C0123" or "slack person dana@example.com", for keys, logs and /alerts failed. */
    public String describe() {
        return platform.name().toLowerCase() + " " + kind.label() + " " + address + threadOf.map(t -> " thread " + t)
                .orElse("");
    }
}
