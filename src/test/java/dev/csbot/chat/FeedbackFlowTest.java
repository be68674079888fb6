package dev.csbot.chat;

import static dev.csbot.support.SignalsBuilder.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.csbot.account.FeedbackKind;
import dev.csbot.health.HealthScorer;
import dev.csbot.health.HealthService;
import dev.csbot.health.ScorecardLoader;
import dev.csbot.support.InMemoryPortfolio;
import dev.csbot.support.InMemoryVoc;
import dev.csbot.support.MutableClock;
import dev.csbot.support.ReplyText;
import dev.csbot.support.SignalsBuilder;
import dev.csbot.voc.FeedbackAnswer;
import dev.csbot.voc.PromptLoader;
import dev.csbot.voc.PromptSends;
import dev.csbot.voc.Recipient;
import dev.csbot.voc.ThemeLoader;
import dev.csbot.voc.VocService;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Voice of the Customer through the core's front door, as the chat adapters drive it: a CSM's commands, the
 * customer's button press and form submission. No Spring, no store.
 */
class FeedbackFlowTest {

    private static final Caller CSM = Caller.internal("U1", "dana.cho@csbot.example", "Dana");
    private static final Conversation CSM_DM = new Conversation(Platform.SLACK, "D1", false);
    private static final Caller PRIYA = Caller.customer("U77", "priya.shah@acme.example", "T-ACME", "Priya");
    private static final Conversation PRIYA_DM = new Conversation(Platform.SLACK, "D77", true);
    private static final Conversation ACME_SHARED = new Conversation(Platform.SLACK, "C9SHARED", true);

    private final MutableClock clock = new MutableClock(TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC));
    private final InMemoryPortfolio portfolio = new InMemoryPortfolio()
            .add(SignalsBuilder.healthy("acme").name("Acme").arr(1_200_000)
                    .feedback(FeedbackKind.NPS, 3, TODAY.minusDays(10), "Exports time out <!channel> *again*"))
            .add(SignalsBuilder.healthy("globex").name("Globex").arr(800_000).csm("sam.lee@csbot.example")
                    .feedback(FeedbackKind.CSAT, 2, TODAY.minusDays(5), "Reports are slow at month end"));
    private final InMemoryVoc store = new InMemoryVoc(portfolio);
    private final List<String> audit = new ArrayList<>();
    private final ChatService chat = new ChatService(portfolio,
            new HealthService(portfolio, new HealthScorer(ScorecardLoader.defaults()), clock), accountId -> List.of(),
            new NoLinks(), (actor, action, account, detail) -> audit.add(action + " " + account + " " + detail),
            new VocService(PromptLoader.shipped(), ThemeLoader.defaults(), portfolio, store, store, store, clock), null);

    private Reply ask(String text) {
        return chat.handle(new ChatRequest(text, CSM, CSM_DM));
    }

    private String lastToken() {
        return store.sends.get(store.sends.size() - 1).token();
    }

    private FormOutcome submit(Caller who, Conversation where, String token, Map<String, String> inputs) {
        return chat.submit(new FormSubmission(FormIds.FEEDBACK_ANSWER, token, inputs, who, where));
    }

    private static String refusal(FormOutcome outcome) {
        assertThat(outcome).isInstanceOf(FormOutcome.Refused.class);
        return ReplyText.of(((FormOutcome.Refused) outcome).reply());
    }

    // ---- sending ---------------------------------------------------------------------------------------

    @Test
    void npsGoesToEveryActiveContactEachWithAnUnguessableTokenStoredOnlyHashed() {
        Reply reply = ask("/feedback send nps acme");

        assertThat(reply.status()).isEqualTo(Reply.Status.ANSWER);
        assertThat(ReplyText.of(reply)).startsWith("NPS prompt queued for Acme")
                .contains("Queued for delivery to 2 recipients at Acme:")
                .contains("* Priya Shah (priya.shah@acme.example)").contains("* Tom Berg (tom.berg@acme.example)")
                .contains("one reminder after 3 days");
        assertThat(store.sends).hasSize(2);
        PromptSends.QueuedSend first = store.sends.get(0);
        assertThat(first.token()).hasSizeGreaterThanOrEqualTo(22).matches("[A-Za-z0-9_-]+");
        assertThat(first.token()).isNotEqualTo(store.sends.get(1).token());
        assertThat(first.send().tokenHash()).hasSize(64).doesNotContain(first.token());
        assertThat(audit).anyMatch(a -> a.startsWith("feedback-prompt-queued acme nps to contact:priya.shah@"));
    }

    @Test
    void theCustomerMessageIsThePromptsWordsAndAButtonCarryingTheTokenAndNothingInternal() {
        ask("/feedback send nps acme");
        String token = lastToken();

        Reply message = PromptMessages.prompt(PromptLoader.shipped().find("nps").orElseThrow(), token);

        String text = ReplyText.of(message);
        assertThat(text).contains("How likely are you to recommend us to a friend or colleague?")
                .contains("[" + ActionIds.FEEDBACK_OPEN + ":" + token + "]")
                .doesNotContain("Acme").doesNotContain("1.2M").doesNotContain("/100").doesNotContain("health");
    }

    @Test
    void theReminderAndTheLoopClosingUpdateCarryOnlyThePromptsWordsTheTokenAndTheCsmsMessage() {
        ask("/feedback send nps acme priya.shah@acme.example");
        String token = lastToken();

        String reminder = ReplyText.of(PromptMessages.reminder(PromptLoader.shipped().find("nps").orElseThrow(), token));
        assertThat(reminder).contains("A gentle reminder").contains("How likely are you to recommend us")
                .contains("[" + ActionIds.FEEDBACK_OPEN + ":" + token + "]").doesNotContain("Acme");

        ask("/voc set reporting shipped \"Scheduled exports are live.\"");
        String update = ReplyText.of(PromptMessages.loopClosing(store.messages.get(0)));
        assertThat(update).startsWith("An update on your feedback\nAn update on the feedback you gave us on")
                .endsWith("it has shipped. Scheduled exports are live.").doesNotContain("ARR").doesNotContain("Globex")
                .doesNotContain("someone@");
    }

    @Test
    void aSecondPromptWithinTheThrottleIsHeldBackAndTheCsmIsToldWhy() {
        ask("/feedback send nps acme priya.shah@acme.example");
        clock.advance(Duration.ofDays(5));

        Reply reply = ask("/feedback send csat acme priya.shah@acme.example");

        assertThat(store.sends).hasSize(1);
        assertThat(ReplyText.of(reply)).startsWith("CSAT prompt held back for Acme")
                .contains("! Held back for 1 recipient, so nobody is asked too often:")
                .contains("* Priya Shah (priya.shah@acme.example) | got the nps prompt on 2026-11-23; at most one"
                        + " prompt per 14 days, so not before 2026-12-07");
        clock.advance(Duration.ofDays(10));
        assertThat(ReplyText.of(ask("/feedback send csat acme priya.shah@acme.example"))).startsWith("CSAT prompt queued");
    }

    @Test
    void slackMentionsOfAUserOrAChannelAreTheTarget() {
        ask("/feedback send ces acme <@U0ABC123|priya>");
        ask("/feedback send product-request acme <#C9SHARED|acme-shared>");

        assertThat(store.sends.get(0).send().recipient()).isEqualTo(new Recipient.ChatUserRecipient("slack", "U0ABC123",
                "priya"));
        assertThat(store.sends.get(1).send().recipient()).isEqualTo(new Recipient.ChannelRecipient("slack", "C9SHARED",
                "acme-shared"));
        assertThat(ReplyText.of(ask("/feedback send nps acme <@U0ZZZ999>"))).contains("* user U0ZZZ999");
        assertThat(ReplyText.of(ask("/feedback send nps acme <mailto:tom.berg@acme.example|tom.berg@acme.example>")))
                .contains("* Tom Berg (tom.berg@acme.example)");
    }

    @Test
    void anUnknownPromptContactOrTargetIsAUsageErrorThatSaysWhatToDo() {
        assertThat(ReplyText.of(ask("/feedback send pulse acme"))).contains("There is no prompt \"pulse\". Prompts: nps,"
                + " csat, ces, onboarding-checkin, product-request.");
        Reply notAContact = ask("/feedback send nps acme jane@elsewhere.example");
        assertThat(notAContact.status()).isEqualTo(Reply.Status.NOT_FOUND);
        assertThat(ReplyText.of(notAContact)).contains("jane@elsewhere.example is not an active contact of Acme");
        assertThat(ReplyText.of(ask("/feedback send nps acme @priya"))).contains("\"@priya\" is not a contact or a"
                + " channel csbot can address");
        assertThat(ask("/feedback send nps").status()).isEqualTo(Reply.Status.USAGE_ERROR);
        assertThat(ReplyText.of(ask("/feedback send nps acmee"))).contains("Did you mean Acme?");
        assertThat(ask("/feedback send nps " + "x".repeat(400)).status()).isEqualTo(Reply.Status.USAGE_ERROR);
        assertThat(store.sends).isEmpty();
    }

    // ---- answering -------------------------------------------------------------------------------------

    @Test
    void theAddressedContactOpensTheFormScoresAndIsAskedTheDetractorsQuestionNext() {
        ask("/feedback send nps acme priya.shah@acme.example");
        String token = lastToken();

        Reply opened = chat.press(new ActionPress(ActionIds.FEEDBACK_OPEN, token, PRIYA, PRIYA_DM));
        ReplyBlock.Form form = (ReplyBlock.Form) opened.blocks().get(0);
        assertThat(form.id()).isEqualTo(FormIds.FEEDBACK_ANSWER);
        assertThat(form.token()).isEqualTo(token);
        assertThat(form.fields()).extracting(ReplyBlock.FormField::id).containsExactly("score");
        assertThat(form.fields().get(0).scaleLabels()).contains(new ReplyBlock.ScaleLabel(0, "Not at all likely"));

        FormOutcome scored = submit(PRIYA, PRIYA_DM, token, Map.of("score", "3"));

        ReplyBlock.Form next = ((FormOutcome.Accepted) scored).next().orElseThrow();
        assertThat(next.fields()).extracting(ReplyBlock.FormField::label)
                .containsExactly("What is the one thing we should change first?");
        FormOutcome commented = submit(PRIYA, PRIYA_DM, token, Map.of("comment", "Exports time out"));
        FormOutcome.Accepted done = (FormOutcome.Accepted) commented;
        assertThat(done.next()).isEmpty();
        assertThat(ReplyText.of(done.reply())).isEqualTo("Thanks, recorded\nThanks, recorded. Your answer goes straight"
                + " to the team that looks after your account.");
        FeedbackAnswer answer = store.answers.values().iterator().next();
        assertThat(store.answers).hasSize(1);
        assertThat(answer.score()).hasValue(3);
        assertThat(answer.comment()).contains("Exports time out");
        assertThat(answer.contactEmail()).contains("priya.shah@acme.example");
        assertThat(answer.needsFollowUp()).isTrue();
    }

    @Test
    void aPromoterIsAskedWhatTheyValueAndAPassiveTheMainReason() {
        ask("/feedback send nps acme");
        String priyas = store.sends.get(0).token();

        FormOutcome promoter = submit(PRIYA, PRIYA_DM, priyas, Map.of("score", "10"));

        assertThat(((FormOutcome.Accepted) promoter).next().orElseThrow().fields().get(0).label())
                .isEqualTo("What do you value most about working with us?");
        FormOutcome passive = submit(PRIYA, PRIYA_DM, priyas, Map.of("score", "8"));
        assertThat(((FormOutcome.Accepted) passive).next().orElseThrow().fields().get(0).label())
                .isEqualTo("What is the main reason for your score?");
        assertThat(store.answers.values().iterator().next().needsFollowUp()).isFalse();
    }

    @Test
    void aSecondSubmitWithinTheWindowEditsTheFirstAndAfterItIsRefused() {
        ask("/feedback send nps acme priya.shah@acme.example");
        String token = lastToken();
        submit(PRIYA, PRIYA_DM, token, Map.of("score", "3"));
        clock.advance(Duration.ofHours(2));

        submit(PRIYA, PRIYA_DM, token, Map.of("score", "9", "comment", "Actually, it is great"));

        assertThat(store.answers).hasSize(1);
        FeedbackAnswer edited = store.answers.values().iterator().next();
        assertThat(edited.score()).hasValue(9);
        assertThat(edited.comment()).contains("Actually, it is great");
        assertThat(edited.answeredAt()).isEqualTo(TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC));
        clock.advance(Duration.ofHours(23));
        assertThat(refusal(submit(PRIYA, PRIYA_DM, token, Map.of("score", "1")))).contains(PromptMessages.NOT_OPEN);
        assertThat(store.answers.values().iterator().next().score()).hasValue(9);
    }

    @Test
    void outOfRangeOrMissingScoresComeBackAsFieldErrorsAndStoreNothing() {
        ask("/feedback send nps acme priya.shah@acme.example");
        String token = lastToken();

        for (String bad : List.of("11", "-1", "", "seven", "3.5", "1".repeat(5000))) {
            FormOutcome outcome = submit(PRIYA, PRIYA_DM, token, Map.of("score", bad));
            assertThat(outcome).as(bad).isEqualTo(new FormOutcome.Invalid(Map.of("score", "Pick a score from 0 to 10.")));
        }
        assertThat(submit(PRIYA, PRIYA_DM, token, Map.of())).isInstanceOf(FormOutcome.Invalid.class);
        FormOutcome tooLong = submit(PRIYA, PRIYA_DM, token, Map.of("score", "5", "comment", "x".repeat(2001)));
        assertThat(((FormOutcome.Invalid) tooLong).fieldErrors()).containsEntry("comment",
                "Please keep it to 2,000 characters (this is 2,001).");
        assertThat(store.answers).isEmpty();
    }

    @Test
    void aProductRequestNeedsItsTextAndHasNoScore() {
        ask("/feedback send product-request acme priya.shah@acme.example");
        String token = lastToken();

        assertThat(submit(PRIYA, PRIYA_DM, token, Map.of("comment", "  "))).isEqualTo(new FormOutcome.Invalid(
                Map.of("comment", "Please write your answer.")));
        FormOutcome ok = submit(PRIYA, PRIYA_DM, token, Map.of("comment", "A bulk edit for tickets, please"));

        assertThat(((FormOutcome.Accepted) ok).next()).isEmpty();
        assertThat(store.answers.values().iterator().next().score()).isEmpty();
    }

    @Test
    void aForgedExpiredForeignOrInternalAttemptGetsOneRefusalThatRevealsNothing() {
        ask("/feedback send nps acme priya.shah@acme.example");
        String token = lastToken();
        Caller stranger = Caller.customer("U88", "eve@globex.example", "T-GLOBEX", "Eve");
        Caller csmPressing = Caller.internal("U1", "dana.cho@csbot.example", "Dana");

        List<String> refusals = new ArrayList<>();
        refusals.add(refusal(submit(PRIYA, PRIYA_DM, "A".repeat(22), Map.of("score", "9"))));
        refusals.add(refusal(submit(PRIYA, PRIYA_DM, "<script>", Map.of("score", "9"))));
        refusals.add(refusal(submit(stranger, PRIYA_DM, token, Map.of("score", "9"))));
        refusals.add(refusal(submit(csmPressing, PRIYA_DM, token, Map.of("score", "9"))));
        refusals.add(refusal(chat.submit(new FormSubmission("other-form", token, Map.of("score", "9"), PRIYA,
                PRIYA_DM))));
        refusals.add(ReplyText.of(chat.press(new ActionPress(ActionIds.FEEDBACK_OPEN, "A".repeat(22), PRIYA,
                PRIYA_DM))));
        clock.advance(Duration.ofDays(14));
        refusals.add(refusal(submit(PRIYA, PRIYA_DM, token, Map.of("score", "9"))));

        assertThat(refusals).allMatch(r -> r.equals(refusals.get(0)));
        assertThat(refusals.get(0)).contains(PromptMessages.NOT_OPEN).doesNotContain("Acme").doesNotContain("nps");
        assertThat(store.answers).isEmpty();
    }

    @Test
    void aCustomerMayDoNothingElseAndLearnsNothing() {
        assertThat(chat.handle(new ChatRequest("/feedback acme", PRIYA, PRIYA_DM)).status())
                .isEqualTo(Reply.Status.REFUSED);
        assertThat(chat.handle(new ChatRequest("/feedback send nps acme", PRIYA, PRIYA_DM)).status())
                .isEqualTo(Reply.Status.REFUSED);
        assertThat(chat.handle(new ChatRequest("/voc", PRIYA, PRIYA_DM)).status()).isEqualTo(Reply.Status.REFUSED);
        assertThat(chat.press(new ActionPress(ActionIds.SHOW_HEALTH, "acme", PRIYA, PRIYA_DM)).status())
                .isEqualTo(Reply.Status.REFUSED);
        assertThat(store.sends).isEmpty();
    }

    @Test
    void inAChannelPromptOnlyPeopleOfTheCustomersOrganisationInThatChannelAnswerEachOnce() {
        ask("/feedback send nps acme <#C9SHARED|acme-shared>");
        String token = lastToken();
        Caller li = Caller.customer("U78", "li.wei@acme.example", "T-ACME", "Li");
        Caller outsider = Caller.customer("U90", "sam@gmail.com", "T-OTHER", "Sam");
        Caller noEmail = Caller.customer("U91", null, "T-ACME", "Anon");

        assertThat(submit(PRIYA, ACME_SHARED, token, Map.of("score", "9"))).isInstanceOf(FormOutcome.Accepted.class);
        assertThat(submit(li, ACME_SHARED, token, Map.of("score", "4"))).isInstanceOf(FormOutcome.Accepted.class);
        assertThat(submit(li, new Conversation(Platform.SLACK, "C-OTHER", true), token, Map.of("score", "4")))
                .isInstanceOf(FormOutcome.Refused.class);
        assertThat(submit(outsider, ACME_SHARED, token, Map.of("score", "0"))).isInstanceOf(FormOutcome.Refused.class);
        assertThat(submit(noEmail, ACME_SHARED, token, Map.of("score", "0"))).isInstanceOf(FormOutcome.Refused.class);
        assertThat(submit(PRIYA, new Conversation(Platform.TEAMS, "C9SHARED", true), token, Map.of("score", "1")))
                .isInstanceOf(FormOutcome.Refused.class);
        assertThat(store.answers.values()).extracting(a -> a.score().getAsInt()).containsExactlyInAnyOrder(9, 4);
    }

    @Test
    void anonymityIsOfferedInAChannelAndAnAnonymousAnswerNeverShowsWhoGaveIt() {
        ask("/feedback send nps acme <#C9SHARED|acme-shared>");
        String token = lastToken();
        ReplyBlock.Form form = (ReplyBlock.Form) chat.press(new ActionPress(ActionIds.FEEDBACK_OPEN, token, PRIYA,
                ACME_SHARED)).blocks().get(0);
        assertThat(form.fields()).extracting(ReplyBlock.FormField::kind).containsExactly(ReplyBlock.FieldKind.SCALE,
                ReplyBlock.FieldKind.CHECKBOX);
        assertThat(ReplyText.of(ask("/voc reporting"))).doesNotContain("The dashboards crash every Monday");

        submit(PRIYA, ACME_SHARED, token, Map.of("score", "2", "anonymous", "true"));
        submit(PRIYA, ACME_SHARED, token, Map.of("comment", "The dashboards crash every Monday"));

        FeedbackAnswer answer = store.answers.values().iterator().next();
        assertThat(answer.anonymous()).isTrue();
        assertThat(answer.contactEmail()).isEmpty();
        assertThat(answer.responseKey()).startsWith("anonymous-").doesNotContain("priya");
        assertThat(answer.score()).hasValue(2);
        String summary = ReplyText.of(ask("/feedback acme"));
        assertThat(summary).contains("> The dashboards crash every Monday -- NPS 2 · anonymous · 2026-11-23")
                .doesNotContain("priya");
        assertThat(ReplyText.of(ask("/voc reporting"))).contains("The dashboards crash every Monday")
                .doesNotContain("priya");
    }

    @Test
    void anonymityIsNotOfferedToAPersonTheCsmPickedAndATickedBoxIsIgnored() {
        ask("/feedback send nps acme priya.shah@acme.example");
        String token = lastToken();

        submit(PRIYA, PRIYA_DM, token, Map.of("score", "7", "anonymous", "true"));

        assertThat(store.answers.values().iterator().next().anonymous()).isFalse();
    }

    // ---- summaries and the loop --------------------------------------------------------------------------

    @Test
    void feedbackForAnAccountShowsScoresWithTrendResponseRateCommentsAndThemes() {
        ask("/feedback send nps acme");
        submit(PRIYA, PRIYA_DM, store.sends.get(0).token(), Map.of("score", "10"));

        String text = ReplyText.of(ask("/feedback acme"));

        // Imported: NPS 9 (40 days ago) and NPS 3 (10 days ago); in chat: NPS 10 today. 2 promoters, 1 detractor.
        assertThat(text).startsWith("Feedback: Acme")
                .contains("NPS: +33 from 3 answers, none the 90 days before")
                .contains("CSAT: no answers in the last 90 days")
                .contains("Prompts answered (90 days): 1 of 2 (50%)")
                .contains("> Exports time out <!channel> *again* -- NPS 3 · someone@acme.example · 2026-11-13 ·"
                        + " Reports, dashboards and exports · fb-")
                .contains("# Themes")
                .contains("* Reports, dashboards and exports: 1 comment (1 negative) | theme reporting · new");
    }

    @Test
    void vocRanksThemesByArrAffectedWithExamplesAndCountsClosureFromTheLoop() {
        String before = ReplyText.of(ask("/voc"));
        assertThat(before).startsWith("Voice of the Customer: the portfolio")
                .contains("Loop closed: 0 of 4 items (0%)").contains("Not matched to a theme: 2")
                .contains("# 1. Reports, dashboards and exports")
                .contains("* $2M ARR affected · 2 comments from 2 accounts");
        assertThat(before.indexOf("Reports, dashboards")).isLessThan(before.indexOf("Speed and performance"));

        Reply moved = ask("/voc set reporting planned \"Scheduled exports are planned for March.\"");

        assertThat(ReplyText.of(moved)).contains("2 loop-closing messages queued");
        assertThat(store.messages).extracting(m -> m.accountId()).containsExactlyInAnyOrder("acme", "globex");
        assertThat(store.messages.get(0).text()).startsWith("An update on the feedback you gave us on ")
                .contains("about Reports, dashboards and exports: it is now planned. Scheduled exports are planned for"
                        + " March.");
        assertThat(audit).anyMatch(a -> a.startsWith("voc-planned null theme reporting: new -> planned"));
        // Closed 10 and 5 days after they were raised.
        assertThat(ReplyText.of(ask("/voc"))).contains("Loop closed: 2 of 4 items (50%)")
                .contains("Median days to close: 7.5");
        assertThat(ReplyText.of(ask("/voc enterprise"))).startsWith("Voice of the Customer: enterprise accounts");
    }

    @Test
    void aThemesExamplesNeverRepeatTheSameWords() {
        InMemoryPortfolio alike = new InMemoryPortfolio()
                .add(SignalsBuilder.healthy("acme").name("Acme").arr(1_200_000)
                        .feedback(FeedbackKind.CSAT, 2, TODAY.minusDays(3), "Reports are slow at month end"))
                .add(SignalsBuilder.healthy("globex").name("Globex").arr(800_000)
                        .feedback(FeedbackKind.CSAT, 2, TODAY.minusDays(4), "Reports are  slow at month end "))
                .add(SignalsBuilder.healthy("initech").name("Initech").arr(90_000)
                        .feedback(FeedbackKind.CSAT, 1, TODAY.minusDays(9), "Exports time out every Monday"));
        InMemoryVoc alikeStore = new InMemoryVoc(alike);
        ChatService alikeChat = new ChatService(alike, new HealthService(alike,
                new HealthScorer(ScorecardLoader.defaults()), clock), accountId -> List.of(), new NoLinks(),
                (actor, action, account, detail) -> {}, new VocService(PromptLoader.shipped(), ThemeLoader.defaults(),
                alike, alikeStore, alikeStore, alikeStore, clock), null);

        String voc = ReplyText.of(alikeChat.handle(new ChatRequest("/voc", CSM, CSM_DM)));

        String reporting = voc.substring(voc.indexOf("# 1. Reports, dashboards and exports"), voc.indexOf("# 2."));
        assertThat(reporting).contains("3 comments from 3 accounts").contains("Reports are slow at month end -- Acme")
                .contains("Exports time out every Monday -- Initech").doesNotContain("Globex");
    }

    @Test
    void settingAStageTwiceTellsNobodyTwiceAndShippedIsFinal() {
        ask("/voc set reporting planned \"Planned for March\"");
        assertThat(ask("/voc set reporting planned \"again\"").status()).isEqualTo(Reply.Status.USAGE_ERROR);
        ask("/voc set reporting shipped \"Out now\"");

        Reply again = ask("/voc set reporting declined \"no\"");

        assertThat(ReplyText.of(again)).contains("Reports, dashboards and exports is shipped; shipped and declined are"
                + " final.");
        assertThat(store.messages).hasSize(4);
        assertThat(ReplyText.of(ask("/voc set reporting shipped"))).contains("Say what customers should hear");
    }

    @Test
    void anItemIsClosedBackToTheOneCustomerInTheConversationWhereTheyGaveIt() {
        ask("/feedback send product-request acme <#C9SHARED|acme-shared>");
        submit(PRIYA, ACME_SHARED, lastToken(), Map.of("comment", "Please add a mobile app", "anonymous", "true"));
        String itemId = store.answers.values().stream().findFirst().map(a -> new dev.csbot.voc.FeedbackRecord(
                a.accountId(), a.answeredOn(), a.kind(), a.score(), a.comment(), a.contactEmail(), a.anonymous(),
                Optional.of(a.id()), Optional.of(a.place())).itemId()).orElseThrow();
        assertThat(ReplyText.of(ask("/feedback acme"))).contains(itemId);

        ask("/voc set " + itemId + " acknowledged");
        Reply shipped = ask("/voc set " + itemId + " shipped “The iOS app is out.”");

        assertThat(ReplyText.of(shipped)).contains("1 loop-closing message queued");
        assertThat(store.messages).hasSize(1);
        assertThat(store.messages.get(0).place()).contains(new dev.csbot.voc.ChatPlace("slack", "C9SHARED"));
        assertThat(store.messages.get(0).contactEmail()).isEmpty();
        assertThat(store.messages.get(0).customerKey()).startsWith("answer:").doesNotContain("priya");
        assertThat(store.messages.get(0).text()).endsWith("it has shipped. The iOS app is out.");
        assertThat(ReplyText.of(ask("/voc set fb-000000000000 planned \"x\""))).contains("There is no feedback item");
    }

    @Test
    void vocTellsWhatItTakes() {
        assertThat(ReplyText.of(ask("/voc frobnicate"))).contains("is not a segment or a theme. Themes: performance,");
        assertThat(ReplyText.of(ask("/voc set reporting done \"x\""))).contains("\"done\" is not a stage");
        assertThat(ReplyText.of(ask("/voc set nothing planned \"x\""))).contains("There is no theme \"nothing\"");
        assertThat(ReplyText.of(ask("/voc set reporting planned \"" + "x".repeat(501) + "\"")))
                .contains("keep it to 500");
    }

    // ---- phase 2: where prompts go, answering in a direct message, loop buttons ------------------------

    @Test
    void aSendFromTheCommandLineGoesToTheContactOnTheDefaultPlatformAndAChannelSendToTheChannel() {
        chat.handle(new ChatRequest("/feedback send nps acme priya.shah@acme.example", CSM, Conversation.cli()));
        ask("/feedback send product-request acme <#C9SHARED|acme-shared>");

        assertThat(dev.csbot.voc.Destination.of(store.sends.get(0).send())).isEqualTo(new dev.csbot.voc.Destination(
                "slack", dev.csbot.voc.Destination.Kind.PERSON, "priya.shah@acme.example"));
        assertThat(dev.csbot.voc.Destination.of(store.sends.get(1).send())).isEqualTo(new dev.csbot.voc.Destination(
                "slack", dev.csbot.voc.Destination.Kind.CONVERSATION, "C9SHARED"));
    }

    @Test
    void aContactWithoutAVisibleEmailMayAnswerOnlyInTheDirectMessageTheirPromptWasDeliveredTo() {
        ask("/feedback send csat acme priya.shah@acme.example");
        String token = lastToken();
        Caller hidden = Caller.customer("U77", null, "T-ACME", "Priya");

        FormOutcome elsewhere = submit(hidden, PRIYA_DM, token, Map.of("score", "4"));
        store.delivered.put(store.sends.get(0).send().id(), List.of(new dev.csbot.voc.ChatPlace("slack", "D77")));
        FormOutcome inTheirDm = submit(hidden, PRIYA_DM, token, Map.of("score", "4"));

        assertThat(elsewhere).isInstanceOf(FormOutcome.Refused.class);
        assertThat(inTheirDm).isInstanceOf(FormOutcome.Accepted.class);
        assertThat(store.answers.values()).extracting(FeedbackAnswer::contactEmail)
                .containsExactly(Optional.of("priya.shah@acme.example"));
    }

    @Test
    void aStageButtonOnAnItemAcknowledgesAtOnceOrAsksForTheMessageCustomersWillRead() {
        ask("/feedback send nps acme priya.shah@acme.example");
        String token = lastToken();
        submit(PRIYA, PRIYA_DM, token, Map.of("score", "4", "comment", "Exports time out"));
        Reply summary = ask("/feedback acme");
        ReplyBlock.Action ship = summary.blocks().stream().filter(b -> b instanceof ReplyBlock.Actions)
                .flatMap(b -> ((ReplyBlock.Actions) b).actions().stream())
                .filter(a -> a.id().equals(ActionIds.VOC_SHIPPED)).findFirst().orElseThrow();
        String item = ship.value();
        assertThat(item).startsWith("item:fb-");

        Reply acknowledged = chat.press(new ActionPress(ActionIds.VOC_ACKNOWLEDGE, item, CSM, CSM_DM));
        Reply asks = chat.press(new ActionPress(ActionIds.VOC_SHIPPED, item, CSM, CSM_DM));
        ReplyBlock.Form form = (ReplyBlock.Form) asks.blocks().get(0);
        FormOutcome empty = chat.submit(new FormSubmission(form.id(), form.token(), Map.of("message", " "), CSM, CSM_DM));
        FormOutcome byACustomer = chat.submit(new FormSubmission(form.id(), form.token(), Map.of("message", "Hi"),
                PRIYA, PRIYA_DM));
        FormOutcome told = chat.submit(new FormSubmission(form.id(), form.token(),
                Map.of("message", "Exports are fast now."), CSM, CSM_DM));

        assertThat(ReplyText.of(acknowledged)).contains("moved from new to acknowledged");
        assertThat(form.id()).isEqualTo(FormIds.LOOP_MESSAGE);
        assertThat(form.fields()).extracting(ReplyBlock.FormField::id).containsExactly("message");
        assertThat(empty).isEqualTo(new FormOutcome.Invalid(Map.of("message", "Say what the customers should hear.")));
        assertThat(byACustomer).isInstanceOf(FormOutcome.Refused.class);
        assertThat(ReplyText.of(((FormOutcome.Accepted) told).reply())).contains("moved from acknowledged to shipped",
                "1 loop-closing message queued");
        assertThat(store.messages).extracting(dev.csbot.voc.LoopMessage::text)
                .containsExactly(store.messages.get(0).text());
        assertThat(store.messages.get(0).text()).endsWith("it has shipped. Exports are fast now.");
        assertThat(store.messages.get(0).destination()).isEqualTo(new dev.csbot.voc.Destination("slack",
                dev.csbot.voc.Destination.Kind.CONVERSATION, "D77"));
        assertThat(audit).anyMatch(a -> a.startsWith("voc-shipped acme item fb-"));
        FormOutcome finalAlready = chat.submit(new FormSubmission(form.id(), form.token(),
                Map.of("message", "Again"), CSM, CSM_DM));
        assertThat(((FormOutcome.Invalid) finalAlready).fieldErrors().get("message")).contains("shipped and declined are final");
    }

    private static final class NoLinks implements ChannelLinks {
        private final Map<String, String> links = new HashMap<>();

        @Override
        public void link(Platform platform, String conversationId, String accountId, String linkedBy) {
            links.put(conversationId, accountId);
        }

        @Override
        public Optional<String> unlink(Platform platform, String conversationId) {
            return Optional.ofNullable(links.remove(conversationId));
        }

        @Override
        public Optional<String> accountFor(Platform platform, String conversationId) {
            return Optional.ofNullable(links.get(conversationId));
        }

        @Override
        public List<String> conversationsOf(Platform platform, String accountId) {
            return List.of();
        }
    }
}
