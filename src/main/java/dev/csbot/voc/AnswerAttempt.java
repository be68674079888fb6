package dev.csbot.voc;

import java.util.Map;

/** A submitted answer: the token from the form, who submitted it, where, and the inputs by field id. */
public record AnswerAttempt(String token, Respondent respondent, ChatPlace place, Map<String, String> inputs) {

    public AnswerAttempt {
        inputs = Map.copyOf(inputs);
    }
}
