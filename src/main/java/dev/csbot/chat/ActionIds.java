package dev.csbot.chat;

/** Stable ids of the buttons the core puts into replies. Channels route a press back by these ids. */
public final class ActionIds {
    public static final String SHOW_HEALTH = "show-health";
    public static final String SHOW_DRIVERS = "show-drivers";
    public static final String OPEN_QBR = "open-qbr";
    public static final String OPEN_ACCOUNT = "open-account";
    public static final String START_PLAYBOOK = "start-playbook";
    public static final String RISKS_PAGE = "risks-page";
    public static final String RENEWALS_PAGE = "renewals-page";
    /** On a feedback prompt: opens its form (value: the prompt's opaque token). Customers may press it. */
    public static final String FEEDBACK_OPEN = "feedback-open";
    public static final String ALERT_ACK = "alert-ack";
    public static final String ALERT_SNOOZE_DAY = "alert-snooze-1d";
    public static final String ALERT_SNOOZE_WEEK = "alert-snooze-7d";
    public static final String ALERT_SNOOZE_MONTH = "alert-snooze-30d";
    public static final String ALERT_PLAYBOOK = "alert-playbook";
    public static final String ALERT_RETRY = "alert-retry";
    /** On a detractor alert: records who followed up the answers and when (value: the alert notice id). */
    public static final String FEEDBACK_FOLLOWED_UP = "feedback-followed-up";
    /** On a feedback item or theme: move it along the loop (value: "item:fb-..." or "theme:key"). */
    public static final String VOC_ACKNOWLEDGE = "voc-acknowledge";
    /** These three ask for the message customers will read first (a form), then close the loop. */
    public static final String VOC_PLANNED = "voc-planned";
    public static final String VOC_SHIPPED = "voc-shipped";
    public static final String VOC_DECLINED = "voc-declined";

    private ActionIds() {}
}
