package dev.csbot.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.conversations.ConversationsInfoResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.methods.response.users.UsersLookupByEmailResponse;
import com.slack.api.model.Conversation;
import com.slack.api.model.Message;
import com.slack.api.model.block.LayoutBlock;
import dev.csbot.alerts.ConversationMessenger;
import dev.csbot.alerts.DeliveryFailure;
import dev.csbot.alerts.DeliveryTarget;
import dev.csbot.alerts.OutboundMessage;
import dev.csbot.chat.MessageRef;
import dev.csbot.chat.Platform;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Posts and updates csbot's proactive messages in Slack: {@code chat.postMessage} with message metadata naming
 * the delivery (its idempotency key), {@code chat.update} on a stored channel and {@code ts}, and
 * {@code conversations.history} with metadata to find a post an earlier attempt made before it could record
 * it. Whether a channel is shared with another organisation is asked of Slack at every send of internal content,
 * never cached; customer content (a prompt, a loop-closing update) goes only where it is addressed: the
 * customer's channel, or a direct message with the person or user it is for, with no mention and no thread.
 */
final class SlackNotifier implements ConversationMessenger {

    /** The metadata event csbot's proactive posts carry. */
    static final String EVENT_TYPE = "csbot_delivery";
    static final String KEY = "idempotency_key";
    private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{2,30}");
    /** Errors that trying again cannot fix. */
    private static final Set<String> PERMANENT = Set.of("channel_not_found", "not_in_channel", "is_archived",
            "users_not_found", "user_not_found", "message_not_found", "cant_update_message", "invalid_auth",
            "account_inactive", "token_revoked", "no_permission", "missing_scope", "restricted_action",
            "msg_too_long", "invalid_blocks", "cannot_dm_bot", "user_disabled");
    /** How far back the crash check looks: Slack's history is newest first, one page is plenty for a minute. */
    private static final int HISTORY_PAGE = 200;

    private final MethodsClient slack;
    private final SlackBlockKitRenderer renderer;

    SlackNotifier(MethodsClient slack, SlackBlockKitRenderer renderer) {
        this.slack = slack;
        this.renderer = renderer;
    }

    @Override
    public Platform platform() {
        return Platform.SLACK;
    }

    @Override
    public Duration minimumInterval() {
        return Duration.ofSeconds(1);
    }

    @Override
    public MessageRef post(DeliveryTarget target, OutboundMessage message, String idempotencyKey) throws DeliveryFailure {
        String channel = channelFor(target, message.forCustomer());
        List<SlackMessage> pages = renderer.renderMessages(message.reply());
        SlackMessage rendered = pages.get(0);
        List<LayoutBlock> blocks = new ArrayList<>(rendered.blocks());
        if (target.kind() == DeliveryTarget.Kind.CONVERSATION && !message.forCustomer()) {
            ownerMention(message.ownerEmail()).ifPresent(blocks::add);
        }
        // A customer's message goes into the conversation addressed itself, never into a thread of ours.
        String threadTs = message.forCustomer() ? null : target.threadOf().orElse(null);
        Message.Metadata metadata = Message.Metadata.builder().eventType(EVENT_TYPE)
                .eventPayload(Map.of(KEY, idempotencyKey)).build();
        ChatPostMessageResponse posted = call("chat.postMessage", () -> slack.chatPostMessage(r -> r.channel(channel)
                .text(rendered.text()).blocks(blocks).metadata(metadata).threadTs(threadTs)
                .unfurlLinks(false).unfurlMedia(false)));
        MessageRef first = new MessageRef(Platform.SLACK, posted.getChannel() != null ? posted.getChannel() : channel,
                posted.getTs());
        // A long message (a big digest) continues in the first page's thread; the first page is the reference.
        String thread = threadTs != null ? threadTs : first.messageId();
        for (SlackMessage page : pages.subList(1, pages.size())) {
            call("chat.postMessage", () -> slack.chatPostMessage(r -> r.channel(first.conversationId())
                    .text(page.text()).blocks(page.blocks()).threadTs(thread).unfurlLinks(false).unfurlMedia(false)));
        }
        return first;
    }

    @Override
    public void update(MessageRef message, OutboundMessage content) throws DeliveryFailure {
        if (!content.forCustomer()) {
            refuseIfShared(message.conversationId());
        }
        SlackMessage rendered = renderer.renderMessages(content.reply()).get(0);
        List<LayoutBlock> blocks = new ArrayList<>(rendered.blocks());
        if (!message.conversationId().startsWith("D") && !content.forCustomer()) {
            ownerMention(content.ownerEmail()).ifPresent(blocks::add);
        }
        call("chat.update", () -> slack.chatUpdate(r -> r.channel(message.conversationId()).ts(message.messageId())
                .text(rendered.text()).blocks(blocks)));
    }

    @Override
    public Optional<MessageRef> findPosted(DeliveryTarget target, String idempotencyKey, Instant since)
            throws DeliveryFailure {
        // Only a look at what csbot itself posted: no content goes anywhere, so nothing is refused here.
        String channel = target.kind() == DeliveryTarget.Kind.CONVERSATION ? target.address() : directMessage(target);
        String oldest = since.getEpochSecond() + ".000000";
        ConversationsHistoryResponse history = call("conversations.history", () -> slack.conversationsHistory(r -> r
                .channel(channel).oldest(oldest).limit(HISTORY_PAGE).includeAllMetadata(true)));
        if (history.getMessages() == null) {
            return Optional.empty();
        }
        return history.getMessages().stream()
                .filter(m -> m.getMetadata() != null && EVENT_TYPE.equals(m.getMetadata().getEventType())
                        && m.getMetadata().getEventPayload() != null
                        && idempotencyKey.equals(m.getMetadata().getEventPayload().get(KEY)))
                .findFirst()
                .map(m -> new MessageRef(Platform.SLACK, channel, m.getTs()));
    }

    /**
     * The channel to post into: the conversation (for internal content, checked now that nobody of another
     * organisation can read it; customer content goes to the conversation addressed, which is usually shared
     * with the customer); or the direct message with the person (by email) or user (by id) addressed.
     */
    private String channelFor(DeliveryTarget target, boolean forCustomer) throws DeliveryFailure {
        if (target.kind() == DeliveryTarget.Kind.CONVERSATION) {
            if (!forCustomer) {
                refuseIfShared(target.address());
            }
            return target.address();
        }
        if (target.kind() == DeliveryTarget.Kind.USER && !forCustomer) {
            throw DeliveryFailure.refused("csbot sends internal content to a person by their email only, never to a"
                    + " chat user by id (who may be of another organisation)");
        }
        return directMessage(target);
    }

    /** The direct message with the person addressed by email, or the user addressed by id, opened now. */
    private String directMessage(DeliveryTarget target) throws DeliveryFailure {
        String userId;
        if (target.kind() == DeliveryTarget.Kind.USER) {
            if (!USER_ID.matcher(target.address()).matches()) {
                throw DeliveryFailure.permanent("\"" + target.address() + "\" is not a Slack user id");
            }
            userId = target.address();
        } else {
            UsersLookupByEmailResponse user = call("users.lookupByEmail", () -> slack.usersLookupByEmail(r -> r
                    .email(target.address())));
            if (user.getUser() == null || user.getUser().getId() == null) {
                throw DeliveryFailure.permanent("Slack users.lookupByEmail found nobody for " + target.address());
            }
            userId = user.getUser().getId();
        }
        ConversationsOpenResponse im = call("conversations.open", () -> slack.conversationsOpen(r -> r
                .users(List.of(userId))));
        if (im.getChannel() == null || im.getChannel().getId() == null) {
            throw DeliveryFailure.retry("Slack conversations.open returned no channel", null);
        }
        return im.getChannel().getId();
    }

    /** Internal content never goes into a channel people of another organisation can read. */
    private void refuseIfShared(String channel) throws DeliveryFailure {
        if (channel.startsWith("D")) {
            return; // a direct message with one of our own users (looked up by their email)
        }
        ConversationsInfoResponse info = call("conversations.info", () -> slack.conversationsInfo(r -> r.channel(channel)));
        Conversation c = info.getChannel();
        if (c == null || c.isExtShared() || c.isPendingExtShared() || (c.isShared() && !c.isOrgShared())) {
            throw DeliveryFailure.refused("channel " + channel + " is shared with another organisation, so csbot does"
                    + " not post internal alerts there; link an internal channel with /csbot link");
        }
    }

    /** "Owner: @dana" as a real mention, built from the user id Slack returns for the owner's email. */
    private Optional<LayoutBlock> ownerMention(Optional<String> email) {
        if (email.isEmpty()) {
            return Optional.empty();
        }
        try {
            UsersLookupByEmailResponse user = slack.usersLookupByEmail(r -> r.email(email.get()));
            if (user.isOk() && user.getUser() != null && USER_ID.matcher(user.getUser().getId()).matches()) {
                return Optional.of(context(List.of(markdownText("Owner: <@" + user.getUser().getId() + ">"))));
            }
        } catch (IOException | SlackApiException e) {
            // The owner's email is in the message already; the mention is a courtesy.
        }
        return Optional.empty();
    }

    @FunctionalInterface
    private interface SlackCall<T extends SlackApiTextResponse> {
        T call() throws IOException, SlackApiException;
    }

    private static <T extends SlackApiTextResponse> T call(String method, SlackCall<T> request) throws DeliveryFailure {
        T response;
        try {
            response = request.call();
        } catch (SlackApiException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().code();
            if (status == 429) {
                String header = e.getResponse().header("Retry-After");
                long seconds = 30;
                try {
                    seconds = header == null ? 30 : Math.max(1, Long.parseLong(header.trim()));
                } catch (NumberFormatException notANumber) {
                    // keep the default
                }
                throw DeliveryFailure.retryAfter("Slack " + method + " rate limited (429, Retry-After " + seconds
                        + " s)", Duration.ofSeconds(seconds));
            }
            String error = e.getError() != null && e.getError().getError() != null ? e.getError().getError()
                    : "HTTP " + status;
            if (PERMANENT.contains(error)) {
                throw DeliveryFailure.permanent("Slack " + method + ": " + error);
            }
            throw DeliveryFailure.retry("Slack " + method + ": " + error, e);
        } catch (IOException e) {
            throw DeliveryFailure.uncertain("Slack " + method + " did not answer: " + e.getMessage(), e);
        }
        if (!response.isOk()) {
            String error = String.valueOf(response.getError());
            if (PERMANENT.contains(error)) {
                throw DeliveryFailure.permanent("Slack " + method + ": " + error);
            }
            if ("ratelimited".equals(error)) {
                throw DeliveryFailure.retryAfter("Slack " + method + ": ratelimited", Duration.ofSeconds(30));
            }
            throw DeliveryFailure.retry("Slack " + method + ": " + error, null);
        }
        return response;
    }
}
