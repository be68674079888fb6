package dev.csbot.chat;

import static dev.csbot.support.SignalsBuilder.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.csbot.account.FeedbackKind;
import dev.csbot.account.LifecycleStage;
import dev.csbot.account.ObjectiveStatus;
import dev.csbot.account.Segment;
import dev.csbot.health.HealthScorer;
import dev.csbot.health.HealthService;
import dev.csbot.health.ScorecardLoader;
import dev.csbot.voc.PromptLoader;
import dev.csbot.voc.ThemeLoader;
import dev.csbot.voc.VocService;
import dev.csbot.support.InMemoryPortfolio;
import dev.csbot.support.InMemoryVoc;
import dev.csbot.support.SignalsBuilder;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The core's front door, tested without Spring or any chat SDK. */
class ChatServiceTest {

    private static final Caller CSM = Caller.internal("U1", "dana.cho@csbot.example", "Dana");
    private static final Conversation DM = new Conversation(Platform.SLACK, "D1", false);

    private final InMemoryPortfolio portfolio = new InMemoryPortfolio()
            .add(SignalsBuilder.healthy("acme").name("Acme").arr(1_200_000).renewal(TODAY.plusDays(60))
                    .usage(TODAY.minusDays(27), TODAY, day -> 80 - 40 * day / 27, 4)
                    .championLeft("Jane Doe", "VP Operations", TODAY.minusDays(25))
                    .feedback(FeedbackKind.NPS, 3, TODAY.minusDays(10), "Too slow <!channel> since the update")
                    .ticket(TODAY.minusDays(6), null, 1, "Sync failing for all users")
                    .ticket(TODAY.minusDays(20), TODAY.minusDays(15), 3, "Sync delayed overnight")
                    .objective("Roll out to the EMEA support team", ObjectiveStatus.AT_RISK, TODAY.plusDays(20))
                    .objective("Cut first response time by 30%", ObjectiveStatus.DONE, TODAY.minusDays(30)))
            .add(SignalsBuilder.healthy("globex").name("Globex").arr(800_000).csm("sam.lee@csbot.example"))
            .add(SignalsBuilder.healthy("initech").name("Initech").stage(LifecycleStage.ONBOARDING).segment(Segment.SMB)
                    .arr(30_000).noUsage().contractStart(TODAY.minusDays(48))
                    .usage(TODAY.minusDays(48), TODAY, day -> 10, 2));
    private final Map<String, String> links = new HashMap<>();
    private final List<String> audit = new ArrayList<>();
    private final Clock clock = Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    private final InMemoryVoc vocStore = new InMemoryVoc(portfolio);
    private final ChatService chat = new ChatService(portfolio,
            new HealthService(portfolio, new HealthScorer(ScorecardLoader.defaults()), clock),
            accountId -> List.of(), new MapLinks(), (actor, action, account, detail) -> audit.add(actor + " " + action
                    + " " + account + " " + detail),
            new VocService(PromptLoader.shipped(), ThemeLoader.defaults(), portfolio, vocStore, vocStore, vocStore,
                    clock), null);

    private Reply ask(String text) {
        return chat.handle(new ChatRequest(text, CSM, DM));
    }

    private static String text(Reply reply) {
        return ReplyText.of(reply);
    }

    private static List<String> headings(Reply reply) {
        return reply.blocks().stream().filter(ReplyBlock.Heading.class::isInstance)
                .map(b -> ((ReplyBlock.Heading) b).text()).toList();
    }

    @Test
    void healthOfAcmeShowsScoreBandTrendDriversPlaybookOwnerRenewalAndArr() {
        Reply reply = ask("/health acme");

        assertThat(reply.status()).isEqualTo(Reply.Status.ANSWER);
        String text = text(reply);
        assertThat(text).containsPattern("Acme health: \\d+/100, (red|yellow)")
                .contains("Trend: down")
                .contains("ARR: $1.2M")
                .contains("Renewal: " + TODAY.plusDays(60) + " (in 60 days)")
                .contains("Owner: dana.cho@csbot.example")
                .contains("champion Jane Doe (VP Operations) left on")
                .contains("# Playbook: Renewal at risk")
                .contains("As of " + TODAY)
                .contains("[start-playbook:acme|renewal-at-risk]");
    }

    @Test
    void healthWithoutTheSlashAndWithTheCsbotPrefixAnswersToo() {
        assertThat(ask("health globex").title()).startsWith("Globex health");
        assertThat(ask("/csbot health globex").title()).startsWith("Globex health");
    }

    @Test
    void aTypoStillAnswersAndSaysWhichAccountItChose() {
        Reply reply = ask("/health acmee");

        assertThat(reply.status()).isEqualTo(Reply.Status.ANSWER);
        assertThat(text(reply)).contains("Did you mean Acme?").contains("Acme health");
    }

    @Test
    void anUnknownAccountIsNotFoundWithTheNearestNames() {
        Reply reply = ask("/health zzzzzzzz");

        assertThat(reply.status()).isEqualTo(Reply.Status.NOT_FOUND);
        assertThat(text(reply)).contains("No account matches \"zzzzzzzz\"").contains("Nearest:");
    }

    @Test
    void qbrHasTheFiveAgendaSectionsInOrderAndEndsWithTheNextMilestone() {
        Reply reply = ask("/qbr acme");

        assertThat(headings(reply)).containsExactly(QbrAnswer.OUTCOMES, QbrAnswer.VALUE, QbrAnswer.RISKS,
                QbrAnswer.PLAN, QbrAnswer.EXPANSION);
        String text = text(reply);
        assertThat(text).contains("Roll out to the EMEA support team: at-risk")
                .contains("Active users a day:")
                .contains("Stakeholders: Champion Jane Doe (VP Operations) left on")
                .contains("2 tickets opened this quarter; recurring: \"sync\" in 2")
                .contains("Held back until value is proven")
                .contains("Next milestone:").contains("Owner: dana.cho@csbot.example");
    }

    @Test
    void qbrOffersExpansionOnlyWhenValueIsProven() {
        assertThat(text(ask("/qbr globex"))).contains("Value is proven");
    }

    @Test
    void accountContextShowsStakeholdersTicketsFeedbackAndPlan() {
        String text = text(ask("/account acme"));

        assertThat(text).contains("Champion: none in place")
                .contains("Executive sponsor: Tom Berg (COO)")
                .contains("Left: Jane Doe (VP Operations)")
                .contains("Urgent acme-t")
                .contains("NPS 3 on " + TODAY.minusDays(10) + " (detractor)")
                .contains("> Too slow <!channel> since the update")
                .contains("Last QBR:")
                .contains("Open alerts: none");
    }

    @Test
    void risksRanksByArrAtRiskWithTheMainDriver() {
        Reply reply = ask("/risks");

        ReplyBlock.Items items = reply.blocks().stream().filter(ReplyBlock.Items.class::isInstance)
                .map(ReplyBlock.Items.class::cast).findFirst().orElseThrow();
        assertThat(items.items().get(0).text()).startsWith("1. Acme:");
        assertThat(items.items().get(0).detail()).hasValueSatisfying(d -> assertThat(d).startsWith("Main risk:"));
    }

    @Test
    void risksFiltersBySegmentAndCsm() {
        assertThat(text(ask("/risks smb"))).contains("Initech").doesNotContain("Acme:");
        assertThat(text(ask("/risks sam.lee@csbot.example"))).contains("Globex").doesNotContain("Acme:");
        assertThat(text(ask("/risks mine"))).contains("Acme").doesNotContain("1. Globex");
        assertThat(ask("/risks bogus").status()).isEqualTo(Reply.Status.USAGE_ERROR);
    }

    @Test
    void aLongRiskListIsPagedWithButtonsNotCut() {
        for (int i = 0; i < 25; i++) {
            portfolio.add(SignalsBuilder.healthy("extra" + i).name("Extra " + i).arr(10_000 + i));
        }

        Reply first = ask("/risks 25");
        ReplyBlock.Action next = first.blocks().stream().filter(ReplyBlock.Actions.class::isInstance)
                .map(ReplyBlock.Actions.class::cast).flatMap(a -> a.actions().stream()).findFirst().orElseThrow();
        Reply second = chat.press(new ActionPress(next.id(), next.value(), CSM, DM));

        assertThat(text(first)).contains("Showing 1-10 of 25");
        assertThat(next.id()).isEqualTo(ActionIds.RISKS_PAGE);
        assertThat(text(second)).contains("Showing 11-20 of 25").contains("11. ");
    }

    @Test
    void externalCallersAreRefusedWithoutAnyAccountData() {
        Reply reply = chat.handle(new ChatRequest("/health acme", Caller.external("U9", "Guest"), DM));

        assertThat(reply.status()).isEqualTo(Reply.Status.REFUSED);
        assertThat(text(reply)).doesNotContain("Acme").doesNotContain("100");
        assertThat(chat.press(new ActionPress(ActionIds.SHOW_HEALTH, "acme", Caller.external("U9", "Guest"), DM))
                .status()).isEqualTo(Reply.Status.REFUSED);
    }

    @Test
    void internalContentIsNotShownInAConversationSharedWithAnotherOrganisation() {
        Conversation shared = new Conversation(Platform.SLACK, "C-shared", true);

        Reply reply = chat.handle(new ChatRequest("/health acme", CSM, shared));
        Reply link = chat.handle(new ChatRequest("/csbot link acme", CSM, shared));

        assertThat(reply.status()).isEqualTo(Reply.Status.REFUSED);
        assertThat(text(reply)).doesNotContain("Acme");
        assertThat(link.status()).isEqualTo(Reply.Status.REFUSED);
        assertThat(links).isEmpty();
    }

    @Test
    void linkingAChannelLetsCommandsThereLeaveOutTheAccount() {
        Conversation channel = new Conversation(Platform.SLACK, "C-acme", false);

        Reply linked = chat.handle(new ChatRequest("/csbot link acme", CSM, channel));
        Reply health = chat.handle(new ChatRequest("/health", CSM, channel));
        Reply unlinked = chat.handle(new ChatRequest("/csbot unlink", CSM, channel));

        assertThat(linked.title()).isEqualTo("Linked to Acme");
        assertThat(health.title()).startsWith("Acme health");
        assertThat(unlinked.title()).isEqualTo("Unlinked from Acme");
        assertThat(links).isEmpty();
        assertThat(audit).anyMatch(line -> line.contains("channel-linked acme slack:C-acme"));
    }

    @Test
    void aGuessedNameDoesNotLinkAChannel() {
        Reply reply = chat.handle(new ChatRequest("/csbot link acmee", CSM, new Conversation(Platform.SLACK, "C1",
                false)));

        assertThat(reply.status()).isEqualTo(Reply.Status.USAGE_ERROR);
        assertThat(text(reply)).contains("/csbot link acme");
        assertThat(links).isEmpty();
    }

    @Test
    void aPrefixOrAWordOfTheNameNeverLinksAChannel() {
        Conversation channel = new Conversation(Platform.SLACK, "C-guess", false);
        for (String guess : List.of("ac", "acm", "ACM", "glob")) {
            Reply reply = chat.handle(new ChatRequest("/csbot link " + guess, CSM, channel));

            assertThat(reply.status()).as(guess).isEqualTo(Reply.Status.USAGE_ERROR);
            assertThat(text(reply)).as(guess).contains("exact name or id").contains("Did you mean");
        }
        assertThat(links).isEmpty();
        assertThat(audit).noneMatch(line -> line.contains("channel-linked"));

        Reply byName = chat.handle(new ChatRequest("/csbot link ACME", CSM, channel));
        Reply byId = chat.handle(new ChatRequest("/csbot link globex", CSM, new Conversation(Platform.SLACK, "C-g",
                false)));
        assertThat(byName.title()).isEqualTo("Linked to Acme");
        assertThat(byId.title()).isEqualTo("Linked to Globex");
    }

    @Test
    void aCommandOverTheLimitIsRefusedBeforeAnythingElseWithTheLimitNamed() {
        String huge = "/health " + "acme ".repeat(200_000);

        Reply reply = ask(huge);

        assertThat(reply.status()).isEqualTo(Reply.Status.USAGE_ERROR);
        assertThat(reply.title()).isEqualTo("Command too long");
        assertThat(text(reply)).contains("1,000 characters").contains("1,000,008 characters long")
                .doesNotContain("acme acme");
        assertThat(text(reply).length()).isLessThan(400);
        assertThat(chat.readsOnly(huge)).isFalse();
        assertThat(ask("/health " + "x".repeat(ChatService.MAX_COMMAND_CHARS - 8)).title())
                .as("exactly at the limit is read").isNotEqualTo("Command too long");
    }

    @Test
    void whatWasTypedIsQuotedBackShortened() {
        String name = "n".repeat(900);

        Reply unknown = ask("/health " + name);
        Reply verb = ask("/" + "v".repeat(900));

        assertThat(unknown.status()).isEqualTo(Reply.Status.NOT_FOUND);
        assertThat(text(unknown)).doesNotContain("n".repeat(61)).contains("n".repeat(59) + "…");
        assertThat(text(verb)).doesNotContain("v".repeat(61));
    }

    @Test
    void aButtonValueOverTheLimitIsRefused() {
        Reply reply = chat.press(new ActionPress(ActionIds.SHOW_HEALTH, "a".repeat(ChatService.MAX_BUTTON_VALUE_CHARS + 1),
                CSM, DM));

        assertThat(reply.status()).isEqualTo(Reply.Status.USAGE_ERROR);
        assertThat(text(reply)).contains("2000 characters").doesNotContain("aaaa");
    }

    @Test
    void startingAPlaybookIsRecordedAndListsTheFirstSteps() {
        Reply reply = chat.press(new ActionPress(ActionIds.START_PLAYBOOK, "acme|renewal-at-risk", CSM, DM));

        assertThat(reply.title()).isEqualTo("Renewal at risk playbook started: Acme");
        assertThat(text(reply)).contains("1. Refresh the success plan with the customer");
        assertThat(audit).containsExactly("dana.cho@csbot.example playbook-started acme renewal-at-risk");
    }

    @Test
    void showDriversListsEveryMeasureWithItsEvidence() {
        String text = text(chat.press(new ActionPress(ActionIds.SHOW_DRIVERS, "acme", CSM, DM)));

        assertThat(text).contains("License utilization:").contains("Usage trend:").contains("Relationship:");
    }

    @Test
    void bookOfBusinessListsTheCallersAccountsAtRiskFirst() {
        Reply reply = chat.bookOfBusiness(CSM);

        String text = text(reply);
        assertThat(text).contains("Acme:").contains("Initech:").doesNotContain("Globex:");
        assertThat(text.indexOf("Acme:")).isLessThan(text.indexOf("Initech:"));
    }

    @Test
    void onlyReadingCommandsMayBeReplayedForOthers() {
        assertThat(chat.readsOnly("/health acme")).isTrue();
        assertThat(chat.readsOnly("/csbot risks enterprise")).isTrue();
        assertThat(chat.readsOnly("/csbot link acme")).isFalse();
        assertThat(chat.readsOnly("/csbot unlink")).isFalse();
        assertThat(chat.readsOnly("")).isFalse();
    }

    @Test
    void unknownCommandsAndMissingAccountsAreUsageErrorsWithHelp() {
        assertThat(ask("/frobnicate").status()).isEqualTo(Reply.Status.USAGE_ERROR);
        assertThat(text(ask("/health"))).contains("Which account?");
        assertThat(ask("/help").status()).isEqualTo(Reply.Status.ANSWER);
    }

    private final class MapLinks implements ChannelLinks {
        @Override
        public void link(Platform platform, String conversationId, String accountId, String linkedBy) {
            links.put(platform + ":" + conversationId, accountId);
        }

        @Override
        public Optional<String> unlink(Platform platform, String conversationId) {
            return Optional.ofNullable(links.remove(platform + ":" + conversationId));
        }

        @Override
        public Optional<String> accountFor(Platform platform, String conversationId) {
            return Optional.ofNullable(links.get(platform + ":" + conversationId));
        }

        @Override
        public List<String> conversationsOf(Platform platform, String accountId) {
            return List.of();
        }
    }
}
