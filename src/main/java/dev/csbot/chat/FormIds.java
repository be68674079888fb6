package dev.csbot.chat;

/** Stable ids of the forms the core puts into replies; a {@link FormSubmission} names one of them. */
public final class FormIds {
    /** A customer's answer to a feedback prompt (score, comment, anonymity). */
    public static final String FEEDBACK_ANSWER = "feedback-answer";

    private FormIds() {}
}
