package dev.csbot.slack;

import static dev.csbot.slack.SlackAlertFake.POSTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.csbot.OutboxDeliveries;
import dev.csbot.alerts.AlertService;
import dev.csbot.alerts.ConversationMessenger;
import dev.csbot.alerts.Outbox;
import dev.csbot.alerts.OutboxContent;
import dev.csbot.alerts.OutboxRow;
import dev.csbot.alerts.OutboxWorker;
import dev.csbot.chat.ActionIds;
import dev.csbot.chat.ChannelLinks;
import dev.csbot.chat.Platform;
import dev.csbot.support.IntegrationTest;
import dev.csbot.support.RecordingHttpServer.Recorded;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Proactive alerts through the real doors: an account's urgent ticket raises an alert, the service's outbox
 * posts it to Slack (the local fake), and the buttons on it act through signed block_actions requests.
 */
class SlackAlertDeliveryIntegrationTest extends IntegrationTest {

    private static final String CSM_EMAIL = "alerts.csm@csbot.example";
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @Autowired
    Jdbi jdbi;

    @Autowired
    dev.csbot.account.AccountRepository accountRepository;

    @Autowired
    AlertService alerts;

    @Autowired
    ChannelLinks links;

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxDeliveries deliveries;

    @Autowired
    List<ConversationMessenger> messengers;

    @Autowired
    List<OutboxContent> contents;

    @Autowired
    List<dev.csbot.account.PortfolioListener> portfolioListeners;

    @Autowired
    dev.csbot.alerts.WeeklyDigest digest;

    private SlackRequests slack;

    @BeforeEach
    void workspace() {
        SlackAlertFake.install(CSM_EMAIL, SlackTestPortfolio.acme(accountRepository).csmEmail());
        slack = new SlackRequests(baseUrl(), SLACK_SIGNING_SECRET);
    }

    /** A new account whose only signal is an urgent ticket (with customer text that tries to ping everyone). */
    private String accountWithUrgentTicket(String slackChannel) {
        String id = "alert-it-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.parse(TODAY);
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO accounts (account_id, name, segment, arr, seats_purchased, contract_start,"
                            + " renewal_date, csm_email, lifecycle_stage, slack_channel) VALUES (:id, :name, 'enterprise',"
                            + " 750000, 200, :start, :renewal, :csm, 'adoption', :channel)")
                    .bind("id", id).bind("name", "Zephyr " + id.substring(9)).bind("start", today.minusYears(1).toString())
                    .bind("renewal", today.plusDays(300).toString()).bind("csm", CSM_EMAIL).bind("channel", slackChannel)
                    .execute();
            h.createUpdate("INSERT INTO tickets (ticket_id, account_id, opened_on, severity, subject)"
                            + " VALUES (:id, :account, :opened, 1, :subject)")
                    .bind("id", id + "-t1").bind("account", id).bind("opened", today.minusDays(3).toString())
                    .bind("subject", "Checkout down <!channel> <@U0BOSS>").execute();
            // Written around the importer, so marked as every writer marks a write (readers then see the account),
            // but with nobody told: each test raises its alert itself, and the listener would race it.
            h.configure(dev.csbot.store.PortfolioListeners.class, quiet -> quiet.tellEach(List::of));
            dev.csbot.store.PortfolioChangeLog.record(h, java.util.Set.of(id));
        });
        return id;
    }

    private String raise(String accountId) {
        var result = alerts.evaluate(List.of(accountId));
        assertThat(result.lines()).extracting(SlackAlertDeliveryIntegrationTest::ruleAndState).contains("support_spike:new");
        return jdbi.withHandle(h -> h.createQuery("SELECT item_id FROM outbox WHERE account_id = :a AND operation = 'post'"
                + " AND item_kind = 'alert-notice'").bind("a", accountId).mapTo(String.class).one());
    }

    private static String ruleAndState(dev.csbot.alerts.ScanResult.Line line) {
        return line.rule() + ":" + line.state();
    }

    private String key(String noticeId, String target) {
        return AlertService.NOTICE + "|" + noticeId + "|" + target;
    }

    private List<SlackAlertFake.Post> awaitPosts(String key, int count) {
        await().atMost(PATIENCE).until(() -> SlackAlertFake.postsWithKey(key).stream()
                .filter(p -> p.ts() != null).count() >= count);
        return SlackAlertFake.postsWithKey(key);
    }

    private String text(String sql, String value) {
        return jdbi.withHandle(h -> h.createQuery(sql).bind("v", value).mapTo(String.class).one());
    }

    private int count(String sql, String value) {
        return jdbi.withHandle(h -> h.createQuery(sql).bind("v", value).mapTo(Integer.class).one());
    }

    private String state(String noticeId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT state FROM outbox WHERE item_id = :n AND operation = 'post'")
                .bind("n", noticeId).mapTo(String.class).one());
    }

    private String alertStatus(String accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT status FROM alerts WHERE account_id = :a"
                + " AND rule_id = 'support_spike'")
                .bind("a", accountId).mapTo(String.class).one());
    }

    @Test
    void anAlertIsPostedToTheLinkedChannelWithItsEvidenceOwnerAndButtonsAndCustomerTextEscaped() {
        String account = accountWithUrgentTicket(null);
        links.link(Platform.SLACK, SlackAlertFake.CHANNEL, account, "test");
        String notice = raise(account);

        SlackAlertFake.Post post = awaitPosts(key(notice, "slack conversation " + SlackAlertFake.CHANNEL), 1).get(0);

        assertThat(post.channel()).isEqualTo(SlackAlertFake.CHANNEL);
        assertThat(post.blocks()).contains("Urgent ticket open (high)", "1 urgent ticket open", "Why it matters",
                "$750k", "First steps: Support spike", ActionIds.ALERT_ACK, ActionIds.ALERT_SNOOZE_WEEK,
                ActionIds.ALERT_PLAYBOOK, ActionIds.SHOW_HEALTH, "Owner: <@" + SlackAlertFake.ALERTS_CSM + ">")
                .doesNotContain("<!channel>", "<@U0BOSS>");
        // The one raw '<' allowed is the owner's mention, which the adapter builds from Slack's user id.
        String mention = ",{\"type\":\"context\",\"elements\":[{\"type\":\"mrkdwn\",\"text\":\"Owner: <@"
                + SlackAlertFake.ALERTS_CSM + ">\"}]}]";
        assertThat(post.blocks()).endsWith(mention);
        String withoutMention = post.blocks().substring(0, post.blocks().length() - mention.length()) + "]";
        SlackLimits.assertMessageWithinLimits("{\"text\":" + new com.google.gson.Gson().toJson(post.text())
                + ",\"blocks\":" + withoutMention + "}");
        SlackSchema.assertValidBlocks(post.blocks());
        await().atMost(PATIENCE).until(() -> state(notice).equals("delivered"));
        assertThat(text("SELECT message_id FROM posted_messages WHERE item_id = :v", notice)).isEqualTo(post.ts());
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE account_id = :v AND action = 'alert-raised'", account))
                .isEqualTo(count("SELECT COUNT(*) FROM alerts WHERE account_id = :v", account));
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE account_id = :v AND action = 'alert-delivered'", account))
                .isEqualTo(1);
    }

    @Test
    void aCommittedWriteToAnAccountRaisesItsAlertsOffTheWritersThreadAndPostsThem() {
        String account = accountWithUrgentTicket(SlackAlertFake.CHANNEL);

        portfolioListeners.forEach(l -> l.portfolioChanged(new dev.csbot.account.PortfolioChanged(
                java.util.Set.of(account), false)));

        await().atMost(PATIENCE).until(() -> count("SELECT COUNT(*) FROM alerts WHERE account_id = :v"
                + " AND rule_id = 'support_spike'", account) == 1);
        String notice = text("SELECT item_id FROM outbox WHERE account_id = :v AND operation = 'post'", account);
        awaitPosts(key(notice, "slack conversation " + SlackAlertFake.CHANNEL), 1);
    }

    @Test
    void theWeeklyDigestReachesTheCsmByDirectMessageOncePerWeekWithTheirOpenAlerts() {
        String account = accountWithUrgentTicket(SlackAlertFake.CHANNEL);
        raise(account);
        LocalDate monday = LocalDate.parse(TODAY).with(java.time.temporal.TemporalAdjusters.previousOrSame(
                java.time.DayOfWeek.MONDAY));

        digest.queue(LocalDate.parse(TODAY));
        digest.queue(LocalDate.parse(TODAY));

        assertThat(count("SELECT COUNT(*) FROM digests WHERE csm_email = :v AND week_of = '" + monday + "'", CSM_EMAIL))
                .isEqualTo(1);
        String digestId = text("SELECT digest_id FROM digests WHERE csm_email = :v", CSM_EMAIL);
        List<SlackAlertFake.Post> posts = awaitPosts("digest|" + digestId + "|slack person " + CSM_EMAIL, 1);
        assertThat(posts).hasSize(1);
        assertThat(posts.get(0).channel()).isEqualTo(SlackAlertFake.DM);
        assertThat(posts.get(0).blocks()).contains("Your week, " + monday, "Urgent ticket open (high)", "at risk");
    }

    @Test
    void withoutAChannelTheAlertGoesToTheCsmAsADirectMessageWithoutAMention() {
        String account = accountWithUrgentTicket(null);
        String notice = raise(account);

        SlackAlertFake.Post post = awaitPosts(key(notice, "slack person " + CSM_EMAIL), 1).get(0);

        assertThat(post.channel()).isEqualTo(SlackAlertFake.DM);
        assertThat(post.blocks()).contains("Urgent ticket open").doesNotContain("<@" + SlackAlertFake.ALERTS_CSM + ">");
    }

    @Test
    void aChannelSharedWithAnotherOrganisationIsRefusedAndTheReasonIsVisible() {
        String account = accountWithUrgentTicket(SlackAlertFake.SHARED);
        String notice = raise(account);

        await().atMost(PATIENCE).until(() -> state(notice).equals("parked"));

        assertThat(POSTS).noneMatch(p -> p.channel().equals(SlackAlertFake.SHARED));
        String reply = slashCommand("/alerts", "failed");
        assertThat(reply).contains(SlackAlertFake.SHARED, "shared with another organisation", ActionIds.ALERT_RETRY);
    }

    @Test
    void aParkedTargetIsListedWithARetryButtonThatDeliversOnceTheBotIsInvited() {
        String account = accountWithUrgentTicket(SlackAlertFake.NOT_JOINED);
        String notice = raise(account);
        await().atMost(PATIENCE).until(() -> state(notice).equals("parked"));
        String outboxId = jdbi.withHandle(h -> h.createQuery("SELECT outbox_id FROM outbox WHERE item_id = :n")
                .bind("n", notice).mapTo(String.class).one());
        assertThat(slashCommand("/alerts", "failed")).contains("not_in_channel", outboxId);

        SlackAlertFake.JOINED.add(SlackAlertFake.NOT_JOINED);
        press(ActionIds.ALERT_RETRY, outboxId, SlackFake.INTERNAL_CHANNEL, "1700000000.000200");

        awaitPosts(key(notice, "slack conversation " + SlackAlertFake.NOT_JOINED), 1);
        await().atMost(PATIENCE).until(() -> state(notice).equals("delivered"));
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'delivery-retried' AND account_id = :v",
                account)).isEqualTo(1);
    }

    @Test
    void aRateLimitedPostIsRetriedNoSoonerThanRetryAfterSays() {
        SlackAlertFake.LIMIT_ONCE.add(SlackAlertFake.RATE_LIMITED);
        String account = accountWithUrgentTicket(SlackAlertFake.RATE_LIMITED);
        String notice = raise(account);
        String key = key(notice, "slack conversation " + SlackAlertFake.RATE_LIMITED);

        List<SlackAlertFake.Post> posts = awaitPosts(key, 1);

        assertThat(posts).hasSize(2);
        assertThat(posts.get(0).ts()).isNull();
        assertThat(Duration.between(posts.get(0).at(), posts.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        await().atMost(PATIENCE).until(() -> state(notice).equals("delivered"));
    }

    @Test
    void aRestartBetweenCommitAndDeliveryDeliversOnce() {
        String account = accountWithUrgentTicket(SlackAlertFake.CHANNEL);
        String notice = raise(account);
        String key = key(notice, "slack conversation " + SlackAlertFake.CHANNEL);

        // A fresh process over the same store: a worker of its own, racing the service's.
        OutboxWorker fresh = new OutboxWorker(outbox, messengers, contents, Clock.systemUTC(),
                OutboxWorker.Settings.defaults(), "fresh-" + UUID.randomUUID(), d -> Thread.sleep(d.toMillis()));
        fresh.drain();
        await().atMost(PATIENCE).until(() -> state(notice).equals("delivered"));
        fresh.drain();
        deliveries.worker().drain();

        assertThat(awaitPosts(key, 1)).hasSize(1);
    }

    @Test
    void aCrashAfterSlackAcceptedThePostIsRecordedFromHistoryNotPostedAgain() throws Exception {
        String account = accountWithUrgentTicket(SlackAlertFake.CHANNEL);
        // Raised and queued, but held by a worker that is about to die (its lease runs for a minute).
        String notice;
        synchronized (deliveries.worker()) {
            notice = raise(account);
            List<OutboxRow> claimed = outbox.claim("doomed-worker", Instant.now(), Instant.now().plusSeconds(60), 500);
            OutboxRow row = claimed.stream().filter(r -> r.entry().itemId().equals(notice)).findFirst().orElseThrow();
            ConversationMessenger slackMessenger = messengers.stream().filter(m -> m.platform() == Platform.SLACK)
                    .findFirst().orElseThrow();
            OutboxContent content = contents.stream().filter(c -> c.itemKind().equals(AlertService.NOTICE)).findFirst()
                    .orElseThrow();
            // Slack accepts the post ... and the process dies before recording it.
            slackMessenger.post(row.entry().target(), content.render(notice).orElseThrow(), row.entry().idempotencyKey());
            claimed.stream().filter(r -> !r.entry().itemId().equals(notice))
                    .forEach(r -> outbox.retryLater(r, "test released it", Instant.now(), false, Instant.now()));
        }
        jdbi.useHandle(h -> h.createUpdate("UPDATE outbox SET lease_until = '2000-01-01T00:00:00.000Z'"
                + " WHERE item_id = :n").bind("n", notice).execute());
        String key = key(notice, "slack conversation " + SlackAlertFake.CHANNEL);

        deliveries.worker().drain();
        await().atMost(PATIENCE).until(() -> state(notice).equals("delivered"));

        List<SlackAlertFake.Post> posts = awaitPosts(key, 1);
        assertThat(posts).hasSize(1);
        assertThat(text("SELECT message_id FROM posted_messages WHERE item_id = :v", notice))
                .isEqualTo(posts.get(0).ts());
        assertThat(FAKE_SLACK.requests(r -> r.path().equals("/conversations.history")
                && List.of("1", "true").contains(SlackFake.form(r.body()).get("include_all_metadata")))).as(FAKE_SLACK.requests(r ->
                r.path().equals("/conversations.history")).toString()).isNotEmpty();
    }

    @Test
    void theButtonsActOnTheAlertAndUpdateTheMessageEveryoneSees() {
        String account = accountWithUrgentTicket(null);
        links.link(Platform.SLACK, SlackAlertFake.CHANNEL, account, "test");
        String notice = raise(account);
        SlackAlertFake.Post post = awaitPosts(key(notice, "slack conversation " + SlackAlertFake.CHANNEL), 1).get(0);
        await().atMost(PATIENCE).until(() -> state(notice).equals("delivered"));

        press(ActionIds.ALERT_ACK, notice, SlackAlertFake.CHANNEL, post.ts());
        assertThat(awaitUpdate(post, "Acknowledged by")).isNotNull();
        assertThat(alertStatus(account)).isEqualTo("acknowledged");

        press(ActionIds.ALERT_SNOOZE_WEEK, notice, SlackAlertFake.CHANNEL, post.ts());
        assertThat(awaitUpdate(post, "Snoozed until " + LocalDate.parse(TODAY).plusDays(7))).isNotNull();
        assertThat(alertStatus(account)).isEqualTo("snoozed");

        press(ActionIds.ALERT_PLAYBOOK, notice, SlackAlertFake.CHANNEL, post.ts());
        await().atMost(PATIENCE).until(() -> POSTS.stream().anyMatch(p -> post.ts().equals(p.threadTs())
                && p.blocks() != null && p.blocks().contains("Support spike playbook")));
        assertThat(awaitUpdate(post, "Playbook Support spike started by")).isNotNull();
        assertThat(slashCommand("/account", account)).contains("Playbooks in progress", "Support spike (started by");

        String responseUrl = FAKE_SLACK.baseUrl() + "response/" + UUID.randomUUID();
        slack.signed(SlackRequests.blockActionOnMessage(ActionIds.SHOW_HEALTH, account, SlackFake.CSM,
                SlackAlertFake.CHANNEL, post.ts(), responseUrl), "application/x-www-form-urlencoded", Map.of());
        List<Recorded> health = SlackFake.await(FAKE_SLACK, r -> r.path().equals(responseUrl.substring(
                FAKE_SLACK.baseUrl().length() - 1)), 1);
        assertThat(health.get(0).body()).contains("health");
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE account_id = :v AND action"
                + " IN ('alert-acknowledged', 'alert-snoozed', 'alert-playbook-started')", account))
                .isEqualTo(3 * count("SELECT COUNT(*) FROM alerts WHERE account_id = :v", account));
    }

    @Test
    void whenTheSignalClearsTheAlertIsResolvedAndItsMessageSaysSo() {
        String account = accountWithUrgentTicket(SlackAlertFake.CHANNEL);
        String notice = raise(account);
        SlackAlertFake.Post post = awaitPosts(key(notice, "slack conversation " + SlackAlertFake.CHANNEL), 1).get(0);
        await().atMost(PATIENCE).until(() -> state(notice).equals("delivered"));

        jdbi.useHandle(h -> h.createUpdate("UPDATE tickets SET closed_on = :day WHERE account_id = :a")
                .bind("day", LocalDate.parse(TODAY).minusDays(1).toString()).bind("a", account).execute());
        var result = alerts.evaluate(List.of(account));

        assertThat(result.lines()).extracting(SlackAlertDeliveryIntegrationTest::ruleAndState).contains("support_spike:resolved");
        assertThat(awaitUpdate(post, "Resolved: Urgent ticket open")).isNotNull();
        assertThat(alertStatus(account)).isEqualTo("resolved");
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE account_id = :v AND action = 'alert-resolved'"
                + " AND detail LIKE 'support_spike%'", account)).isEqualTo(1);
    }

    /** The chat.update of that message whose blocks say {@code text}. */
    private Recorded awaitUpdate(SlackAlertFake.Post post, String text) {
        await().atMost(PATIENCE).until(() -> !updates(post, text).isEmpty());
        return updates(post, text).get(0);
    }

    private static List<Recorded> updates(SlackAlertFake.Post post, String text) {
        return FAKE_SLACK.requests(r -> r.path().equals("/chat.update")).stream().filter(r -> {
            Map<String, String> form = SlackFake.form(r.body());
            return post.channel().equals(form.get("channel")) && post.ts().equals(form.get("ts"))
                    && String.valueOf(form.get("blocks")).contains(text);
        }).toList();
    }

    private void press(String actionId, String value, String channel, String ts) {
        String responseUrl = FAKE_SLACK.baseUrl() + "response/" + UUID.randomUUID();
        HttpResponse<String> ack = slack.signed(SlackRequests.blockActionOnMessage(actionId, value, SlackFake.CSM,
                channel, ts, responseUrl), "application/x-www-form-urlencoded", Map.of());
        assertThat(ack.statusCode()).isEqualTo(200);
        SlackFake.await(FAKE_SLACK, r -> r.path().equals(responseUrl.substring(FAKE_SLACK.baseUrl().length() - 1)), 1);
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
