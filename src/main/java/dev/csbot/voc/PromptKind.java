package dev.csbot.voc;

import dev.csbot.account.FeedbackKind;
import java.util.Arrays;
import java.util.Optional;

/**
 * What a prompt asks. NPS, CSAT and CES are the surveys the health score reads (their scales are fixed);
 * a check-in is scored on a scale of its own; a product request is free text only.
 */
public enum PromptKind {
    NPS("nps", FeedbackKind.NPS),
    CSAT("csat", FeedbackKind.CSAT),
    CES("ces", FeedbackKind.CES),
    CHECK_IN("check-in", null),
    PRODUCT_REQUEST("product-request", null);

    private final String label;
    private final FeedbackKind survey;

    PromptKind(String label, FeedbackKind survey) {
        this.label = label;
        this.survey = survey;
    }

    public String label() {
        return label;
    }

    /** The survey whose answers feed the health score's sentiment, if this kind is one. */
    public Optional<FeedbackKind> survey() {
        return Optional.ofNullable(survey);
    }

    public boolean scored() {
        return this != PRODUCT_REQUEST;
    }

    public static Optional<PromptKind> fromLabel(String text) {
        return Arrays.stream(values()).filter(k -> k.label.equalsIgnoreCase(text.trim())).findFirst();
    }

    public static Optional<PromptKind> forSurvey(FeedbackKind kind) {
        return Arrays.stream(values()).filter(k -> k.survey == kind).findFirst();
    }
}
