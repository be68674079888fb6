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
 * describe is treated as shared externally.
 */
final class SlackCallerResolver {

    private static final Logger log = LoggerFactory.getLogger(SlackCallerResolver.class);
    private static final Duration TTL = Duration.ofMinutes(5);

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
        return callers.get(userId, this::lookUpCaller);
    }

    /** The conversation a request came from; {@code channelId} may be null (the App Home). */
    Conversation conversation(String channelId, String userId) {
        if (channelId == null || channelId.isBlank()) {
            // App Home: csbot answers in the user's own DM with the app, which nobody else reads.
            return new Conversation(Platform.SLACK, userId, false);
        }
        return new Conversation(Platform.SLACK, channelId, sharedChannels.get(channelId, this::lookUpShared));
    }

    Set<String> internalTeams() {
        return internalTeams.get();
    }

    private Caller lookUpCaller(String userId) {
        User user;
        try {
            UsersInfoResponse response = client.usersInfo(r -> r.user(userId));
            if (!response.isOk() || response.getUser() == null) {
                log.warn("Slack users.info for {} failed ({}): treating the user as external", userId, response.getError());
                return Caller.external(userId, userId);
            }
            user = response.getUser();
        } catch (IOException | SlackApiException e) {
            log.warn("Slack users.info for {} failed: treating the user as external", userId, e);
            return Caller.external(userId, userId);
        }
        String name = Optional.ofNullable(user.getRealName()).filter(n -> !n.isBlank()).orElse(user.getName());
        boolean guest = user.isRestricted() || user.isUltraRestricted();
        boolean external = user.isStranger() || user.getTeamId() == null || !internalTeams().contains(user.getTeamId());
        if (guest || external || user.isBot() || user.isDeleted()) {
            return Caller.external(userId, name == null ? userId : name);
        }
        String email = user.getProfile() == null ? null : user.getProfile().getEmail();
        return Caller.internal(userId, email, name == null ? userId : name);
    }

    private Boolean lookUpShared(String channelId) {
        try {
            ConversationsInfoResponse response = client.conversationsInfo(r -> r.channel(channelId));
            if (!response.isOk() || response.getChannel() == null) {
                log.warn("Slack conversations.info for {} failed ({}): treating the channel as shared externally",
                        channelId, response.getError());
                return true;
            }
            var channel = response.getChannel();
            // is_org_shared alone is Enterprise Grid sharing inside our own organisation.
            return channel.isExtShared() || channel.isPendingExtShared() || (channel.isShared() && !channel.isOrgShared());
        } catch (IOException | SlackApiException e) {
            log.warn("Slack conversations.info for {} failed: treating the channel as shared externally", channelId, e);
            return true;
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
            log.error("Slack auth.test failed: no workspace counts as internal until it succeeds", e);
        }
        return null;
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
