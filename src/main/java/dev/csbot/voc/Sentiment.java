package dev.csbot.voc;

/** How a piece of feedback feels: from its score when it has one, else from its words. */
public enum Sentiment {
    POSITIVE,
    NEUTRAL,
    NEGATIVE
}
