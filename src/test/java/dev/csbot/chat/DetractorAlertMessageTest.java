package dev.csbot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.csbot.alerts.AlertState;
import dev.csbot.alerts.Severity;
import dev.csbot.alerts.StoredAlert;
import dev.csbot.health.Playbook;
import dev.csbot.support.ReplyText;
import dev.csbot.support.SignalsBuilder;
import dev.csbot.voc.FollowUp;
import dev.csbot.voc.PromptKind;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** A detractor alert shows the answers to follow up, never who gave an anonymous one, and the Followed up button. */
class DetractorAlertMessageTest {

    private static final Instant RAISED = Instant.parse("2026-11-23T09:00:00Z");

    private static StoredAlert detractor(AlertState state) {
        return new StoredAlert("a1", "acme", DetractorFollowUps.RULE, state, Severity.MEDIUM, "Detractor feedback: NPS 2",
                "NPS 2 on 2026-11-23", Playbook.DETRACTOR_FOLLOW_UP, 1, "dana@example.com", RAISED, Severity.MEDIUM, 1,
                SignalsBuilder.TODAY, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    private static FollowUp answer(String id, String email, boolean anonymous, String by) {
        return new FollowUp(id, PromptKind.NPS, OptionalInt.of(2), Optional.of("Exports *fail* <!channel>"),
                Optional.ofNullable(email), anonymous, SignalsBuilder.TODAY, Optional.ofNullable(by),
                by == null ? Optional.empty() : Optional.of(RAISED.plusSeconds(3600)));
    }

    private static Reply message(List<FollowUp> followUps, AlertState state) {
        return AlertMessage.of("n1", SignalsBuilder.healthy("acme").name("Acme").build().account(),
                List.of(detractor(state)), Optional.empty(), SignalsBuilder.TODAY, followUps);
    }

    private static List<ReplyBlock.Action> actions(Reply reply) {
        return reply.blocks().stream().filter(b -> b instanceof ReplyBlock.Actions)
                .flatMap(b -> ((ReplyBlock.Actions) b).actions().stream()).toList();
    }

    @Test
    void theAnswersAreListedWithTheCommentsAsQuotesAndAnAnonymousOneNamesNobody() {
        Reply reply = message(List.of(answer("x1", "pat@acme.example", false, null),
                answer("x2", null, true, null)), AlertState.OPEN);

        String text = ReplyText.of(reply);
        assertThat(text).contains("Answers to follow up", "NPS 2 · pat@acme.example · 2026-11-23 · waiting for a"
                + " follow-up", "NPS 2 · anonymous · 2026-11-23 · waiting for a follow-up");
        assertThat(reply.blocks()).filteredOn(b -> b instanceof ReplyBlock.Quote)
                .extracting(b -> ((ReplyBlock.Quote) b).text()).containsExactly("Exports *fail* <!channel>",
                        "Exports *fail* <!channel>");
        assertThat(actions(reply)).extracting(ReplyBlock.Action::id).contains(ActionIds.FEEDBACK_FOLLOWED_UP);
        assertThat(actions(reply).get(0).value()).isEqualTo("n1");
    }

    @Test
    void onceEveryAnswerIsFollowedUpTheMessageSaysWhoAndWhenAndTheButtonIsGone() {
        Reply reply = message(List.of(answer("x1", "pat@acme.example", false, "dana@example.com")), AlertState.OPEN);

        assertThat(ReplyText.of(reply)).contains("Followed up by dana@example.com at 2026-11-23T10:00 UTC.",
                "followed up by dana@example.com at 2026-11-23T10:00 UTC");
        assertThat(actions(reply)).extracting(ReplyBlock.Action::id).doesNotContain(ActionIds.FEEDBACK_FOLLOWED_UP);
    }

    @Test
    void aResolvedDetractorAlertShowsNoAnswers() {
        Reply reply = message(List.of(answer("x1", "pat@acme.example", false, null)), AlertState.RESOLVED);

        assertThat(ReplyText.of(reply)).doesNotContain("Answers to follow up", "pat@acme.example");
        assertThat(actions(reply)).extracting(ReplyBlock.Action::id).doesNotContain(ActionIds.FEEDBACK_FOLLOWED_UP);
    }
}
