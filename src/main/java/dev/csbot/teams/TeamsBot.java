package dev.csbot.teams;

import com.microsoft.bot.builder.ActivityHandler;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ConversationReference;
import dev.csbot.chat.ActionPress;
import dev.csbot.chat.Caller;
import dev.csbot.chat.ChatRequest;
import dev.csbot.chat.ChatService;
import dev.csbot.chat.Conversation;
import dev.csbot.chat.FormOutcome;
import dev.csbot.chat.FormSubmission;
import dev.csbot.chat.InboundEvents;
import dev.csbot.chat.Platform;
import dev.csbot.chat.Reply;
import dev.csbot.chat.ReplyBlock;
import java.net.HttpURLConnection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one bot: parses each activity, establishes the caller and the conversation, asks the core, and
 * sends the core's reply back as Adaptive Cards. Typed commands and button presses (Action.Submit, which
 * Teams delivers as a message with a value, or as an invoke) both end in {@link ChatService}.
 */
class TeamsBot extends ActivityHandler {

    private static final Logger log = LoggerFactory.getLogger(TeamsBot.class);

    private final ChatService chat;
    private final TeamsAccess access;
    private final InboundEvents inbound;
    private final TeamsConversationReferences references;
    private final TeamsSender sender;
    private final TeamsPeople people;

    TeamsBot(ChatService chat, TeamsAccess access, InboundEvents inbound, TeamsConversationReferences references,
            TeamsSender sender, TeamsPeople people) {
        this.people = people;
        this.chat = chat;
        this.access = access;
        this.inbound = inbound;
        this.references = references;
        this.sender = sender;
    }

    @Override
    protected CompletableFuture<Void> onMessageActivity(TurnContext turn) {
        Activity activity = turn.getActivity();
        String delivery = deliveryKey(activity);
        if (!firstDelivery(delivery)) {
            return CompletableFuture.completedFuture(null);
        }
        return handledOnlyIfAnswered(delivery, () -> message(turn));
    }

    private CompletableFuture<Void> message(TurnContext turn) {
        Activity activity = turn.getActivity();
        remember(activity);
        Optional<TeamsFormData> form = TeamsFormData.from(activity.getValue());
        if (form.isPresent()) {
            return submit(turn, form.get());
        }
        Optional<TeamsActionData> press = TeamsActionData.from(activity.getValue());
        if (press.isPresent()) {
            return sender.send(turn, press(turn, press.get()));
        }
        boolean personal = "personal".equals(TeamsAccess.conversationTypeOf(activity));
        if (!personal && !TeamsCommandText.mentionsBot(activity)) {
            // In channels and group chats the bot answers only when @mentioned.
            return CompletableFuture.completedFuture(null);
        }
        String command = TeamsCommandText.command(activity).orElse("help");
        Reply reply = answer(activity, () -> {
            Caller caller = access.caller(turn);
            if (personal) {
                // A CSM's personal chat takes their alerts; a customer's, the prompts sent to their email.
                caller.email().ifPresent(email -> people.remember(email, TeamsAccess.conversationIdOf(activity)));
            }
            return chat.handle(new ChatRequest(command, caller, conversationFor(turn, caller)));
        });
        return sender.send(turn, reply);
    }

    @Override
    protected CompletableFuture<InvokeResponse> onInvokeActivity(TurnContext turn) {
        Activity activity = turn.getActivity();
        Optional<TeamsFormData> form = TeamsFormData.from(activity.getValue());
        Optional<TeamsActionData> press = TeamsActionData.from(activity.getValue());
        if (form.isEmpty() && press.isEmpty()) {
            return super.onInvokeActivity(turn);
        }
        String delivery = deliveryKey(activity);
        if (!firstDelivery(delivery)) {
            return CompletableFuture.completedFuture(new InvokeResponse(HttpURLConnection.HTTP_OK, null));
        }
        return handledOnlyIfAnswered(delivery, () -> form.isPresent() ? submit(turn, form.get())
                : sender.send(turn, press(turn, press.get())))
                .thenApply(sent -> new InvokeResponse(HttpURLConnection.HTTP_OK, null));
    }

    /**
     * Runs the handling of a first delivery; if it fails (most often: the reply could not be sent), the
     * delivery is forgotten again, so Teams' redelivery is answered instead of dropped as a repeat. The
     * failure itself goes on to the controller, which logs it once and answers 500.
     */
    private CompletableFuture<Void> handledOnlyIfAnswered(String delivery, Supplier<CompletableFuture<Void>> handling) {
        CompletableFuture<Void> handled;
        try {
            handled = handling.get();
        } catch (RuntimeException e) {
            forget(delivery);
            throw e;
        }
        return handled.whenComplete((done, failure) -> {
            if (failure != null) {
                forget(delivery);
            }
        });
    }

    private void forget(String delivery) {
        if (delivery != null) {
            inbound.forget("teams", delivery);
        }
    }

    @Override
    protected CompletableFuture<Void> onConversationUpdateActivity(TurnContext turn) {
        Activity activity = turn.getActivity();
        if (includesBot(activity.getMembersAdded(), activity)) {
            remember(activity);
            log.info("Teams: added to {} {} (tenant {})", TeamsAccess.conversationTypeOf(activity),
                    TeamsAccess.conversationIdOf(activity), TeamsAccess.tenantOf(activity));
        } else if (includesBot(activity.getMembersRemoved(), activity)) {
            references.remove(TeamsAccess.conversationIdOf(activity));
            log.info("Teams: removed from {}", TeamsAccess.conversationIdOf(activity));
        }
        return super.onConversationUpdateActivity(turn);
    }

    @Override
    protected CompletableFuture<Void> onInstallationUpdateAdd(TurnContext turn) {
        remember(turn.getActivity());
        log.info("Teams: installed in {} {}", TeamsAccess.conversationTypeOf(turn.getActivity()),
                TeamsAccess.conversationIdOf(turn.getActivity()));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    protected CompletableFuture<Void> onInstallationUpdateRemove(TurnContext turn) {
        references.remove(TeamsAccess.conversationIdOf(turn.getActivity()));
        log.info("Teams: uninstalled from {}", TeamsAccess.conversationIdOf(turn.getActivity()));
        return CompletableFuture.completedFuture(null);
    }

    private Reply press(TurnContext turn, TeamsActionData data) {
        return answer(turn.getActivity(), () -> {
            Caller caller = access.caller(turn);
            return chat.press(new ActionPress(data.actionId(), data.value(), caller, conversationFor(turn, caller),
                    pressedOn(turn.getActivity())));
        });
    }

    /**
     * A filled-in card form. Recorded: the card the person submitted becomes the next step, or the thank-you (in a
     * personal chat only they see it). Field errors: a reply card with the error lines, the filled-in card left as
     * it is to correct. Refused: a reply card with the refusal, leaving the card alone (it may be someone else's).
     */
    private CompletableFuture<Void> submit(TurnContext turn, TeamsFormData data) {
        FormOutcome outcome;
        try {
            Caller caller = access.caller(turn);
            outcome = chat.submit(new FormSubmission(data.formId(), data.token(), data.inputs(), caller,
                    conversationFor(turn, caller)));
        } catch (RuntimeException e) {
            log.error("Teams: a form submission in {} failed", TeamsAccess.conversationIdOf(turn.getActivity()), e);
            return sender.send(turn, Reply.of(Reply.Status.FAILED, "Sorry, something went wrong", "csbot could not"
                    + " record that just now. Please try again in a minute."));
        }
        if (outcome instanceof FormOutcome.Accepted accepted) {
            Reply shown = accepted.next().map(next -> Reply.answer(next.title(), List.<ReplyBlock>of(next)))
                    .orElse(accepted.reply());
            return replace(turn, shown);
        }
        if (outcome instanceof FormOutcome.Invalid invalid) {
            return sender.send(turn, new Reply(Reply.Status.USAGE_ERROR, "Please check your answer", List.of(
                    new ReplyBlock.Items(invalid.fieldErrors().entrySet().stream().sorted(Map.Entry.comparingByKey())
                            .map(e -> ReplyBlock.Item.of(e.getValue(), null, ReplyBlock.Tone.BAD)).toList()),
                    new ReplyBlock.Context(List.of("Correct it in the form above and send it again.")))));
        }
        return sender.send(turn, ((FormOutcome.Refused) outcome).reply());
    }

    /** The submitted card, updated in place to {@code reply}; a new card when Teams did not say which it was. */
    private CompletableFuture<Void> replace(TurnContext turn, Reply reply) {
        String card = turn.getActivity().getReplyToId();
        if (card == null || card.isBlank()) {
            return sender.send(turn, reply);
        }
        Activity update = sender.activities(reply).get(0);
        update.setId(card);
        return turn.updateActivity(update).thenApply(done -> null);
    }

    /** The card a button was on: Teams names it by the activity id the press replies to. */
    static Optional<dev.csbot.chat.MessageRef> pressedOn(Activity activity) {
        String card = activity.getReplyToId();
        String conversation = TeamsAccess.conversationIdOf(activity);
        return card == null || card.isBlank() || conversation.isBlank() ? Optional.empty()
                : Optional.of(new dev.csbot.chat.MessageRef(Platform.TEAMS, conversation, card));
    }

    /**
     * The core's answer; if answering fails, the failure is logged once with its context and the user is
     * told, rather than left waiting.
     */
    private static Reply answer(Activity activity, Supplier<Reply> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            log.error("Teams: answering {} activity {} in {} failed", activity.getType(), activity.getId(),
                    TeamsAccess.conversationIdOf(activity), e);
            return Reply.of(Reply.Status.FAILED, "Sorry, something went wrong",
                    "csbot could not answer that just now. Please try again in a minute; if it keeps happening,"
                            + " tell whoever runs csbot.");
        }
    }

    /**
     * The core refuses callers who are not internal before it looks at the conversation, so their
     * conversation is not looked up (one connector call saved); it is marked shared to stay on the safe side.
     */
    private Conversation conversationFor(TurnContext turn, Caller caller) {
        if (!caller.internal()) {
            return new Conversation(Platform.TEAMS, TeamsAccess.conversationIdOf(turn.getActivity()), true);
        }
        return access.conversation(turn);
    }

    /** Activity ids are unique within a conversation only (channel message ids are timestamps); null: no id. */
    private static String deliveryKey(Activity activity) {
        if (activity.getId() == null || activity.getId().isBlank()) {
            return null;
        }
        return TeamsAccess.conversationIdOf(activity) + "|" + activity.getId();
    }

    /** Teams redelivers an activity when we are slow to answer; each one is handled once. */
    private boolean firstDelivery(String delivery) {
        if (delivery == null) {
            return true;
        }
        boolean first = inbound.firstDelivery("teams", delivery);
        if (!first) {
            log.info("Teams: activity {} already handled; ignoring the repeat", delivery);
        }
        return first;
    }

    /** Keeps the conversation's reference, so alerts and prompts can be posted there later. */
    private void remember(Activity activity) {
        ConversationReference reference = activity.getConversationReference();
        String conversationId = TeamsAccess.conversationIdOf(activity);
        ConversationAccount conversation = reference.getConversation();
        if (conversation != null) {
            conversation.setId(conversationId);
        }
        reference.setActivityId(null);
        String type = TeamsAccess.conversationTypeOf(activity);
        String user = "personal".equals(type) && activity.getFrom() != null ? activity.getFrom().getAadObjectId()
                : null;
        references.save(new TeamsConversationReferences.Stored(conversationId, TeamsAccess.tenantOf(activity), type,
                activity.teamsGetTeamId(), user, reference));
    }

    private static boolean includesBot(List<ChannelAccount> members, Activity activity) {
        String botId = activity.getRecipient() == null ? null : activity.getRecipient().getId();
        return members != null && botId != null && members.stream().anyMatch(m -> botId.equals(m.getId()));
    }
}
