package dev.csbot.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.conversations.ConversationsInfoResponse;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import dev.csbot.chat.Caller;
import dev.csbot.chat.Conversation;
import dev.csbot.chat.Platform;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Establishes who is asking and where, from Slack's own answers (users.info, conversations.info). This
 * is the adapter's half of "who may do what": whether a person is internal and whether a channel is shared
 * with another organisation. What they may see is the core's decision.
 *
 * <p>Both lookups fail closed: a user Slack cannot describe is not internal, and a channel Slack cannot
 * describe is treated as shared externally. Only Slack's real answers are kept: a failed or rate-limited
 * call decides that one request and is asked again on the next, so a blip never locks a CSM out for minutes.
 */
final class SlackCallerResolver {

    private static final Logger log = LoggerFactory.getLogger(SlackCallerResolver.class);
    private static final Duration TTL = Duration.ofMinutes(5);
    /** Errors that describe the user or channel asked about, so they are answers worth keeping. */
    private static final Set<String> DEFINITE_ERRORS = Set.of("user_not_found", "channel_not_found", "user_not_visible");

    private final MethodsClient client;
    private final Supplier<Set<String>> internalTeams;
    private final Cache<String, Caller> callers;
    private final Cache<String, Boolean> sharedChannels;

    SlackCallerResolver(MethodsClient client, Set<String> configuredInternalTeams, Clock clock) {
        this.client = client;
        this.internalTeams = configuredInternalTeams.isEmpty() ? memoize(this::installationTeam)
                : () -> configuredInternalTeams;
        // Long enough to spare Slack's rate limits under load, short enough that a user turned guest (or a
        // channel shared outside) loses access within minutes.
        this.callers = expiring(clock);
        this.sharedChannels = expiring(clock);
    }

    private static <V> Cache<String, V> expiring(Clock clock) {
        return Caffeine.newBuilder().expireAfterWrite(TTL).maximumSize(10_000)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis())).build();
    }

    /** The person behind a request; {@code internal} only for full members of an internal workspace. */
    Caller caller(String userId) {
        Caller known = callers.get(userId, this::lookUpCaller);
        // null: Slack could not say; this request is refused and nothing is remembered.
        return known != null ? known : Caller.external(userId, userId);
    }

    /** The conversation a request came from; {@code channelId} may be null (the App Home). */
    Conversation conversation(String channelId, String userId) {
        if (channelId == null || channelId.isBlank()) {
            // App Home: csbot answers in the user's own DM with the app, which nobody else reads.
            return new Conversation(Platform.SLACK, userId, false);
        }
        Boolean shared = sharedChannels.get(channelId, this::lookUpShared);
        return new Conversation(Platform.SLACK, channelId, shared == null || shared);
    }

    Set<String> internalTeams() {
        return internalTeams.get();
    }

    /** Slack's answer about a user, or null when there was none (the call failed or was rate-limited). */
    private Caller lookUpCaller(String userId) {
        User user;
        try {
            UsersInfoResponse response = client.usersInfo(r -> r.user(userId));
            if (!response.isOk() || response.getUser() == null) {
                log.warn("Slack users.info for {} failed ({}): treating the user as external", userId, response.getError());
                return DEFINITE_ERRORS.contains(response.getError()) ? Caller.external(userId, userId) : null;
            }
            user = response.getUser();
        } catch (IOException | SlackApiException e) {
            log.warn("Slack users.info for {} failed ({}): treating the user as external for this request", userId,
                    describe(e));
            return null;
        }
        Set<String> internal = internalTeams();
        if (internal.isEmpty()) {
            // auth.test failed: who is internal is unknown, so this user is not judged (nor remembered) yet.
            return null;
        }
        String name = Optional.ofNullable(user.getRealName()).filter(n -> !n.isBlank()).orElse(user.getName());
        boolean guest = user.isRestricted() || user.isUltraRestricted();
        boolean external = user.isStranger() || user.getTeamId() == null || !internal.contains(user.getTeamId());
        String email = user.getProfile() == null ? null : user.getProfile().getEmail();
        if (user.isBot() || user.isDeleted()) {
            return Caller.external(userId, name == null ? userId : name);
        }
        if (guest || external) {
            // A customer: who they are matters only for answering a prompt addressed to them. Slack Connect shows an
            // external user's email only when their organisation allows it; without one they answer by user id or
            // in the direct message their prompt came in, never in a channel (see README, Voice of the Customer).
            return Caller.customer(userId, email, user.getTeamId(), name == null ? userId : name);
        }
        return Caller.internal(userId, email, name == null ? userId : name);
    }

    /** Whether Slack says the channel is shared outside, or null when it did not say. */
    private Boolean lookUpShared(String channelId) {
        try {
            ConversationsInfoResponse response = client.conversationsInfo(r -> r.channel(channelId));
            if (!response.isOk() || response.getChannel() == null) {
                log.warn("Slack conversations.info for {} failed ({}): treating the channel as shared externally",
                        channelId, response.getError());
                return DEFINITE_ERRORS.contains(response.getError()) ? Boolean.TRUE : null;
            }
            var channel = response.getChannel();
            // is_org_shared alone is Enterprise Grid sharing inside our own organisation.
            return channel.isExtShared() || channel.isPendingExtShared() || (channel.isShared() && !channel.isOrgShared());
        } catch (IOException | SlackApiException e) {
            log.warn("Slack conversations.info for {} failed ({}): treating the channel as shared externally for this"
                    + " request", channelId, describe(e));
            return null;
        }
    }

    private Set<String> installationTeam() {
        try {
            AuthTestResponse response = client.authTest(r -> r);
            if (response.isOk() && response.getTeamId() != null) {
                log.info("Slack: internal workspace is {} ({}), the one the app is installed in",
                        response.getTeam(), response.getTeamId());
                return Set.of(response.getTeamId());
            }
            log.error("Slack auth.test failed ({}): no workspace counts as internal until it succeeds", response.getError());
        } catch (IOException | SlackApiException e) {
            log.error("Slack auth.test failed ({}): no workspace counts as internal until it succeeds", describe(e));
        }
        return null;
    }

    private static String describe(Exception e) {
        return e instanceof SlackApiException api ? "HTTP " + api.getResponse().code() : e.toString();
    }

    /** Remembers the first non-null answer; a failed auth.test is retried on the next request. */
    private static Supplier<Set<String>> memoize(Supplier<Set<String>> supplier) {
        return new Supplier<>() {
            private volatile Set<String> value;

            @Override
            public Set<String> get() {
                Set<String> current = value;
                if (current == null) {
                    current = supplier.get();
                    if (current == null) {
                        return Set.of();
                    }
                    value = current;
                }
                return current;
            }
        };
    }
}
