package dev.csbot.slack;

import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.views.ViewsPublishResponse;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.view.View;
import dev.csbot.chat.ActionIds;
import dev.csbot.chat.ActionPress;
import dev.csbot.chat.Caller;
import dev.csbot.chat.ChatRequest;
import dev.csbot.chat.ChatService;
import dev.csbot.chat.Conversation;
import dev.csbot.chat.Reply;
import dev.csbot.chat.ReplyBlock;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Slack side of every conversation: slash commands, button presses and the App Home. Each handler
 * parses Slack's input, establishes the caller and the conversation, asks the {@link ChatService}, and
 * renders the {@link Reply}. Every handler acknowledges within Slack's three seconds: the work runs on
 * an executor; a fast answer goes into the acknowledgement, a slow one follows through {@code response_url}.
 */
final class SlackListeners {

    static final String SHARE_IN_CHANNEL = "share-in-channel";
    static final List<String> COMMANDS = List.of("/health", "/qbr", "/account", "/risks", "/renewals",
            "/csbot", "/feedback", "/voc", "/alerts");
    static final String WORKING = "Working on it…";
    static final String BUSY = "csbot is busy right now; please try again in a minute.";

    private static final Logger log = LoggerFactory.getLogger(SlackListeners.class);

    private final ChatService chat;
    private final SlackCallerResolver resolver;
    private final SlackBlockKitRenderer renderer;
    private final MethodsClient client;
    private final ExecutorService workers;
    private final Duration answerWithin;
    private final SlackRetryGuard retries;
    private final SlackResponseUrl responses;
    private final SlackForms forms;

    SlackListeners(ChatService chat, SlackCallerResolver resolver, SlackBlockKitRenderer renderer, MethodsClient client,
            ExecutorService workers, Duration answerWithin, SlackRetryGuard retries, SlackResponseUrl responses) {
        this.retries = retries;
        this.responses = responses;
        this.chat = chat;
        this.resolver = resolver;
        this.renderer = renderer;
        this.client = client;
        this.workers = workers;
        this.answerWithin = answerWithin;
        this.forms = new SlackForms(chat, resolver, renderer, client, workers, answerWithin);
    }

    void register(App app) {
        for (String command : COMMANDS) {
            app.command(command, this::onCommand);
        }
        for (String actionId : actionIds()) {
            app.blockAction(actionId, this::onAction);
        }
        app.blockAction(SHARE_IN_CHANNEL, this::onShare);
        app.viewSubmission(SlackBlockKitRenderer.FORM_CALLBACK, forms::onSubmission);
        app.event(AppHomeOpenedEvent.class, (req, ctx) -> {
            AppHomeOpenedEvent event = req.getEvent();
            if ("home".equals(event.getTab()) && event.getUser() != null && !retries.isRepeatEvent(req.getEventId())) {
                try {
                    workers.submit(() -> publishHome(event.getUser()));
                } catch (RejectedExecutionException busy) {
                    log.warn("Slack App Home for {} not published: all workers busy", event.getUser());
                }
            }
            return ctx.ack();
        });
    }

    /** Every stable action id the core can put on a button. */
    static List<String> actionIds() {
        return Arrays.stream(ActionIds.class.getDeclaredFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .map(f -> {
                    try {
                        return (String) f.get(null);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    // ---- slash commands ------------------------------------------------------------------------------

    Response onCommand(SlashCommandRequest req, SlashCommandContext ctx) {
        if (retries.isRepeat(req)) {
            return ctx.ack();
        }
        SlashCommandPayload payload = req.getPayload();
        // Logs name the command, never its text: that is what a user typed (customer names, anything at all).
        String command = payload.getCommand();
        String typed = payload.getText() == null ? "" : SlackCommandText.unescape(payload.getText());
        String text = (command + " " + typed).trim();
        boolean readsOnly = chat.readsOnly(text);
        if (!readsOnly && retries.isRepeatElsewhere(req)) {
            return ctx.ack();
        }
        CompletableFuture<List<SlackMessage>> work;
        try {
            work = CompletableFuture.supplyAsync(() -> answer(command, text, payload.getUserId(), payload.getChannelId()),
                    workers);
        } catch (RejectedExecutionException busy) {
            log.warn("Slack {} from {} turned away: all workers busy", command, payload.getUserId());
            return ctx.ack(r -> r.responseType("ephemeral").text(BUSY));
        }
        // A command that only reads is answered while the store is asked (a retry) or told (a first attempt).
        if (readsOnly && retries.isReadRepeatElsewhere(req)) {
            return ctx.ack();
        }
        try {
            List<SlackMessage> pages = work.get(answerWithin.toMillis(), TimeUnit.MILLISECONDS);
            if (pages.size() > 1) {
                later(() -> respondAll(ctx, command, pages, 1, "ephemeral"));
            }
            return acknowledgement(pages.get(0), "ephemeral");
        } catch (TimeoutException slow) {
            // The worker that finishes the answer delivers it; nobody waits for it.
            work.whenComplete((pages, error) -> {
                if (error != null) {
                    log.error("Slack {} from {} failed after the acknowledgement", command, payload.getUserId(), error);
                    pages = renderer.renderMessages(Reply.of(Reply.Status.FAILED, "Sorry", sorry()));
                }
                respondAll(ctx, command, pages, 0, "ephemeral");
            });
            return ctx.ack(r -> r.responseType("ephemeral").text(WORKING));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ctx.ack(r -> r.responseType("ephemeral").text(sorry()));
        } catch (ExecutionException e) {
            log.error("Slack {} from {} failed", command, payload.getUserId(), e.getCause());
            return ctx.ack(r -> r.responseType("ephemeral").text(sorry()));
        }
    }

    /** Work for after the acknowledgement (the rest of a long answer); logged, not lost, when workers are full. */
    private void later(Runnable work) {
        try {
            workers.submit(work);
        } catch (RejectedExecutionException busy) {
            log.error("Slack: the rest of a long answer was not sent, all workers busy");
        }
    }

    /** The answer to a typed command, as messages ready to send (with a share button when it is an answer). */
    List<SlackMessage> answer(String command, String text, String userId, String channelId) {
        Caller caller = resolver.caller(userId);
        Conversation conversation = resolver.conversation(channelId, userId);
        Reply reply = ask(() -> chat.handle(new ChatRequest(text, caller, conversation)), command);
        List<SlackMessage> pages = renderer.renderMessages(reply);
        if (reply.isAnswer() && !conversation.sharedExternally() && shareable(text)) {
            pages = withShareButton(pages, text);
        }
        return pages;
    }

    /** Sharing re-runs the command in the channel, so only commands the core says merely read (and fit a button). */
    private boolean shareable(String command) {
        return chat.readsOnly(command) && command.length() <= SlackBlockKitRenderer.BUTTON_VALUE;
    }

    private List<SlackMessage> withShareButton(List<SlackMessage> pages, String command) {
        List<SlackMessage> shared = new ArrayList<>(pages);
        SlackMessage last = shared.get(shared.size() - 1);
        shared.set(shared.size() - 1, last.plus(renderer.actionBlocks(List.of(
                new ReplyBlock.Action(SHARE_IN_CHANNEL, "Share in channel", command, ReplyBlock.Tone.NEUTRAL)))));
        return shared;
    }

    /** What {@code ctx.ack(SlashCommandResponse)} sends, written from the blocks' JSON the renderer already has. */
    private static Response acknowledgement(SlackMessage message, String responseType) {
        return Response.builder().statusCode(200).contentType(Response.CONTENT_TYPE_APPLICATION_JSON_UTF8)
                .body(message.responseJson(responseType)).build();
    }

    /** Posts pages {@code from}.. of a command's answer; stops at the first that Slack did not take. */
    private void respondAll(SlashCommandContext ctx, String command, List<SlackMessage> pages, int from,
            String responseType) {
        for (int i = from; i < pages.size(); i++) {
            if (!responses.post(ctx.getResponseUrl(), pages.get(i).responseJson(responseType), command,
                    part(i, pages.size()))) {
                return;
            }
        }
    }

    private static String part(int index, int of) {
        return "message " + (index + 1) + " of " + of;
    }

    // ---- buttons -------------------------------------------------------------------------------------

    Response onAction(BlockActionRequest req, ActionContext ctx) {
        if (retries.isRepeat(req)) {
            return ctx.ack();
        }
        var payload = req.getPayload();
        if (!SlackRequestShape.hasActionAndUser(payload)) {
            return Response.builder().statusCode(400).body("{\"error\":\"a button press needs an action and a user\"}")
                    .contentType(Response.CONTENT_TYPE_APPLICATION_JSON_UTF8).build();
        }
        var action = payload.getActions().get(0);
        String userId = payload.getUser().getId();
        String channelId = payload.getChannel() == null ? null : payload.getChannel().getId();
        var message = messageOf(payload);
        String formChannel = message.map(dev.csbot.chat.MessageRef::conversationId).orElse(channelId);
        submit(ctx, () -> {
            if (retries.isRepeatElsewhere(req)) {
                return;
            }
            Caller caller = resolver.caller(userId);
            Conversation conversation = resolver.conversation(channelId, userId);
            Reply reply = ask(() -> chat.press(new ActionPress(action.getActionId(), action.getValue(), caller,
                    conversation, message)), action.getActionId());
            // A form (a feedback prompt's, a loop-closing message's) opens as a modal for the person who pressed.
            var form = reply.blocks().stream().filter(b -> b instanceof ReplyBlock.Form).map(b -> (ReplyBlock.Form) b)
                    .findFirst();
            if (form.isPresent()) {
                if (payload.getTriggerId() != null && forms.open(payload.getTriggerId(), form.get(), formChannel,
                        userId)) {
                    return;
                }
                // A form can only be filled in as a modal: say so rather than show one that cannot be sent.
                reply = Reply.of(Reply.Status.FAILED, "Sorry", "csbot could not open the form just now. Press the"
                        + " button again in a moment.");
            }
            deliver(ctx, action.getActionId(), userId, renderer.renderMessages(reply), "ephemeral");
        });
        return ctx.ack();
    }

    /** The message the button was on (channel and ts), so the core can update it for everyone. */
    static java.util.Optional<dev.csbot.chat.MessageRef> messageOf(
            com.slack.api.app_backend.interactive_components.payload.BlockActionPayload payload) {
        var container = payload.getContainer();
        if (container != null && "message".equals(container.getType()) && container.getChannelId() != null
                && container.getMessageTs() != null) {
            return java.util.Optional.of(new dev.csbot.chat.MessageRef(dev.csbot.chat.Platform.SLACK,
                    container.getChannelId(), container.getMessageTs()));
        }
        if (payload.getChannel() != null && payload.getMessage() != null && payload.getMessage().getTs() != null) {
            return java.util.Optional.of(new dev.csbot.chat.MessageRef(dev.csbot.chat.Platform.SLACK,
                    payload.getChannel().getId(), payload.getMessage().getTs()));
        }
        return java.util.Optional.empty();
    }

    /**
     * "Share in channel": the same command again, in the same conversation, so the core decides afresh
     * whether it may be shown there; an answer is posted for the whole channel to see.
     */
    Response onShare(BlockActionRequest req, ActionContext ctx) {
        if (retries.isRepeat(req)) {
            return ctx.ack();
        }
        var payload = req.getPayload();
        if (!SlackRequestShape.hasActionAndUser(payload)) {
            return Response.builder().statusCode(400).body("{\"error\":\"a button press needs an action and a user\"}")
                    .contentType(Response.CONTENT_TYPE_APPLICATION_JSON_UTF8).build();
        }
        String command = payload.getActions().get(0).getValue();
        String userId = payload.getUser().getId();
        String channelId = payload.getChannel() == null ? null : payload.getChannel().getId();
        if (command == null || !shareable(command)) {
            return ctx.ack();
        }
        submit(ctx, () -> {
            if (retries.isRepeatElsewhere(req)) {
                return;
            }
            Caller caller = resolver.caller(userId);
            Conversation conversation = resolver.conversation(channelId, userId);
            Reply reply = ask(() -> chat.handle(new ChatRequest(command, caller, conversation)), SHARE_IN_CHANNEL);
            boolean inChannel = reply.isAnswer() && !conversation.sharedExternally() && channelId != null;
            deliver(ctx, SHARE_IN_CHANNEL, userId, renderer.renderMessages(reply), inChannel ? "in_channel" : "ephemeral");
        });
        return ctx.ack();
    }

    /** Runs a button's work on the executor; when every worker is busy, says so instead of failing. */
    private void submit(ActionContext ctx, Runnable work) {
        try {
            workers.submit(work);
        } catch (RejectedExecutionException busy) {
            log.warn("Slack button press turned away: all workers busy");
            if (ctx.getResponseUrl() != null) {
                responses.post(ctx.getResponseUrl(), SlackPayloads.json(ActionResponse.builder().responseType("ephemeral")
                        .replaceOriginal(false).text(BUSY).build()), "a button press", "the busy notice");
            }
        }
    }

    /** Through response_url when Slack gave one; from the App Home (no response_url) as a DM. */
    private void deliver(ActionContext ctx, String actionId, String userId, List<SlackMessage> pages,
            String responseType) {
        for (int i = 0; i < pages.size(); i++) {
            SlackMessage page = pages.get(i);
            try {
                if (ctx.getResponseUrl() != null) {
                    if (!responses.post(ctx.getResponseUrl(), page.actionResponseJson(responseType), actionId,
                            part(i, pages.size()))) {
                        return;
                    }
                } else {
                    ChatPostMessageResponse posted = client.chatPostMessage(r -> r.channel(userId)
                            .text(page.text()).blocks(page.blocks()));
                    if (!posted.isOk()) {
                        log.error("Slack chat.postMessage to {} failed: {}", userId, posted.getError());
                        return;
                    }
                }
            } catch (IOException | SlackApiException e) {
                log.error("Slack reply to {} from {} failed", actionId, userId, e);
                return;
            }
        }
    }

    // ---- App Home ------------------------------------------------------------------------------------

    void publishHome(String userId) {
        Caller caller = resolver.caller(userId);
        Reply reply = ask(() -> chat.bookOfBusiness(caller), "App Home");
        View view = renderer.renderHome(reply);
        try {
            ViewsPublishResponse published = client.viewsPublish(r -> r.userId(userId).view(view));
            if (!published.isOk()) {
                log.error("Slack views.publish for {} failed: {}", userId, published.getError());
            }
        } catch (IOException | SlackApiException e) {
            log.error("Slack views.publish for {} failed", userId, e);
        }
    }

    // ---- shared --------------------------------------------------------------------------------------

    /** Runs the core; a failure of ours is logged once and the user gets an apology, not a stack trace. */
    private static Reply ask(java.util.function.Supplier<Reply> question, String what) {
        try {
            return question.get();
        } catch (RuntimeException e) {
            log.error("csbot could not answer {} from Slack", what, e);
            return Reply.of(Reply.Status.FAILED, "Sorry, something went wrong", sorry());
        }
    }

    private static String sorry() {
        return "Sorry, csbot could not answer that just now. The error is logged; please try again in a minute.";
    }
}
