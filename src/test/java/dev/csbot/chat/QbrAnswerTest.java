package dev.csbot.chat;

import static dev.csbot.support.SignalsBuilder.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.csbot.account.FeedbackKind;
import dev.csbot.account.ObjectiveStatus;
import dev.csbot.support.SignalsBuilder;
import org.junit.jupiter.api.Test;

/** The QBR's value proof on partial data, and what counts as a win. */
class QbrAnswerTest {

    private final ChatFixture chat = new ChatFixture();

    @Test
    void aQuarterWithPartOfItsUsageIsSaidAsSuchAndNotCompared() {
        // Usage starts 90 days back: one day of it falls in last quarter.
        chat.add(SignalsBuilder.healthy("acme").name("Acme").noUsage().usage(TODAY.minusDays(90), TODAY, day -> 80, 5));

        String text = ReplyText.of(chat.ask("/qbr acme"));

        assertThat(text).contains("! Last quarter (" + TODAY.minusDays(179) + " to " + TODAY.minusDays(90)
                        + ") has usage data for only 1 of its 90 days (from " + TODAY.minusDays(90) + "). The quarters"
                        + " are not compared until both have their data.")
                .contains("Events: 288,000 this quarter")
                .doesNotContain("last quarter ->")
                .doesNotContainPattern("Events: .*%");
    }

    @Test
    void aYoungAccountsQuarterSaysHowManyDaysItHas() {
        chat.add(SignalsBuilder.healthy("initech").name("Initech").contractStart(TODAY.minusDays(40)).noUsage()
                .usage(TODAY.minusDays(39), TODAY, day -> 10, 2));

        String text = ReplyText.of(chat.ask("/qbr initech"));

        assertThat(text).contains("This quarter (" + TODAY.minusDays(89) + " to " + TODAY + ") has usage data for only 40"
                        + " of its 90 days")
                .contains("Last quarter (" + TODAY.minusDays(179) + " to " + TODAY.minusDays(90) + ") has no usage data")
                .contains("Events: 16,000 in the 40 days with data");
    }

    @Test
    void twoFullQuartersAreCompared() {
        chat.add(SignalsBuilder.healthy("globex").name("Globex").noUsage()
                .usage(TODAY.minusDays(200), TODAY.minusDays(90), day -> 60, 5)
                .usage(TODAY.minusDays(89), TODAY, day -> 80, 6));

        String text = ReplyText.of(chat.ask("/qbr globex"));

        assertThat(text).contains("Active users a day: 60 last quarter -> 80 this quarter (+33%)")
                .contains("Win: Active users a day up 33% quarter over quarter (60 -> 80)")
                .contains("Win: Key features in use up from 5 to 6")
                .doesNotContain("has usage data for only");
    }

    @Test
    void closedTicketsAreNoWinButAchievedObjectivesArePromotersAreAdvocacy() {
        chat.add(SignalsBuilder.healthy("acme").name("Acme")
                .ticket(TODAY.minusDays(30), TODAY.minusDays(28), 3, "Export times out")
                .ticket(TODAY.minusDays(20), TODAY.minusDays(18), 3, "Export times out again")
                .objective("Roll out to EMEA", ObjectiveStatus.DONE, TODAY.minusDays(10))
                .feedback(FeedbackKind.NPS, 10, TODAY.minusDays(3), "Love it"));

        String text = ReplyText.of(chat.ask("/qbr acme"));

        assertThat(text).contains("Win: Achieved: Roll out to EMEA (weekly active teams, target 12, due "
                        + TODAY.minusDays(10) + ")")
                .contains("Promoter: NPS 10 from someone@acme.example on " + TODAY.minusDays(3))
                .doesNotContain("resolved")
                .doesNotContain("Win: Promoter")
                .contains("Support: 2 tickets opened this quarter; recurring: \"export times out\" in 2");
    }

    @Test
    void withNothingAchievedTheBriefSaysThereIsNoWinYet() {
        chat.add(SignalsBuilder.healthy("a").ticket(TODAY.minusDays(30), TODAY.minusDays(28), 3, "Question"));

        assertThat(ReplyText.of(chat.ask("/qbr a"))).contains(
                "Key wins: none on record this quarter (no objective achieved, no measured gain)");
    }
}
