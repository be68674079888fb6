package dev.csbot.chat;

/** Stable ids of the forms the core puts into replies; a {@link FormSubmission} names one of them. */
public final class FormIds {
    /** A customer's answer to a feedback prompt (score, comment, anonymity). */
    public static final String FEEDBACK_ANSWER = "feedback-answer";
    /** A CSM's message to the customers who raised an item or theme, as it moves to planned, shipped or declined. */
    public static final String LOOP_MESSAGE = "voc-loop-message";

    private FormIds() {}
}
