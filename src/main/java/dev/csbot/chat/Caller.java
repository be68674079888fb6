package dev.csbot.chat;

import java.util.Optional;

/**
 * Who is asking, as established by the channel adapter (signature or token checked, workspace or tenant
 * membership known). Only {@code internal} callers (members of our own workspace or tenant, not guests,
 * not external Slack Connect users) see account data. A customer answering a feedback prompt is identified
 * by {@code userId} within {@code organisationId} (their Slack workspace or Teams tenant) and, when the
 * platform tells it, their {@code email}.
 */
public record Caller(String userId, Optional<String> email, String displayName, boolean internal,
        Optional<String> organisationId) {

    public static Caller internal(String userId, String email, String displayName) {
        return new Caller(userId, Optional.ofNullable(email), displayName, true, Optional.empty());
    }

    public static Caller external(String userId, String displayName) {
        return new Caller(userId, Optional.empty(), displayName, false, Optional.empty());
    }

    /** A guest or external user with what the platform says of them (email and home organisation, if known). */
    public static Caller customer(String userId, String email, String organisationId, String displayName) {
        return new Caller(userId, Optional.ofNullable(email).filter(e -> !e.isBlank()), displayName, false,
                Optional.ofNullable(organisationId).filter(o -> !o.isBlank()));
    }
}
