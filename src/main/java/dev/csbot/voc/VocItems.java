package dev.csbot.voc;

/** The kinds of outbox item Voice of the Customer writes; each has a renderer in the chat module. */
public final class VocItems {
    /** A prompt to a customer (item id: the send id). */
    public static final String PROMPT = "voc-prompt";
    /** The one reminder of a prompt not answered (item id: the send id). */
    public static final String REMINDER = "voc-reminder";
    /** A loop-closing update to one customer (item id: the loop message id). */
    public static final String LOOP = "voc-loop";
    /** A note to a CSM: campaign prompts for their accounts held back by the throttle (item id: the note id). */
    public static final String CAMPAIGN_NOTE = "voc-campaign-note";

    private VocItems() {}
}
