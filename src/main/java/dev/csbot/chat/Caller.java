package dev.csbot.chat;

import java.util.Optional;

/**
 * Who is asking, as established by the channel adapter (signature or token checked, workspace or tenant
 * membership known). Only {@code internal} callers (members of our own workspace or tenant, not guests,
 * not external Slack Connect users) see account data.
 */
public record Caller(String userId, Optional<String> email, String displayName, boolean internal) {

    public static Caller internal(String userId, String email, String displayName) {
        return new Caller(userId, Optional.ofNullable(email), displayName, true);
    }

    public static Caller external(String userId, String displayName) {
        return new Caller(userId, Optional.empty(), displayName, false);
    }
}
