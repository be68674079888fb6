package dev.csbot.chat;

import static dev.csbot.support.SignalsBuilder.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.csbot.account.Segment;
import dev.csbot.support.SignalsBuilder;
import org.junit.jupiter.api.Test;

/** {@code /risks} and {@code /renewals}: slices, limits, pages, and words that do not fit. */
class ListCommandsTest {

    private final ChatFixture chat = new ChatFixture()
            .add(lowUse("redwood", "Redwood Health Partners", 1_400_000, 26))
            .add(lowUse("silverline", "Silverline Freight", 635_000, 18))
            .add(SignalsBuilder.healthy("globex").name("Globex").arr(800_000).renewal(TODAY.plusDays(200))
                    .csm("sam.lee@csbot.example"))
            .add(SignalsBuilder.healthy("umber").name("Umber Networks").segment(Segment.MID_MARKET).arr(47_000)
                    .renewal(TODAY.plusDays(60)).csm(""));

    /** Fine but for the seats: a third of them active; renews in {@code days}. */
    private static SignalsBuilder lowUse(String id, String name, long arr, int days) {
        return SignalsBuilder.healthy(id).name(name).arr(arr).seats(100).renewal(TODAY.plusDays(days))
                .usage(TODAY.minusDays(365), TODAY, day -> 33, 7);
    }

    private void addSmallAccounts(int count, int renewingInDays) {
        for (int i = 0; i < count; i++) {
            chat.add(SignalsBuilder.healthy("extra" + i).name("Extra " + i).arr(10_000 + i)
                    .renewal(TODAY.plusDays(renewingInDays + i)));
        }
    }

    // --- /risks --------------------------------------------------------------------------------------

    @Test
    void renewalsAtRiskAreCountedAsRenewingAndNotGreen() {
        String text = ReplyText.of(chat.ask("/risks"));

        assertThat(text).contains("Renewing in 90 days, not green: 2 accounts, $2M ARR")
                .contains("Main risk: Renewal risk: 33% of 100 seats active (under 50%)");
    }

    @Test
    void aLimitAboveThePageSizePagesAndSaysHowToTypeTheNextPage() {
        addSmallAccounts(30, 300);

        Reply first = chat.ask("/risks 25");
        Reply typedSecond = chat.ask("/risks 25 page 2");
        Reply pressedSecond = chat.press(ChatFixture.buttons(first).get(0));

        assertThat(ReplyText.of(first)).contains("Showing 1-10 of 25; next page: /risks 25 page 2");
        assertThat(ChatFixture.items(first)).hasSize(10);
        assertThat(ReplyText.of(typedSecond)).contains("Showing 11-20 of 25; next page: /risks 25 page 3")
                .contains("11. ");
        assertThat(ReplyText.of(pressedSecond)).isEqualTo(ReplyText.of(typedSecond));
        assertThat(ReplyText.of(chat.ask("/risks 25 page 3"))).contains("Showing 21-25 of 25")
                .doesNotContain("next page");
    }

    @Test
    void aPagePastTheEndIsAUsageErrorThatSaysHowManyThereAre() {
        Reply reply = chat.ask("/risks page 2");

        assertThat(reply.status()).isEqualTo(Reply.Status.USAGE_ERROR);
        assertThat(reply.title()).isEqualTo("There is no page 2: the 10 most at risk of all accounts fill 1 page.");
    }

    @Test
    void aNumberOutOfRangeIsAUsageErrorWithTheAllowedRange() {
        Reply huge = chat.ask("/risks enterprise 99999999999999999999");

        assertThat(huge.status()).isEqualTo(Reply.Status.USAGE_ERROR);
        assertThat(huge.title()).isEqualTo("The limit must be a whole number from 1 to 500 (got 99999999999999999999).");
        assertThat(chat.ask("/risks 0").title()).contains("from 1 to 500 (got 0)");
        assertThat(chat.ask("/risks 501").title()).contains("from 1 to 500 (got 501)");
        assertThat(chat.ask("/risks 10 20").title()).isEqualTo("Give one limit, not two (got 10 and 20).");
        assertThat(chat.ask("/risks page").title()).startsWith("\"page\" needs a page number from 1 to 50");
        assertThat(chat.ask("/risks page 99999999999").status()).isEqualTo(Reply.Status.USAGE_ERROR);
    }

    @Test
    void segmentsAreUnderstoodHoweverTheyAreSpelled() {
        String expected = ReplyText.of(chat.ask("/risks mid-market"));

        assertThat(expected).contains("Umber Networks").doesNotContain("Redwood");
        for (String spelling : new String[] {"midmarket", "Mid_Market", "mid market", "MIDMARKET", "MM"}) {
            assertThat(ReplyText.of(chat.ask("/risks " + spelling))).as(spelling).isEqualTo(expected);
        }
    }

    @Test
    void anUnknownWordSaysWhatIsAcceptedAndTheNearestKnownWord() {
        Reply reply = chat.ask("/risks enterprize");

        assertThat(reply.status()).isEqualTo(Reply.Status.USAGE_ERROR);
        assertThat(reply.title()).isEqualTo("\"enterprize\" is not a segment (enterprise, mid-market, smb), a CSM's"
                + " email, \"mine\" or \"unassigned\". Did you mean enterprise?");
    }

    @Test
    void mineWithoutAnEmailSaysHowToNameTheCsm() {
        Reply reply = chat.ask("/risks mine", Caller.internal("cli", null, "operator"));

        assertThat(reply.status()).isEqualTo(Reply.Status.USAGE_ERROR);
        assertThat(reply.title()).contains("\"mine\" needs your email address").contains("--as EMAIL");
    }

    @Test
    void unassignedAccountsAreCountedAndCanBeListed() {
        String all = ReplyText.of(chat.ask("/risks"));
        String unassigned = ReplyText.of(chat.ask("/risks unassigned"));

        assertThat(all).contains("Unassigned (no CSM): 1 account, $47k ARR; /risks unassigned lists them");
        assertThat(unassigned).contains("1. Umber Networks").contains("Owner: unassigned").doesNotContain("Globex");
        assertThat(ReplyText.of(chat.ask("/health umber"))).contains("Owner: unassigned");
    }

    // --- /renewals -----------------------------------------------------------------------------------

    @Test
    void renewalsListTheNextNinetyDaysSoonestFirstWithHealthRiskAndOwner() {
        Reply reply = chat.ask("/renewals");

        assertThat(reply.title()).isEqualTo("Renewals in the next 90 days");
        assertThat(ChatFixture.items(reply)).extracting(ReplyBlock.Item::text).containsExactly(
                "1. Silverline Freight: renews " + TODAY.plusDays(18) + " (in 18 days), $635k ARR",
                "2. Redwood Health Partners: renews " + TODAY.plusDays(26) + " (in 26 days), $1.4M ARR",
                "3. Umber Networks: renews " + TODAY.plusDays(60) + " (in 60 days), $47k ARR");
        assertThat(ChatFixture.items(reply).get(0).detail()).hasValueSatisfying(detail -> assertThat(detail)
                .matches("Health 74/100 yellow \\(held from \\d+, \\w+\\) · Main risk: Renewal risk: 33% of 100 seats"
                        + " active \\(under 50%\\) · Owner: dana.cho@csbot.example"));
        assertThat(ChatFixture.items(reply).get(2).detail()).hasValueSatisfying(d -> assertThat(d)
                .endsWith("Owner: unassigned"));
        assertThat(ReplyText.of(reply)).contains("Renewing: 3 accounts, $2.1M ARR")
                .contains("At risk (not green): 2 accounts, $2M ARR").doesNotContain("Globex");
    }

    @Test
    void theRenewalWindowIsTheNumberOfDaysAskedFor() {
        assertThat(ReplyText.of(chat.ask("/renewals 20"))).contains("Silverline Freight").doesNotContain("Redwood");
        assertThat(ReplyText.of(chat.ask("/renewals 365"))).contains("Globex");
        assertThat(chat.ask("/renewals 0").title()).isEqualTo(
                "The number of days must be a whole number from 1 to 730 (got 0).");
        assertThat(chat.ask("/renewals 731").status()).isEqualTo(Reply.Status.USAGE_ERROR);
        assertThat(ReplyText.of(chat.ask("/renewals 400 mid-market"))).contains("Umber").doesNotContain("Globex");
    }

    @Test
    void renewalsPageWithButtonsAndByTyping() {
        addSmallAccounts(15, 30);

        Reply first = chat.ask("/renewals");
        ReplyBlock.Action next = ChatFixture.buttons(first).get(0);
        Reply second = chat.press(next);

        assertThat(next.id()).isEqualTo(ActionIds.RENEWALS_PAGE);
        assertThat(ReplyText.of(first)).contains("Showing 1-10 of 18; next page: /renewals 90 page 2");
        assertThat(ReplyText.of(second)).contains("Showing 11-18 of 18").contains("11. ");
        assertThat(ReplyText.of(chat.ask("/renewals page 2"))).isEqualTo(ReplyText.of(second));
    }

    @Test
    void aStaleRenewalsButtonIsAUsageError() {
        assertThat(chat.press(new ReplyBlock.Action(ActionIds.RENEWALS_PAGE, "Next", "99999|x|y",
                ReplyBlock.Tone.NEUTRAL)).status()).isEqualTo(Reply.Status.USAGE_ERROR);
    }

    @Test
    void renewalsAreInTheHelp() {
        assertThat(ReplyText.of(chat.ask("/help"))).contains("/renewals [days]");
    }

    // --- unknown commands ---------------------------------------------------------------------------

    @Test
    void aMistypedCommandSuggestsTheNearestKnownOne() {
        Reply heath = chat.ask("/heath acme");

        assertThat(heath.status()).isEqualTo(Reply.Status.USAGE_ERROR);
        assertThat(heath.title()).isEqualTo("Unknown command \"heath\". Did you mean /health?");
        assertThat(chat.ask("/renewal").title()).endsWith("Did you mean /renewals?");
        assertThat(chat.ask("/frobnicate").title()).isEqualTo("Unknown command \"frobnicate\".");
        assertThat(chat.ask("/" + "x".repeat(5_000)).title()).hasSizeLessThan(60);
    }
}
