package dev.csbot.teams;

import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.ResourceResponse;
import dev.csbot.alerts.ConversationMessenger;
import dev.csbot.alerts.DeliveryFailure;
import dev.csbot.alerts.DeliveryTarget;
import dev.csbot.alerts.OutboundMessage;
import dev.csbot.chat.MessageRef;
import dev.csbot.chat.Platform;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Posts and updates csbot's proactive messages in Teams through stored conversation references:
 * {@code continueConversation} then send (the returned activity id is the message reference) or
 * {@code updateActivity} on a stored activity id. For internal content the roster is read at every send, as
 * {@link TeamsNotifier} does, so a conversation with guests or people of another tenant is refused; customer
 * content goes to the conversation addressed (a customer's personal chat, a chat shared with them) and only there. Teams offers a bot no way to
 * search what it posted, so a post whose outcome was lost in a crash cannot be looked up (see README).
 */
final class TeamsMessageUpdater implements ConversationMessenger {

    private final TeamsAdapter adapter;
    private final TeamsSettings settings;
    private final TeamsConversationReferences references;
    private final TeamsAccess access;
    private final TeamsSender sender;
    private final TeamsPeople people;

    TeamsMessageUpdater(TeamsAdapter adapter, TeamsSettings settings, TeamsConversationReferences references,
            TeamsAccess access, TeamsSender sender, TeamsPeople people) {
        this.adapter = adapter;
        this.settings = settings;
        this.references = references;
        this.access = access;
        this.sender = sender;
        this.people = people;
    }

    @Override
    public Platform platform() {
        return Platform.TEAMS;
    }

    @Override
    public Duration minimumInterval() {
        return Duration.ZERO;
    }

    @Override
    public MessageRef post(DeliveryTarget target, OutboundMessage message, String idempotencyKey) throws DeliveryFailure {
        if (target.kind() == DeliveryTarget.Kind.USER) {
            throw DeliveryFailure.permanent("Teams people are addressed by email, not by a chat user id");
        }
        String conversation = target.kind() == DeliveryTarget.Kind.PERSON
                ? people.personalChatOf(target.address()).orElseThrow(() -> DeliveryFailure.permanent(target.address()
                        + " has no personal chat with csbot in Teams yet: they need to send csbot a message once"))
                : target.address();
        ConversationReference reference = referenceOf(conversation);
        if (!message.forCustomer()) {
            target.threadOf().ifPresent(thread -> reference.getConversation().setId(conversation + ";messageid="
                    + thread));
        }
        AtomicReference<String> id = new AtomicReference<>();
        // A long reply is several cards: all are sent, the first one's id is the message reference.
        run(reference, message.forCustomer(), turn -> turn.sendActivities(sender.activities(message.reply()))
                .thenAccept((ResourceResponse[] sent) -> id.set(sent == null || sent.length == 0 || sent[0] == null
                        ? null : sent[0].getId())));
        if (id.get() == null || id.get().isBlank()) {
            throw DeliveryFailure.uncertain("Teams accepted the message but returned no activity id", null);
        }
        return new MessageRef(Platform.TEAMS, conversation, id.get());
    }

    @Override
    public void update(MessageRef message, OutboundMessage content) throws DeliveryFailure {
        ConversationReference reference = referenceOf(message.conversationId());
        run(reference, content.forCustomer(), turn -> {
            Activity activity = sender.activities(content.reply()).get(0);
            activity.setId(message.messageId());
            return turn.updateActivity(activity).thenApply(updated -> null);
        });
    }

    @Override
    public Optional<MessageRef> findPosted(DeliveryTarget target, String idempotencyKey, Instant since) {
        return Optional.empty();
    }

    private ConversationReference referenceOf(String conversationId) throws DeliveryFailure {
        return references.find(conversationId).map(TeamsConversationReferences.Stored::reference)
                .orElseThrow(() -> DeliveryFailure.permanent("csbot was never added to Teams conversation "
                        + conversationId + " (add the app there, or link another channel)"));
    }

    @FunctionalInterface
    private interface Work {
        CompletableFuture<Void> run(TurnContext turn);
    }

    /**
     * Runs work in the conversation: internal content only when it is, right now, ours alone; customer content
     * (a prompt, a loop-closing update) in the conversation addressed, whoever else is in it.
     */
    private void run(ConversationReference reference, boolean forCustomer, Work work) throws DeliveryFailure {
        AtomicBoolean refused = new AtomicBoolean();
        try {
            adapter.continueConversation(settings.appId(), reference, turn -> {
                if (!forCustomer && !mayReceiveInternalContent(turn)) {
                    refused.set(true);
                    return CompletableFuture.completedFuture(null);
                }
                return work.run(turn);
            }).join();
        } catch (CompletionException e) {
            throw DeliveryFailure.uncertain("Teams: " + (e.getCause() != null ? e.getCause() : e), e);
        }
        if (refused.get()) {
            throw DeliveryFailure.refused("Teams conversation " + reference.getConversation().getId() + " includes"
                    + " guests or people of another organisation, so csbot does not post internal alerts there");
        }
    }

    private boolean mayReceiveInternalContent(TurnContext turn) {
        if ("personal".equals(TeamsAccess.conversationTypeOf(turn.getActivity()))) {
            return access.caller(turn).internal();
        }
        return !access.conversation(turn).sharedExternally();
    }
}
