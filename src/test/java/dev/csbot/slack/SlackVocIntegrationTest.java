package dev.csbot.slack;

import static dev.csbot.slack.SlackAlertFake.POSTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.csbot.OutboxDeliveries;
import dev.csbot.chat.ActionIds;
import dev.csbot.chat.ChannelLinks;
import dev.csbot.chat.Platform;
import dev.csbot.support.IntegrationTest;
import dev.csbot.support.RecordingHttpServer.Recorded;
import dev.csbot.voc.VocItems;
import dev.csbot.voc.VocService;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Voice of the Customer through Slack's real doors: a CSM's signed slash commands, the prompt posted by the outbox
 * into the customer's Slack Connect channel or direct message (the local fake Web API), the customer's press
 * opening a modal, their signed view submissions, the detractor alert with its Followed up button, and the
 * loop-closing updates going back where the feedback was given.
 */
class SlackVocIntegrationTest extends IntegrationTest {

    private static final String CSM_EMAIL = "voc.csm@csbot.example";
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @Autowired
    Jdbi jdbi;

    @Autowired
    dev.csbot.account.AccountRepository accountRepository;

    @Autowired
    ChannelLinks links;

    @Autowired
    VocService voc;

    @Autowired
    OutboxDeliveries deliveries;

    @Autowired
    Clock clock;

    @Autowired
    dev.csbot.health.HealthService health;

    @Autowired
    List<dev.csbot.alerts.ConversationMessenger> messengers;

    private SlackRequests slack;
    private String account;
    private String domain;
    private String channel;

    @BeforeEach
    void workspaceAndAccount() {
        SlackVocFake.install(CSM_EMAIL, SlackTestPortfolio.acme(accountRepository).csmEmail());
        slack = new SlackRequests(baseUrl(), SLACK_SIGNING_SECRET);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        account = "voc-it-" + suffix;
        domain = "vela-" + suffix + ".example";
        channel = "C0V" + suffix.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "0");
        LocalDate today = LocalDate.parse(TODAY);
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO accounts (account_id, name, segment, arr, seats_purchased, contract_start,"
                            + " renewal_date, csm_email, lifecycle_stage) VALUES (:id, :name, 'enterprise', 640000, 120,"
                            + " :start, :renewal, :csm, 'adoption')")
                    .bind("id", account).bind("name", "Vela " + suffix).bind("start", today.minusYears(1).toString())
                    .bind("renewal", today.plusDays(300).toString()).bind("csm", CSM_EMAIL).execute();
            for (String contact : List.of("pat", "lee", "kim")) {
                h.createUpdate("INSERT INTO contacts (contact_id, account_id, name, email, title, is_champion,"
                                + " is_exec_sponsor) VALUES (:id, :account, :name, :email, 'Ops', :champion, 0)")
                        .bind("id", account + "-" + contact).bind("account", account).bind("name", "Customer " + contact)
                        .bind("email", contact + "@" + domain).bind("champion", contact.equals("pat") ? 1 : 0).execute();
            }
            // Written around the importer: marked as every writer marks a write, with nobody told (no alerts yet).
            h.configure(dev.csbot.store.PortfolioListeners.class, quiet -> quiet.tellEach(List::of));
            dev.csbot.store.PortfolioChangeLog.record(h, Set.of(account));
        });
        // Only the health service hears of it, so the CSM's commands find the account by its id at once.
        health.portfolioChanged(new dev.csbot.account.PortfolioChanged(Set.of(account), false));
    }

    // ---- sending and answering ------------------------------------------------------------------------

    @Test
    void aPromptReachesTheCustomersSharedChannelAndTheirAnswerGoesThroughTheModalInTwoSteps() {
        String pat = SlackVocFake.customer("pat@" + domain);
        String reply = slashCommand("/feedback", "send nps " + account + " <#" + channel + "|vela-shared>");
        assertThat(reply).contains("NPS prompt queued for Vela", "#vela-shared");

        SlackAlertFake.Post post = promptPost();
        // Customer content: into the channel shared with the customer, with nothing internal and no mention.
        assertThat(post.channel()).isEqualTo(channel);
        assertThat(post.blocks()).contains("How likely are you to recommend us", ActionIds.FEEDBACK_OPEN)
                .doesNotContain("Owner:", "<@", "640", "ARR", "health", "Vela");
        SlackSchema.assertValidBlocks(post.blocks());
        SlackLimits.assertMessageWithinLimits("{\"text\":\"x\",\"blocks\":" + post.blocks() + "}");
        String token = buttonValue(post.blocks(), ActionIds.FEEDBACK_OPEN);

        JsonObject modal = pressAnswer(pat, post);
        assertThat(modal.get("callback_id").getAsString()).isEqualTo(SlackBlockKitRenderer.FORM_CALLBACK);
        assertThat(modal.get("private_metadata").getAsString()).contains(token, channel);
        JsonObject score = block(modal, "score");
        assertThat(score.getAsJsonObject("element").get("type").getAsString()).isEqualTo("static_select");
        assertThat(score.getAsJsonObject("element").getAsJsonArray("options")).hasSize(11);
        assertThat(modal.toString()).contains("0 - Not at all likely", "10 - Extremely likely");
        assertThat(block(modal, "anonymous").getAsJsonObject("element").get("type").getAsString())
                .isEqualTo("checkboxes");

        JsonObject followUp = submit(pat, modal, Map.of("score", "3"));
        assertThat(followUp.get("response_action").getAsString()).isEqualTo("update");
        JsonObject next = followUp.getAsJsonObject("view");
        SlackSchema.assertValidModal(next.toString());
        assertThat(block(next, "comment").getAsJsonObject("label").get("text").getAsString())
                .isEqualTo("What is the one thing we should change first?");

        JsonObject thanks = submit(pat, next, Map.of("comment", "Exports time out <!channel> *again*"));
        assertThat(thanks.get("response_action").getAsString()).isEqualTo("update");
        assertThat(thanks.getAsJsonObject("view").getAsJsonObject("title").get("text").getAsString())
                .isEqualTo("Thanks, recorded");
        assertThat(thanks.toString()).contains("Your answer goes straight to the team").doesNotContain("Exports time out");
        SlackSchema.assertValidModal(thanks.getAsJsonObject("view").toString());

        Map<String, Object> answer = answerOf(account);
        assertThat(answer).containsEntry("score", 3).containsEntry("comment", "Exports time out <!channel> *again*")
                .containsEntry("contact_email", "pat@" + domain).containsEntry("anonymous", 0)
                .containsEntry("conversation_id", channel);
    }

    @Test
    void aSecondSubmitWithinTheWindowEditsTheAnswerAndASecondPromptIsHeldBack() {
        String pat = SlackVocFake.customer("pat@" + domain);
        slashCommand("/feedback", "send nps " + account + " <#" + channel + "|vela-shared>");
        SlackAlertFake.Post post = promptPost();
        JsonObject next = submit(pat, pressAnswer(pat, post), Map.of("score", "6")).getAsJsonObject("view");
        submit(pat, next, Map.of("comment", "Dashboards load slowly"));

        JsonObject edited = submit(pat, pressAnswer(pat, post), Map.of("score", "8"));

        assertThat(edited.getAsJsonObject("view").getAsJsonObject("title").get("text").getAsString())
                .isEqualTo("Thanks, recorded");
        assertThat(count("SELECT COUNT(*) FROM feedback_answers WHERE account_id = :v", account)).isEqualTo(1);
        assertThat(answerOf(account)).containsEntry("score", 8).containsEntry("comment", "Dashboards load slowly");

        String heldBack = slashCommand("/feedback", "send csat " + account + " <#" + channel + "|vela-shared>");
        assertThat(heldBack).contains("CSAT prompt held back for Vela", "got the nps prompt on " + TODAY,
                "at most one prompt per 14 days");
    }

    @Test
    void aFormIsRefusedAlikeToSomeoneOfAnotherOrganisationAndForAForgedTokenRevealingNothing() {
        String pat = SlackVocFake.customer("pat@" + domain);
        String eve = SlackVocFake.customer("eve@elsewhere.example");
        slashCommand("/feedback", "send nps " + account + " <#" + channel + "|vela-shared>");
        SlackAlertFake.Post post = promptPost();
        JsonObject modal = pressAnswer(pat, post);
        int opened = SlackVocFake.viewsOpened().size();

        String eveSees = pressExpectingNoModal(eve, post);
        JsonObject eveSubmits = submit(eve, modal, Map.of("score", "9"));
        JsonObject forged = submit(pat, withToken(modal, "A".repeat(22)), Map.of("score", "9"));

        assertThat(eveSees).contains("This feedback form is not open to you");
        assertThat(SlackVocFake.viewsOpened()).hasSize(opened);
        assertThat(eveSubmits.get("response_action").getAsString()).isEqualTo("update");
        assertThat(eveSubmits.getAsJsonObject("view").toString()).contains("This feedback form is not open to you")
                .doesNotContain("Vela", "nps", "NPS");
        assertThat(forged.getAsJsonObject("view")).isEqualTo(eveSubmits.getAsJsonObject("view"));
        assertThat(count("SELECT COUNT(*) FROM feedback_answers WHERE account_id = :v", account)).isZero();
    }

    @Test
    void aScoreOutOfRangeOrMissingComesBackAsAnErrorOnItsField() {
        String pat = SlackVocFake.customer("pat@" + domain);
        slashCommand("/feedback", "send nps " + account + " <#" + channel + "|vela-shared>");
        JsonObject modal = pressAnswer(pat, promptPost());

        JsonObject missing = submit(pat, modal, Map.of("anonymous", "true"));
        JsonObject outOfRange = submit(pat, modal, Map.of("score", "11"));

        assertThat(missing.get("response_action").getAsString()).isEqualTo("errors");
        assertThat(missing.getAsJsonObject("errors").get("score").getAsString()).isEqualTo("Pick a score from 0 to 10.");
        assertThat(outOfRange.getAsJsonObject("errors").get("score").getAsString()).isEqualTo("Pick a score from 0 to 10.");
        assertThat(count("SELECT COUNT(*) FROM feedback_answers WHERE account_id = :v", account)).isZero();
    }

    @Test
    void aContactWhoseEmailSlackConnectHidesAnswersInTheDirectMessageTheirPromptCameIn() {
        String kim = SlackVocFake.customerHidingEmail("kim@" + domain);
        String dm = SlackVocFake.dmWith(kim);
        slashCommand("/feedback", "send csat " + account + " kim@" + domain);
        SlackAlertFake.Post post = promptPost();
        assertThat(post.channel()).isEqualTo(dm);

        JsonObject next = submit(kim, pressAnswer(kim, post), Map.of("score", "2")).getAsJsonObject("view");
        JsonObject thanks = submit(kim, next, Map.of("comment", "Took a week to fix"));

        assertThat(thanks.getAsJsonObject("view").getAsJsonObject("title").get("text").getAsString())
                .isEqualTo("Thanks, recorded");
        assertThat(answerOf(account)).containsEntry("score", 2).containsEntry("conversation_id", dm)
                .containsEntry("contact_email", "kim@" + domain);
    }

    @Test
    void theOneReminderGoesToTheUserTheCsmMentionedAfterItsDelayAndNeverASecond() {
        String sam = SlackVocFake.customer("sam@" + domain);
        String reply = slashCommand("/feedback", "send csat " + account + " <@" + sam + "|sam>");
        assertThat(reply).contains("CSAT prompt queued for Vela", "@sam");
        SlackAlertFake.Post prompt = promptPost();
        assertThat(prompt.channel()).isEqualTo(SlackVocFake.dmWith(sam));
        String send = sendOf(account);

        Instant now = Instant.now(clock);
        assertThat(voc.sendReminders(now.plus(Duration.ofDays(1)))).as("not before its delay").isZero();
        voc.sendReminders(now.plus(Duration.ofDays(3)));
        List<SlackAlertFake.Post> reminders = awaitPosts(VocItems.REMINDER + "|" + send + "|slack user " + sam, 1);
        voc.sendReminders(now.plus(Duration.ofDays(4)));
        deliveries.worker().drain();

        assertThat(reminders).hasSize(1);
        assertThat(reminders.get(0).channel()).isEqualTo(SlackVocFake.dmWith(sam));
        assertThat(reminders.get(0).blocks()).contains("A gentle reminder", ActionIds.FEEDBACK_OPEN,
                buttonValue(prompt.blocks(), ActionIds.FEEDBACK_OPEN));
        assertThat(SlackAlertFake.postsWithKey(VocItems.REMINDER + "|" + send + "|slack user " + sam)).hasSize(1);
        await().atMost(PATIENCE).until(() -> jdbi.withHandle(h -> h.createQuery("SELECT pending_token FROM feedback_sends"
                + " WHERE send_id = :s").bind("s", send).mapTo(String.class).findOne()).isEmpty());
    }

    @Test
    void customerContentGoesIntoTheSharedChannelItIsAddressedToWhileInternalContentIsRefusedThere() throws Exception {
        dev.csbot.alerts.ConversationMessenger slackMessenger = messengers.stream()
                .filter(m -> m.platform() == Platform.SLACK).findFirst().orElseThrow();
        dev.csbot.alerts.DeliveryTarget shared = dev.csbot.alerts.DeliveryTarget.conversation(Platform.SLACK,
                SlackFake.SHARED_CHANNEL);
        dev.csbot.chat.Reply reply = dev.csbot.chat.Reply.of(dev.csbot.chat.Reply.Status.ANSWER, "Hello", "Hello");

        dev.csbot.chat.MessageRef posted = slackMessenger.post(shared,
                dev.csbot.alerts.OutboundMessage.forCustomer(reply), "test|customer|" + UUID.randomUUID());
        org.assertj.core.api.ThrowableAssert.ThrowingCallable internal = () -> slackMessenger.post(shared,
                new dev.csbot.alerts.OutboundMessage(reply, java.util.Optional.of(CSM_EMAIL)),
                "test|internal|" + UUID.randomUUID());

        assertThat(posted.conversationId()).isEqualTo(SlackFake.SHARED_CHANNEL);
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(dev.csbot.alerts.DeliveryFailure.class,
                internal).kind()).isEqualTo(dev.csbot.alerts.DeliveryFailure.Kind.REFUSED);
        SlackAlertFake.Post post = POSTS.stream().filter(p -> posted.messageId().equals(p.ts())).findFirst().orElseThrow();
        assertThat(post.blocks()).as("a customer's message mentions nobody of ours").doesNotContain("Owner:", "<@");
        assertThat(post.threadTs()).isNull();

        // The same through the outbox: a prompt to the customer's Slack Connect channel is delivered there.
        slashCommand("/feedback", "send ces " + account + " <#" + SlackFake.SHARED_CHANNEL + "|vela-connect>");
        assertThat(promptPost().channel()).isEqualTo(SlackFake.SHARED_CHANNEL);
    }

    // ---- routing, themes, closing the loop ---------------------------------------------------------------

    @Test
    void aDetractorRaisesTheAlertInTheAccountsChannelAndFollowedUpRecordsWhoAndWhenForEveryone() {
        links.link(Platform.SLACK, SlackAlertFake.CHANNEL, account, "test");
        String pat = SlackVocFake.customer("pat@" + domain);
        slashCommand("/feedback", "send nps " + account + " <#" + channel + "|vela-shared>");
        SlackAlertFake.Post prompt = promptPost();
        JsonObject next = submit(pat, pressAnswer(pat, prompt), Map.of("score", "2")).getAsJsonObject("view");
        submit(pat, next, Map.of("comment", "Billing is wrong <!channel> <@U0BOSS> *fix it*"));

        await().atMost(PATIENCE).until(() -> alertPost().isPresent());
        SlackAlertFake.Post alert = alertPost().orElseThrow();
        assertThat(alert.channel()).isEqualTo(SlackAlertFake.CHANNEL);
        assertThat(alert.blocks()).contains("Detractor feedback", "Answers to follow up", "pat@" + domain,
                "waiting for a follow-up", ActionIds.FEEDBACK_FOLLOWED_UP, "Owner: <@" + SlackAlertFake.ALERTS_CSM + ">");

        press(ActionIds.FEEDBACK_FOLLOWED_UP, buttonValue(alert.blocks(), ActionIds.FEEDBACK_FOLLOWED_UP),
                SlackFake.CSM, SlackAlertFake.CHANNEL, alert.ts());

        await().atMost(PATIENCE).until(() -> !updates(alert, "Followed up by").isEmpty());
        String updated = SlackAlertFake.unescaped(SlackFake.form(updates(alert, "Followed up by").get(0).body())
                .get("blocks"));
        assertThat(updated).doesNotContain(ActionIds.FEEDBACK_FOLLOWED_UP).contains("followed up by "
                + SlackTestPortfolio.acme(accountRepository).csmEmail());
        // The comment (customer text) is quoted as plain text: it formats, mentions and links nothing.
        JsonObject quote = textObjectContaining(updated, "Billing is wrong");
        assertThat(quote.get("type").getAsString()).isEqualTo("plain_text");
        assertThat(quote.get("text").getAsString()).isEqualTo("“Billing is wrong <!channel> <@U0BOSS> *fix it*”");
        Map<String, Object> answer = answerOf(account);
        assertThat(answer.get("followed_up_at")).isNotNull();
        assertThat(answer.get("followed_up_by")).isEqualTo(SlackTestPortfolio.acme(accountRepository).csmEmail());
    }

    @Test
    void anAnonymousDetractorCountsButTheAlertNeverSaysWhoGaveIt() {
        links.link(Platform.SLACK, SlackAlertFake.CHANNEL, account, "test");
        String lee = SlackVocFake.customer("lee@" + domain);
        slashCommand("/feedback", "send nps " + account + " <#" + channel + "|vela-shared>");
        JsonObject next = submit(lee, pressAnswer(lee, promptPost()), Map.of("score", "1", "anonymous", "true"))
                .getAsJsonObject("view");
        submit(lee, next, Map.of("comment", "Support never answers"));

        await().atMost(PATIENCE).until(() -> alertPost().isPresent());
        SlackAlertFake.Post alert = alertPost().orElseThrow();
        press(ActionIds.FEEDBACK_FOLLOWED_UP, buttonValue(alert.blocks(), ActionIds.FEEDBACK_FOLLOWED_UP),
                SlackFake.CSM, SlackAlertFake.CHANNEL, alert.ts());
        await().atMost(PATIENCE).until(() -> !updates(alert, "Support never answers").isEmpty());
        String blocks = alert.blocks() + SlackAlertFake.unescaped(SlackFake.form(updates(alert, "Support never answers")
                .get(0).body()).get("blocks"));

        assertThat(blocks).contains("Answers to follow up", "anonymous", "Support never answers")
                .doesNotContain("lee@", "Customer lee", lee);
        assertThat(answerOf(account)).containsEntry("anonymous", 1).containsEntry("contact_email", null);
    }

    @Test
    void closingTheLoopTellsEachCustomerWhereTheyGaveFeedbackOnceAndCountsWhenDelivered() {
        String pat = SlackVocFake.customer("pat@" + domain);
        String lee = SlackVocFake.customer("lee@" + domain);
        slashCommand("/feedback", "send nps " + account + " <#" + channel + "|vela-shared>");
        SlackAlertFake.Post prompt = promptPost();
        JsonObject step = submit(pat, pressAnswer(pat, prompt), Map.of("score", "9")).getAsJsonObject("view");
        submit(pat, step, Map.of("comment", "Love the dashboard exports"));
        JsonObject anonymous = submit(lee, pressAnswer(lee, prompt), Map.of("score", "4", "anonymous", "true"))
                .getAsJsonObject("view");
        submit(lee, anonymous, Map.of("comment", "The export to CSV breaks on big reports"));
        String closedBefore = loopClosed(slashCommand("/voc", ""));

        assertThat(slashCommand("/feedback", account)).contains("Reports, dashboards and exports: 2 comments");
        assertThat(slashCommand("/voc", "")).contains("Reports, dashboards and exports");
        // Slack sends typed text HTML-escaped; the customers read it as typed.
        String told = slashCommand("/voc", "set " + itemOf("pat@" + domain) + " shipped \"Big exports are fast now"
                + " &amp; split &lt;per sheet&gt;\"");
        String toldAnonymous = slashCommand("/voc", "set " + itemOf(null) + " planned \"CSV export of large reports is"
                + " planned for Q1.\"");

        assertThat(told).contains("1 loop-closing message queued");
        assertThat(toldAnonymous).contains("1 loop-closing message queued");
        String stored = jdbi.withHandle(h -> h.createQuery("SELECT text FROM voc_loop_messages WHERE account_id = :a"
                + " AND stage = 'shipped'").bind("a", account).mapTo(String.class).one());
        assertThat(stored).endsWith("it has shipped. Big exports are fast now & split <per sheet>");
        List<SlackAlertFake.Post> updates = awaitLoopPosts(2);
        assertThat(updates).extracting(SlackAlertFake.Post::channel).containsOnly(channel);
        assertThat(updates).allSatisfy(p -> assertThat(p.blocks()).contains("An update on your feedback")
                .doesNotContain("pat@", "lee@", "Vela", "640", "Owner:"));
        assertThat(updates.stream().map(SlackAlertFake.Post::blocks).toList())
                .anySatisfy(b -> assertThat(b).contains("it has shipped. Big exports are fast now &amp; split"
                        + " &lt;per sheet&gt;"))
                .anySatisfy(b -> assertThat(b).contains("it is now planned. CSV export of large reports is planned"));

        deliveries.worker().drain();
        assertThat(loopPosts()).as("each delivered once").hasSize(2);
        await().atMost(PATIENCE).until(() -> !loopClosed(slashCommand("/voc", "")).equals(closedBefore));
        assertThat(slashCommand("/voc", "set " + itemOf(null) + " planned \"Again\"")).contains("is planned");
    }

    @Test
    void customerTextInFeedbackAnswersIsPlainTextAndSlashCommandMentionsStillParse() {
        String pat = SlackVocFake.customer("pat@" + domain);
        slashCommand("/feedback", "send nps " + account + " <@" + pat + "|pat>");
        SlackAlertFake.Post prompt = promptPost();
        JsonObject next = submit(pat, pressAnswer(pat, prompt), Map.of("score", "9")).getAsJsonObject("view");
        submit(pat, next, Map.of("comment", "<!here> _great_ ~work~ `ship` <https://evil.example|win> https://evil.example"));

        String summary = slashCommand("/feedback", account);

        JsonObject quote = textObjectContaining(blocksOf(summary).toString(), "great");
        assertThat(quote.get("type").getAsString()).isEqualTo("plain_text");
        assertThat(quote.get("emoji").getAsBoolean()).isFalse();
        for (JsonElement block : blocksOf(summary)) {
            JsonObject text = block.getAsJsonObject().getAsJsonObject("text");
            if (text != null && text.get("type").getAsString().equals("mrkdwn")) {
                assertThat(text.get("text").getAsString()).doesNotContain("<!here>", "_great_");
            }
        }
        assertThat(summary).contains(ActionIds.VOC_ACKNOWLEDGE, ActionIds.VOC_SHIPPED);
    }

    @Test
    void aLoopButtonOpensAModalForTheMessageAndItsSubmissionTellsTheCustomer() {
        String pat = SlackVocFake.customer("pat@" + domain);
        slashCommand("/feedback", "send nps " + account + " <#" + channel + "|vela-shared>");
        JsonObject step = submit(pat, pressAnswer(pat, promptPost()), Map.of("score", "8")).getAsJsonObject("view");
        submit(pat, step, Map.of("comment", "A mobile app would help"));
        String item = itemOf("pat@" + domain);

        int opened = SlackVocFake.viewsOpened().size();
        press(ActionIds.VOC_PLANNED, "item:" + item, SlackFake.CSM, SlackFake.INTERNAL_CHANNEL, "1700000000.000300");
        await().atMost(PATIENCE).until(() -> SlackVocFake.viewsOpened().size() > opened);
        JsonObject modal = openedView(SlackVocFake.viewsOpened().get(opened));
        SlackSchema.assertValidModal(modal.toString());
        assertThat(modal.getAsJsonObject("title").get("text").getAsString()).isEqualTo("Planned: tell customers");

        JsonObject empty = submit(SlackFake.CSM, modal, Map.of("message", "  "));
        JsonObject done = submit(SlackFake.CSM, modal, Map.of("message", "A mobile app is planned for Q2."));

        assertThat(empty.get("response_action").getAsString()).isEqualTo("errors");
        assertThat(done.getAsJsonObject("view").toString()).contains("1 loop-closing message queued");
        assertThat(awaitLoopPosts(1).get(0).blocks()).contains("it is now planned. A mobile app is planned for Q2.");
        assertThat(submit(pat, modal, Map.of("message", "Hijacked")).getAsJsonObject("view").toString())
                .contains("csbot only answers members of the team");
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    /** The prompt csbot posted for this test's account (the latest send), once delivered. */
    private SlackAlertFake.Post promptPost() {
        String send = sendOf(account);
        await().atMost(PATIENCE).until(() -> POSTS.stream().anyMatch(p -> p.ts() != null && p.metadata() != null
                && SlackAlertFake.keyOf(p.metadata()).startsWith(VocItems.PROMPT + "|" + send + "|")));
        return POSTS.stream().filter(p -> p.ts() != null && p.metadata() != null
                && SlackAlertFake.keyOf(p.metadata()).startsWith(VocItems.PROMPT + "|" + send + "|")).findFirst()
                .orElseThrow();
    }

    private String sendOf(String accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT send_id FROM feedback_sends WHERE account_id = :a"
                + " ORDER BY created_at DESC, send_id LIMIT 1").bind("a", accountId).mapTo(String.class).one());
    }

    private Map<String, Object> answerOf(String accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT score, comment, contact_email, anonymous, conversation_id,"
                + " followed_up_at, followed_up_by FROM feedback_answers WHERE account_id = :a ORDER BY answered_at"
                + " DESC LIMIT 1").bind("a", accountId).mapToMap().one());
    }

    /** The id /voc set takes for the answer of {@code email} (null: the anonymous one). */
    private String itemOf(String email) {
        String answerId = jdbi.withHandle(h -> h.createQuery("SELECT answer_id FROM feedback_answers WHERE account_id"
                + " = :a AND " + (email == null ? "contact_email IS NULL" : "contact_email = :e"))
                .bind("a", account).bind("e", email).mapTo(String.class).one());
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(("answer|" + answerId)
                    .getBytes(StandardCharsets.UTF_8));
            return "fb-" + HexFormat.of().formatHex(hash).substring(0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The customer presses Answer on the prompt: the modal csbot opened for them. */
    private JsonObject pressAnswer(String userId, SlackAlertFake.Post post) {
        int before = SlackVocFake.viewsOpened().size();
        String responseUrl = FAKE_SLACK.baseUrl() + "response/" + UUID.randomUUID();
        HttpResponse<String> ack = slack.signed(SlackRequests.blockActionOnMessage(ActionIds.FEEDBACK_OPEN,
                buttonValue(post.blocks(), ActionIds.FEEDBACK_OPEN), userId, post.channel(), post.ts(), responseUrl),
                "application/x-www-form-urlencoded", Map.of());
        assertThat(ack.statusCode()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> SlackVocFake.viewsOpened().size() > before);
        Recorded open = SlackVocFake.viewsOpened().get(before);
        assertThat(SlackFake.form(open.body()).get("trigger_id")).isNotBlank();
        JsonObject view = openedView(open);
        SlackSchema.assertValidModal(view.toString());
        SlackLimits.assertViewWithinLimits(view.toString());
        return view;
    }

    private static JsonObject openedView(Recorded open) {
        return JsonParser.parseString(SlackFake.form(open.body()).get("view")).getAsJsonObject();
    }

    /** A press that must not open a modal: what the person was told instead, through response_url. */
    private String pressExpectingNoModal(String userId, SlackAlertFake.Post post) {
        String responseUrl = FAKE_SLACK.baseUrl() + "response/" + UUID.randomUUID();
        slack.signed(SlackRequests.blockActionOnMessage(ActionIds.FEEDBACK_OPEN, buttonValue(post.blocks(),
                ActionIds.FEEDBACK_OPEN), userId, post.channel(), post.ts(), responseUrl),
                "application/x-www-form-urlencoded", Map.of());
        return SlackFake.await(FAKE_SLACK, r -> r.path().equals(responseUrl.substring(FAKE_SLACK.baseUrl().length() - 1)),
                1).get(0).body();
    }

    /** Submits {@code view} (a modal csbot opened or showed) filled in with {@code values}; Slack's answer. */
    private JsonObject submit(String userId, JsonObject view, Map<String, String> values) {
        HttpResponse<String> ack = slack.signed(SlackRequests.viewSubmission(userId, view.toString(), values),
                "application/x-www-form-urlencoded", Map.of());
        assertThat(ack.statusCode()).as(ack.body()).isEqualTo(200);
        return JsonParser.parseString(ack.body()).getAsJsonObject();
    }

    private static JsonObject withToken(JsonObject view, String token) {
        JsonObject copy = view.deepCopy();
        JsonObject metadata = JsonParser.parseString(copy.get("private_metadata").getAsString()).getAsJsonObject();
        metadata.addProperty("token", token);
        copy.addProperty("private_metadata", metadata.toString());
        return copy;
    }

    private static JsonObject block(JsonObject view, String blockId) {
        for (JsonElement block : view.getAsJsonArray("blocks")) {
            if (block.getAsJsonObject().has("block_id") && block.getAsJsonObject().get("block_id").getAsString()
                    .equals(blockId)) {
                return block.getAsJsonObject();
            }
        }
        throw new AssertionError("no block " + blockId + " in " + view);
    }

    /** The value of the first button with this action id in a message's blocks. */
    private static String buttonValue(String blocksJson, String actionId) {
        for (JsonElement block : JsonParser.parseString(blocksJson).getAsJsonArray()) {
            JsonObject b = block.getAsJsonObject();
            if (b.has("elements") && b.get("type").getAsString().equals("actions")) {
                for (JsonElement element : b.getAsJsonArray("elements")) {
                    if (element.getAsJsonObject().get("action_id").getAsString().equals(actionId)) {
                        return element.getAsJsonObject().get("value").getAsString();
                    }
                }
            }
        }
        throw new AssertionError("no " + actionId + " button in " + blocksJson);
    }

    /** The text object (of a section or a context) whose text contains {@code fragment}. */
    private static JsonObject textObjectContaining(String blocksJson, String fragment) {
        for (JsonElement block : JsonParser.parseString(blocksJson).getAsJsonArray()) {
            JsonObject b = block.getAsJsonObject();
            List<JsonElement> texts = new java.util.ArrayList<>();
            if (b.has("text")) {
                texts.add(b.get("text"));
            }
            if (b.has("elements") && b.get("type").getAsString().equals("context")) {
                b.getAsJsonArray("elements").forEach(texts::add);
            }
            for (JsonElement text : texts) {
                if (text.getAsJsonObject().get("text").getAsString().contains(fragment)) {
                    return text.getAsJsonObject();
                }
            }
        }
        throw new AssertionError("no text with " + fragment + " in " + blocksJson);
    }

    private java.util.Optional<SlackAlertFake.Post> alertPost() {
        return POSTS.stream().filter(p -> p.ts() != null && p.channel().equals(SlackAlertFake.CHANNEL)
                && p.blocks() != null && p.blocks().contains(ActionIds.FEEDBACK_FOLLOWED_UP)
                && p.blocks().contains(accountName())).findFirst();
    }

    private String accountName() {
        return "Vela " + account.substring("voc-it-".length());
    }

    private List<SlackAlertFake.Post> loopPosts() {
        Set<String> messages = Set.copyOf(jdbi.withHandle(h -> h.createQuery("SELECT message_id FROM voc_loop_messages"
                + " WHERE account_id = :a").bind("a", account).mapTo(String.class).list()));
        return POSTS.stream().filter(p -> p.ts() != null && p.metadata() != null).filter(p -> {
            String key = SlackAlertFake.keyOf(p.metadata());
            return key.startsWith(VocItems.LOOP + "|") && messages.contains(key.split("\\|")[1]);
        }).toList();
    }

    private List<SlackAlertFake.Post> awaitLoopPosts(int count) {
        await().atMost(PATIENCE).until(() -> loopPosts().size() >= count);
        return loopPosts();
    }

    private List<SlackAlertFake.Post> awaitPosts(String key, int count) {
        await().atMost(PATIENCE).until(() -> SlackAlertFake.postsWithKey(key).stream()
                .filter(p -> p.ts() != null).count() >= count);
        return SlackAlertFake.postsWithKey(key);
    }

    private static String loopClosed(String vocAnswer) {
        var m = java.util.regex.Pattern.compile("Loop closed\\*\\\\n(\\d+ of \\d+)").matcher(vocAnswer);
        var plain = java.util.regex.Pattern.compile("(\\d+ of \\d+ items)").matcher(vocAnswer);
        return m.find() ? m.group(1) : plain.find() ? plain.group(1) : vocAnswer;
    }

    private static List<Recorded> updates(SlackAlertFake.Post post, String text) {
        return FAKE_SLACK.requests(r -> r.path().equals("/chat.update")).stream().filter(r -> {
            Map<String, String> form = SlackFake.form(r.body());
            return post.channel().equals(form.get("channel")) && post.ts().equals(form.get("ts"))
                    && String.valueOf(form.get("blocks")).contains(text);
        }).toList();
    }

    private int count(String sql, String value) {
        return jdbi.withHandle(h -> h.createQuery(sql).bind("v", value).mapTo(Integer.class).one());
    }

    private void press(String actionId, String value, String userId, String channelId, String ts) {
        String responseUrl = FAKE_SLACK.baseUrl() + "response/" + UUID.randomUUID();
        HttpResponse<String> ack = slack.signed(SlackRequests.blockActionOnMessage(actionId, value, userId, channelId, ts,
                responseUrl), "application/x-www-form-urlencoded", Map.of());
        assertThat(ack.statusCode()).isEqualTo(200);
    }

    private static JsonArray blocksOf(String slashAnswer) {
        return JsonParser.parseString(slashAnswer).getAsJsonObject().getAsJsonArray("blocks");
    }

    /** A slash command's answer, from the acknowledgement or response_url. */
    private String slashCommand(String command, String text) {
        String responseUrl = FAKE_SLACK.baseUrl() + "response/" + UUID.randomUUID();
        HttpResponse<String> ack = slack.signed(SlackRequests.slashCommand(command, text, SlackFake.CSM,
                SlackFake.INTERNAL_CHANNEL, responseUrl, UUID.randomUUID().toString()),
                "application/x-www-form-urlencoded", Map.of());
        if (!ack.body().contains(SlackListeners.WORKING)) {
            return ack.body();
        }
        return SlackFake.await(FAKE_SLACK, r -> r.path().equals(responseUrl.substring(FAKE_SLACK.baseUrl().length() - 1)),
                1).get(0).body();
    }
}
