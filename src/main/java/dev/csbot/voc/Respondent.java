package dev.csbot.voc;

import java.util.Optional;

/**
 * The person submitting an answer, as the chat adapter established them: their user id within their
 * organisation (Slack workspace, Teams tenant) on a platform, their email when the platform tells it, and
 * whether they are one of our own people (who never answer customer prompts).
 */
public record Respondent(String platform, String userId, Optional<String> organisationId, Optional<String> email,
        boolean internal) {}
