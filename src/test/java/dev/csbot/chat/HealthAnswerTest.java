package dev.csbot.chat;

import static dev.csbot.support.SignalsBuilder.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.csbot.account.FeedbackKind;
import dev.csbot.account.MeetingKind;
import dev.csbot.support.SignalsBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code /health} says about caps, renewal risk, many drivers and the weekly trend. */
class HealthAnswerTest {

    private final ChatFixture chat = new ChatFixture();

    @Test
    void aHeldBandSaysWhyAndWhatTheWeightedScoreWas() {
        chat.add(SignalsBuilder.healthy("redwood").name("Redwood Health Partners").seats(1_175)
                .usage(TODAY.minusDays(365), TODAY, day -> 376, 7).renewal(TODAY.plusDays(26)));

        Reply reply = chat.ask("/health redwood");

        assertThat(reply.title()).isEqualTo("Redwood Health Partners health: 74/100, yellow (flat)");
        assertThat(ReplyText.of(reply)).containsPattern("Health: 74/100 yellow \\(held from \\d+\\)")
                .containsPattern("! Held at yellow \\(weighted score \\d+\\): renews in 26 days with 32% of 1,175 seats"
                        + " active \\(under 50%\\)\\.")
                .contains("Renewal risk: renews in 26 days with 32% of 1,175 seats active (under 50%) | playbook:"
                        + " Renewal at risk")
                .contains("# Playbook: Renewal at risk");
    }

    @Test
    void pastFiveDriversTheRestAreNamedOnOneLineSoNoneIsHidden() {
        chat.add(SignalsBuilder.healthy("a").seats(100)
                .usage(TODAY.minusDays(27), TODAY, day -> Math.max(5, 60 - 2 * day), 1)
                .championLeft("Jane Doe", "VP", TODAY.minusDays(20))
                .noFeedback().feedback(FeedbackKind.NPS, 1, TODAY.minusDays(5), null)
                .ticket(TODAY.minusDays(3), null, 1, "Outage").ticket(TODAY.minusDays(2), null, 1, "Outage again")
                .noMeetings().meeting(TODAY.minusDays(80), MeetingKind.CHECK_IN, false));

        Reply reply = chat.ask("/health a");

        List<ReplyBlock.Item> drivers = ChatFixture.items(reply);
        assertThat(drivers).hasSize(HealthAnswer.DRIVERS_SHOWN);
        assertThat(drivers.get(drivers.size() - 1).text()).matches("and \\d more: .*\\(\\d+ points\\).*");
        // Every measure in its red zone is there, in full or by name.
        String text = ReplyText.of(reply);
        for (String measure : List.of("License utilization", "Usage trend", "Adoption breadth", "Support burden",
                "Sentiment", "Engagement", "Relationship")) {
            assertThat(text).contains(measure);
        }
    }

    @Test
    void aGoodSignalThatCostsAFewPointsNamesNoPlaybook() {
        chat.add(SignalsBuilder.healthy("a").seats(100).usage(TODAY.minusDays(365), TODAY, day -> 64, 7));

        Reply reply = chat.ask("/health a");

        ReplyBlock.Item utilization = ChatFixture.items(reply).get(0);
        assertThat(utilization.text()).startsWith("License utilization: 64% of 100 seats active");
        assertThat(utilization.detail()).hasValue("costs 4 points");
    }

    @Test
    void theWeeklyTrendIsDrawnOnTheScoresFixedScale() {
        chat.add(SignalsBuilder.healthy("globex").name("Globex"));

        ReplyBlock.Trend trend = chat.ask("/health globex").blocks().stream()
                .filter(ReplyBlock.Trend.class::isInstance).map(ReplyBlock.Trend.class::cast).findFirst().orElseThrow();

        assertThat(trend.scale()).contains(new ReplyBlock.Scale(0, 100));
        assertThat(trend.label()).contains("(0-100)");
    }
}
