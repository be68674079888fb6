package dev.csbot.chat;

import dev.csbot.chat.ReplyBlock.FieldKind;
import dev.csbot.chat.ReplyBlock.FormField;
import dev.csbot.voc.AnswerFields;
import dev.csbot.voc.FeedbackPrompt;
import dev.csbot.voc.LoopMessage;
import dev.csbot.voc.OpenPrompt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What customers see of a prompt, channel-neutral: the message with its button, the form it opens, the
 * follow-up question, the thank-you, and a loop-closing update. Nothing here carries an internal fact (no
 * score, ARR, health, alert or other account): only the prompt's own words and the customer's token.
 */
public final class PromptMessages {

    static final String NOT_OPEN = "This feedback form is not open to you. It may have closed, or it was meant"
            + " for someone else. If you would like to tell us something, reply to your contact here.";

    private PromptMessages() {}

    /** The prompt as posted to the customer: its wording and one button that opens the form. */
    public static Reply prompt(FeedbackPrompt prompt, String token) {
        return Reply.answer(prompt.wording(), List.of(
                new ReplyBlock.Paragraph(prompt.wording()),
                new ReplyBlock.Actions(List.of(new ReplyBlock.Action(ActionIds.FEEDBACK_OPEN, "Answer", token,
                        ReplyBlock.Tone.GOOD))),
                new ReplyBlock.Context(List.of("Takes a few seconds. Only the team that works with you sees"
                        + " your answer; nobody else here does."))));
    }

    /** The one reminder: the same button, with the prompt's reminder text. */
    public static Reply reminder(FeedbackPrompt prompt, String token) {
        return Reply.answer(prompt.wording(), List.of(
                new ReplyBlock.Paragraph(prompt.reminderText()),
                new ReplyBlock.Paragraph(prompt.wording()),
                new ReplyBlock.Actions(List.of(new ReplyBlock.Action(ActionIds.FEEDBACK_OPEN, "Answer", token,
                        ReplyBlock.Tone.GOOD)))));
    }

    /**
     * The form the button opens: the score (when the prompt has one), the follow-up question when it does not
     * depend on the score (otherwise it is asked next, see {@link #followUp}), and the anonymity checkbox
     * when it is offered.
     */
    public static ReplyBlock.Form form(OpenPrompt open, String token) {
        FeedbackPrompt prompt = open.prompt();
        List<FormField> fields = new ArrayList<>();
        prompt.scale().ifPresentOrElse(scale -> {
            List<ReplyBlock.ScaleLabel> labels = new ArrayList<>();
            for (Map.Entry<Integer, String> label : scale.labels().entrySet()) {
                labels.add(new ReplyBlock.ScaleLabel(label.getKey(), label.getValue()));
            }
            fields.add(new FormField(AnswerFields.SCORE, prompt.wording(), FieldKind.SCALE, scale.min(), scale.max(),
                    true, labels, 0));
            prompt.followUp().filter(f -> !f.dependsOnScore())
                    .ifPresent(f -> fields.add(comment(f.question(), false)));
        }, () -> fields.add(comment(prompt.wording(), true)));
        if (open.offersAnonymity()) {
            fields.add(new FormField(AnswerFields.ANONYMOUS, "Don't show my name with my answer", FieldKind.CHECKBOX,
                    0, 0, false, List.of(), 0));
        }
        return new ReplyBlock.Form(FormIds.FEEDBACK_ANSWER, prompt.title(), fields, "Send", token);
    }

    /** The second step: the question chosen by the score just given (detractors and promoters differ). */
    public static ReplyBlock.Form followUp(FeedbackPrompt prompt, String token, String question) {
        return new ReplyBlock.Form(FormIds.FEEDBACK_ANSWER, prompt.title(), List.of(comment(question, false)), "Send",
                token);
    }

    private static FormField comment(String question, boolean required) {
        return new FormField(AnswerFields.COMMENT, question, FieldKind.TEXT, 0, 0, required, List.of(),
                AnswerFields.MAX_COMMENT);
    }

    /** Shown only to the person who answered: the prompt's thank-you, nothing of anyone else's answer. */
    public static Reply thanks(FeedbackPrompt prompt) {
        return Reply.of(Reply.Status.ANSWER, "Thanks, recorded", prompt.thankYou());
    }

    /** The one refusal for every token that is forged, expired, used up or someone else's. */
    static Reply notOpen() {
        return Reply.of(Reply.Status.REFUSED, "Not available", NOT_OPEN);
    }

    /** A loop-closing update, posted where the customer gave the feedback. */
    public static Reply loopClosing(LoopMessage message) {
        return Reply.of(Reply.Status.ANSWER, "An update on your feedback", message.text());
    }
}
