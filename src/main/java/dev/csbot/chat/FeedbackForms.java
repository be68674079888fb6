package dev.csbot.chat;

import dev.csbot.voc.AnswerAttempt;
import dev.csbot.voc.AnswerOutcome;
import dev.csbot.voc.ChatPlace;
import dev.csbot.voc.OpenPrompt;
import dev.csbot.voc.Respondent;
import dev.csbot.voc.VocService;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The one thing customers may do: open and submit the form of a prompt addressed to them, authorised by its
 * token. Every failure, whatever its cause, gets the same answer.
 */
final class FeedbackForms {

    private final VocService voc;
    /** Told the account of an answer that needs a human, so that the alert showing such answers is brought up to date. */
    private final Consumer<String> followUpChanged;

    FeedbackForms(VocService voc, Consumer<String> followUpChanged) {
        this.voc = voc;
        this.followUpChanged = followUpChanged;
    }

    /** The "Answer" button: the form to open (a modal, a card), or the refusal. */
    Reply open(ActionPress press) {
        Optional<OpenPrompt> open = voc.open(token(press.value()), respondent(press.caller(), press.conversation()),
                place(press.conversation()));
        if (open.isEmpty()) {
            return PromptMessages.notOpen();
        }
        return Reply.answer(open.get().prompt().title(), List.of(PromptMessages.form(open.get(), press.value())));
    }

    FormOutcome submit(FormSubmission submission) {
        if (!FormIds.FEEDBACK_ANSWER.equals(submission.formId())) {
            return new FormOutcome.Refused(PromptMessages.notOpen());
        }
        AnswerOutcome outcome = voc.answer(new AnswerAttempt(token(submission.token()), respondent(submission.caller(), submission.conversation()),
                place(submission.conversation()), submission.inputs()));
        if (outcome instanceof AnswerOutcome.Recorded recorded) {
            if (recorded.answer().needsFollowUp()) {
                // A comment added in the second step, or an edit: the detractor alert already posted shows it.
                followUpChanged.accept(recorded.answer().accountId());
            }
            return new FormOutcome.Accepted(PromptMessages.thanks(recorded.prompt()), recorded.nextQuestion()
                    .map(question -> PromptMessages.followUp(recorded.prompt(), submission.token(), question)));
        }
        if (outcome instanceof AnswerOutcome.Invalid invalid) {
            return new FormOutcome.Invalid(invalid.fieldErrors());
        }
        return new FormOutcome.Refused(PromptMessages.notOpen());
    }

    private static String token(String value) {
        return value == null ? "" : value;
    }

    /** The platform is the conversation's: a Slack user answers in Slack, a Teams user in Teams. */
    static Respondent respondent(Caller caller, Conversation conversation) {
        return new Respondent(conversation.platform().name().toLowerCase(Locale.ROOT), caller.userId(),
                caller.organisationId(), caller.email(), caller.internal());
    }

    static ChatPlace place(Conversation conversation) {
        return new ChatPlace(conversation.platform().name().toLowerCase(Locale.ROOT), conversation.id());
    }
}
