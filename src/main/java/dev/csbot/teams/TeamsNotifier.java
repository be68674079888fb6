package dev.csbot.teams;

import com.microsoft.bot.builder.TurnContext;
import dev.csbot.chat.Reply;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Posts into a Teams conversation nobody just spoke in (alerts, feedback prompts), through its stored
 * conversation reference and the Bot Framework's {@code continueConversation}.
 */
public class TeamsNotifier {

    /** What happened to a proactive message. */
    public enum Delivery {
        SENT,
        /** No reference is stored for that conversation: the bot was never added there. */
        UNKNOWN_CONVERSATION,
        /** Internal content was held back: the conversation includes guests or people of another tenant. */
        REFUSED_SHARED_EXTERNALLY
    }

    private final TeamsAdapter adapter;
    private final TeamsSettings settings;
    private final TeamsConversationReferences references;
    private final TeamsAccess access;
    private final TeamsSender sender;

    TeamsNotifier(TeamsAdapter adapter, TeamsSettings settings, TeamsConversationReferences references,
            TeamsAccess access, TeamsSender sender) {
        this.adapter = adapter;
        this.settings = settings;
        this.references = references;
        this.access = access;
        this.sender = sender;
    }

    /**
     * Sends internal content (an alert, a score): only if the conversation is, right now, ours alone. In a
     * personal chat the person must be one of our (non-guest) users.
     */
    public Delivery sendInternal(String conversationId, Reply reply) {
        return deliver(conversationId, reply, true);
    }

    /** Sends content meant for anyone in the conversation (a feedback prompt to a customer). */
    public Delivery send(String conversationId, Reply reply) {
        return deliver(conversationId, reply, false);
    }

    private Delivery deliver(String conversationId, Reply reply, boolean internalOnly) {
        var stored = references.find(conversationId);
        if (stored.isEmpty()) {
            return Delivery.UNKNOWN_CONVERSATION;
        }
        AtomicBoolean refused = new AtomicBoolean();
        adapter.continueConversation(settings.appId(), stored.get().reference(), turn -> {
            if (internalOnly && !mayReceiveInternalContent(turn)) {
                refused.set(true);
                return CompletableFuture.completedFuture(null);
            }
            return sender.send(turn, reply);
        }).join();
        return refused.get() ? Delivery.REFUSED_SHARED_EXTERNALLY : Delivery.SENT;
    }

    private boolean mayReceiveInternalContent(TurnContext turn) {
        if ("personal".equals(TeamsAccess.conversationTypeOf(turn.getActivity()))) {
            return access.caller(turn).internal();
        }
        return !access.conversation(turn).sharedExternally();
    }
}
