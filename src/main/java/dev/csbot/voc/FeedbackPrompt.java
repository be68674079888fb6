package dev.csbot.voc;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;

/**
 * One prompt customers answer, as CS Ops wrote it in {@code prompts/<id>.yaml}: what it asks, on which
 * scale, what it asks next, whether the answer may be anonymous, what it says afterwards, and when it is
 * sent. Every text is plain text written by CS Ops, shown to customers as it is.
 */
public record FeedbackPrompt(
        String id,
        PromptKind kind,
        String title,
        String wording,
        Optional<Scale> scale,
        Optional<FollowUp> followUp,
        boolean anonymityAllowed,
        String thankYou,
        String reminderText,
        AnswerWindow answerWindow,
        Campaign campaign) {

    /** A score from {@code min} to {@code max}; some points carry a label ("0: Not at all likely"). */
    public record Scale(int min, int max, SortedMap<Integer, String> labels) {
        public Scale {
            labels = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(labels));
        }

        public boolean accepts(int score) {
            return score >= min && score <= max;
        }
    }

    /** The question after the score; a score range may have a question of its own (detractors, promoters). */
    public record FollowUp(String question, List<ScoreQuestion> byScore) {
        public FollowUp {
            byScore = List.copyOf(byScore);
        }

        public String questionFor(OptionalInt score) {
            if (score.isPresent()) {
                int s = score.getAsInt();
                for (ScoreQuestion range : byScore) {
                    if (s >= range.from() && s <= range.to()) {
                        return range.question();
                    }
                }
            }
            return question;
        }

        /** Whether the question can only be chosen once the score is known (so it is asked in a second step). */
        public boolean dependsOnScore() {
            return !byScore.isEmpty();
        }
    }

    public record ScoreQuestion(int from, int to, String question) {}

    /** How long the prompt may be answered, and how long after an answer a second submit edits it. */
    public record AnswerWindow(int openDays, int editMinutes) {}

    /** Who is asked by default and when: on a schedule, on a trigger, or only when a CSM sends it. */
    public record Campaign(
            Optional<Integer> everyDays,
            Optional<Trigger> trigger,
            Audience audience,
            int throttleDays,
            OptionalInt reminderAfterDays) {}

    /** Who a prompt goes to when the CSM names nobody (and whom a campaign asks). */
    public enum Audience {
        EVERY_CONTACT("every-contact"),
        CHAMPION("champion");

        private final String label;

        Audience(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** An event that sends the prompt: an urgent ticket closed, or an onboarding milestone reached. */
    public sealed interface Trigger {
        String describe();
    }

    /** Sent to the account after one of its urgent (severity 1) tickets closed in the last {@code withinDays}. */
    public record UrgentTicketClosed(int withinDays) implements Trigger {
        public String describe() {
            return "after an urgent ticket closes (within " + withinDays + " days)";
        }
    }

    /** Sent on day {@code day} after the contract started, to accounts still onboarding. */
    public record OnboardingMilestone(int day) implements Trigger {
        public String describe() {
            return "at the onboarding milestone, day " + day + " after the contract starts";
        }
    }
}
