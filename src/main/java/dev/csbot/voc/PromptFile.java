package dev.csbot.voc;

import java.util.List;
import java.util.Map;

/** A prompt file as written (YAML keys in snake_case); {@link PromptLoader} checks it and builds the prompt. */
record PromptFile(
        String id,
        String kind,
        String title,
        String wording,
        ScaleFile scale,
        FollowUpFile followUp,
        Boolean anonymityAllowed,
        String thankYou,
        String reminderText,
        WindowFile answerWindow,
        CampaignFile campaign) {

    record ScaleFile(Integer min, Integer max, Map<String, String> labels) {}

    record FollowUpFile(String question, List<ScoreQuestionFile> byScore) {}

    record ScoreQuestionFile(String scores, String question) {}

    record WindowFile(Integer openDays, Integer editMinutes) {}

    record CampaignFile(ScheduleFile schedule, TriggerFile trigger, String audience, Integer throttleDays,
            Integer reminderAfterDays) {}

    record ScheduleFile(Integer everyDays) {}

    record TriggerFile(String event, Integer withinDays, Integer day) {}
}
