package dev.csbot.slack;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import dev.csbot.chat.Caller;
import dev.csbot.chat.ChatService;
import dev.csbot.chat.Conversation;
import dev.csbot.chat.FormOutcome;
import dev.csbot.chat.FormSubmission;
import dev.csbot.chat.Reply;
import dev.csbot.chat.ReplyBlock;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forms in Slack: a press whose answer is a form opens it as a modal ({@code views.open} with the press's
 * {@code trigger_id}); the modal's {@code view_submission} becomes a {@link FormSubmission} for the core. The
 * view's {@code private_metadata} carries the form id, its token and the conversation the button was in (the
 * place a customer answered, which a modal does not have). Field errors go back as {@code response_action:
 * errors} by block id (the field id); an accepted answer replaces the form by its next step or by the reply (the
 * thank-you, "Thanks, recorded"), which only the person who submitted it sees.
 */
final class SlackForms {

    private static final Logger log = LoggerFactory.getLogger(SlackForms.class);
    /** Inputs read from one submission; csbot's forms have three at most. */
    static final int MAX_INPUTS = 20;

    private final ChatService chat;
    private final SlackCallerResolver resolver;
    private final SlackBlockKitRenderer renderer;
    private final MethodsClient client;
    private final ExecutorService workers;
    private final Duration answerWithin;

    SlackForms(ChatService chat, SlackCallerResolver resolver, SlackBlockKitRenderer renderer, MethodsClient client,
            ExecutorService workers, Duration answerWithin) {
        this.chat = chat;
        this.resolver = resolver;
        this.renderer = renderer;
        this.client = client;
        this.workers = workers;
        this.answerWithin = answerWithin;
    }

    /** What a form's modal needs back when it is submitted. */
    record Metadata(String formId, String token, String channelId) {

        String json() {
            JsonObject json = new JsonObject();
            json.addProperty("form", formId);
            json.addProperty("token", token == null ? "" : token);
            json.addProperty("channel", channelId == null ? "" : channelId);
            return json.toString();
        }

        /** The metadata csbot wrote; empty for anything else (the core then refuses the submission). */
        static Optional<Metadata> parse(String json) {
            if (json == null || json.isBlank() || json.length() > SlackBlockKitRenderer.PRIVATE_METADATA) {
                return Optional.empty();
            }
            try {
                JsonObject object = JsonParser.parseString(json).getAsJsonObject();
                return Optional.of(new Metadata(text(object, "form"), text(object, "token"), text(object, "channel")));
            } catch (RuntimeException notOurs) {
                return Optional.empty();
            }
        }

        private static String text(JsonObject object, String key) {
            return object.has(key) && object.get(key).isJsonPrimitive() ? object.get(key).getAsString() : "";
        }
    }

    /** Opens {@code form} as a modal for the person who pressed; false when Slack did not open it. */
    boolean open(String triggerId, ReplyBlock.Form form, String channelId, String userId) {
        View view = renderer.modal(form, new Metadata(form.id(), form.token(), channelId).json());
        try {
            ViewsOpenResponse opened = client.viewsOpen(r -> r.triggerId(triggerId).view(view));
            if (opened.isOk()) {
                return true;
            }
            log.error("Slack views.open for {} failed: {}", userId, opened.getError());
        } catch (IOException | SlackApiException e) {
            log.error("Slack views.open for {} failed", userId, e);
        }
        return false;
    }

    /** A form modal was submitted; the answer (errors, the next step, the thank-you) goes into the acknowledgement. */
    Response onSubmission(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
        var payload = req.getPayload();
        if (payload == null || payload.getUser() == null || payload.getUser().getId() == null
                || payload.getView() == null) {
            return Response.builder().statusCode(400).body("{\"error\":\"a view submission needs a user and a view\"}")
                    .contentType(Response.CONTENT_TYPE_APPLICATION_JSON_UTF8).build();
        }
        View view = payload.getView();
        String userId = payload.getUser().getId();
        Metadata metadata = Metadata.parse(view.getPrivateMetadata()).orElse(new Metadata("", "", ""));
        Map<String, String> inputs = inputs(view.getState());
        CompletableFuture<FormOutcome> work;
        try {
            work = CompletableFuture.supplyAsync(() -> {
                Caller caller = resolver.caller(userId);
                Conversation conversation = resolver.conversation(metadata.channelId(), userId);
                return chat.submit(new FormSubmission(metadata.formId(), metadata.token(), inputs, caller,
                        conversation));
            }, workers);
        } catch (RejectedExecutionException busy) {
            log.warn("Slack form submission from {} turned away: all workers busy", userId);
            return ctx.ackWithErrors(onFirstField(view, SlackListeners.BUSY));
        }
        try {
            return answer(ctx, view, metadata, work.get(answerWithin.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException slow) {
            // The modal closes now; the person hears how it went when it is done.
            work.whenComplete((outcome, error) -> tellLater(metadata.channelId(), userId, outcome, error));
            return ctx.ack();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ctx.ackWithErrors(onFirstField(view, sorry()));
        } catch (ExecutionException e) {
            log.error("Slack form submission from {} failed", userId, e.getCause());
            return ctx.ackWithErrors(onFirstField(view, sorry()));
        }
    }

    private Response answer(ViewSubmissionContext ctx, View view, Metadata metadata, FormOutcome outcome) {
        if (outcome instanceof FormOutcome.Accepted accepted) {
            return ctx.ackWithUpdate(accepted.next()
                    .map(next -> renderer.modal(next, new Metadata(next.id(), next.token(), metadata.channelId()).json()))
                    .orElseGet(() -> renderer.resultModal(accepted.reply())));
        }
        if (outcome instanceof FormOutcome.Invalid invalid) {
            return ctx.ackWithErrors(byBlock(view, invalid.fieldErrors()));
        }
        return ctx.ackWithUpdate(renderer.resultModal(((FormOutcome.Refused) outcome).reply()));
    }

    /** The value of each input block by its block id: a picked option's value, typed text, a ticked box "true". */
    static Map<String, String> inputs(ViewState state) {
        Map<String, String> inputs = new LinkedHashMap<>();
        if (state == null || state.getValues() == null) {
            return inputs;
        }
        for (Map.Entry<String, Map<String, ViewState.Value>> block : state.getValues().entrySet()) {
            if (inputs.size() > MAX_INPUTS) {
                break; // not a csbot form: the core refuses more inputs than its form has
            }
            ViewState.Value value = block.getValue() == null ? null : block.getValue().get(SlackBlockKitRenderer.INPUT_ACTION);
            if (value == null) {
                continue;
            }
            if (value.getSelectedOption() != null) {
                inputs.put(block.getKey(), value.getSelectedOption().getValue());
            } else if ("checkboxes".equals(value.getType())) {
                inputs.put(block.getKey(), String.valueOf(value.getSelectedOptions() != null
                        && !value.getSelectedOptions().isEmpty()));
            } else if (value.getValue() != null) {
                inputs.put(block.getKey(), value.getValue());
            }
        }
        return inputs;
    }

    /** Errors by block id; one for a field this view does not show goes on its first input instead. */
    static Map<String, String> byBlock(View view, Map<String, String> fieldErrors) {
        Set<String> shown = blockIds(view);
        Map<String, String> errors = new LinkedHashMap<>();
        fieldErrors.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String block = shown.contains(e.getKey()) || shown.isEmpty() ? e.getKey() : shown.iterator().next();
            errors.merge(block, e.getValue(), (a, b) -> a + " " + b);
        });
        return errors;
    }

    private static Map<String, String> onFirstField(View view, String message) {
        Set<String> shown = blockIds(view);
        return Map.of(shown.isEmpty() ? "score" : shown.iterator().next(), message);
    }

    private static Set<String> blockIds(View view) {
        Set<String> ids = new LinkedHashSet<>();
        if (view.getBlocks() != null) {
            for (LayoutBlock block : view.getBlocks()) {
                if (block instanceof InputBlock input && input.getBlockId() != null) {
                    ids.add(input.getBlockId());
                }
            }
        }
        return ids;
    }

    /** After a slow submission: what became of it, to that person only. */
    private void tellLater(String channelId, String userId, FormOutcome outcome, Throwable error) {
        String text;
        if (error != null || outcome == null) {
            log.error("Slack form submission from {} failed after the modal closed", userId, error);
            text = sorry();
        } else if (outcome instanceof FormOutcome.Accepted accepted) {
            text = accepted.reply().title() + ". " + ReplyTextOf.plain(accepted.reply());
        } else if (outcome instanceof FormOutcome.Invalid invalid) {
            text = "Your answer was not recorded: " + String.join(" ", invalid.fieldErrors().values())
                    + " Press the button again to answer.";
        } else {
            text = ReplyTextOf.plain(((FormOutcome.Refused) outcome).reply());
        }
        if (channelId == null || channelId.isBlank()) {
            return;
        }
        try {
            var posted = client.chatPostEphemeral(r -> r.channel(channelId).user(userId)
                    .text(SlackBlockKitRenderer.escape(text)));
            if (!posted.isOk()) {
                log.error("Slack chat.postEphemeral to {} failed: {}", userId, posted.getError());
            }
        } catch (IOException | SlackApiException e) {
            log.error("Slack chat.postEphemeral to {} failed", userId, e);
        }
    }

    private static String sorry() {
        return "Sorry, csbot could not record that just now. Please try again in a minute.";
    }

    /** A reply's paragraphs as one line of text (for the ephemeral note after a slow submission). */
    private static final class ReplyTextOf {
        static String plain(Reply reply) {
            StringBuilder text = new StringBuilder();
            for (ReplyBlock block : reply.blocks()) {
                if (block instanceof ReplyBlock.Paragraph paragraph) {
                    text.append(text.length() == 0 ? "" : " ").append(paragraph.text());
                }
            }
            return text.toString();
        }
    }
}
