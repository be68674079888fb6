package dev.csbot.voc;

/** The inputs of a feedback form, by field id: the score, the comment, and "don't show my name". */
public final class AnswerFields {
    public static final String SCORE = "score";
    public static final String COMMENT = "comment";
    /** A checkbox: "true" when ticked. */
    public static final String ANONYMOUS = "anonymous";
    /** The longest comment a customer may write. */
    public static final int MAX_COMMENT = 2000;

    private AnswerFields() {}
}
