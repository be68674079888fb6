package dev.csbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.csbot.account.Account;
import dev.csbot.account.AccountRepository;
import dev.csbot.chat.ActionIds;
import dev.csbot.chat.ChannelLinks;
import dev.csbot.chat.Platform;
import dev.csbot.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import org.awaitility.Awaitility;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Slack retries may reach another instance behind the same address: on PostgreSQL, what one instance handled is in
 * the store, so this one acknowledges the retry and does nothing. "Another instance" here is a row written into the
 * shared store as it would write it (two real instances: {@link TwoInstancesTest}). On SQLite, which one instance
 * serves, commands are remembered in memory only, for speed.
 */
class SlackAcrossInstancesTest extends IntegrationTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    @Autowired
    AccountRepository accounts;

    @Autowired
    ChannelLinks links;

    @Autowired
    @Qualifier("slackWorkers")
    ExecutorService workers;

    private SlackRequests slack;
    private Account acme;

    @BeforeEach
    void workspace() {
        acme = SlackTestPortfolio.acme(accounts);
        SlackFake.install(acme.csmEmail());
        slack = new SlackRequests(baseUrl(), SLACK_SIGNING_SECRET);
    }

    private static void handledByAnotherInstance(String key) {
        STORE.jdbi().useHandle(h -> h.execute("INSERT INTO inbound_events (source, event_id, received_at)"
                + " VALUES ('slack', ?, '2026-11-23T08:00:00.000Z')", key));
    }

    private static int recorded(String key) {
        return STORE.jdbi().withHandle(h -> recorded(key, h));
    }

    private static int recorded(String key, Handle handle) {
        return handle.createQuery("SELECT COUNT(*) FROM inbound_events WHERE source = 'slack' AND event_id = :key")
                .bind("key", key).mapTo(Integer.class).one();
    }

    @Test
    void aCommandIsRecordedInTheStoreForTheOtherInstancesOnPostgresAndInMemoryOnlyOnSqlite() {
        String trigger = "trigger-" + UUID.randomUUID();
        String body = SlackRequests.slashCommand("/health", "acme", SlackFake.CSM, SlackFake.INTERNAL_CHANNEL,
                FAKE_SLACK.baseUrl() + "response/" + UUID.randomUUID(), trigger);

        HttpResponse<String> first = slack.signed(body, FORM, Map.of());
        HttpResponse<String> retry = slack.signed(body, FORM, Map.of("X-Slack-Retry-Num", "1"));

        assertThat(first.body()).contains("Acme");
        assertThat(retry.body()).doesNotContain("Acme");
        if (STORE.isPostgres()) {
            // A read's first attempt is recorded without waiting: in the store within milliseconds.
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> recorded("command:" + trigger) == 1);
        }
        assertThat(recorded("command:" + trigger)).isEqualTo(STORE.isPostgres() ? 1 : 0);
    }

    @Test
    void aReadOnlyCommandIsAnsweredWithoutWaitingForTheStoreAndRecordedOnceTheStoreAnswers() {
        Assumptions.assumeTrue(STORE.isPostgres(), "several instances share a PostgreSQL store only (PostgreSQL pass)");
        String trigger = "trigger-" + UUID.randomUUID();
        String body = SlackRequests.slashCommand("/health", "acme", SlackFake.CSM, SlackFake.INTERNAL_CHANNEL,
                FAKE_SLACK.baseUrl() + "response/" + UUID.randomUUID(), trigger);
        HttpResponse<String> first;
        long tookMillis;
        // A store that does not answer: inbound_events locked by another transaction until the answer is back.
        try (Handle holder = STORE.jdbi().open()) {
            holder.begin();
            holder.execute("LOCK TABLE inbound_events IN ACCESS EXCLUSIVE MODE");
            long start = System.nanoTime();
            first = slack.signed(body, FORM, Map.of());
            tookMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(recorded("command:" + trigger, holder)).as("not in the store while it is locked").isZero();
            holder.rollback();
        }

        assertThat(first.body()).contains("Acme");
        // Asking the store would wait for the lock until lock_timeout (5 s) and answer after it.
        assertThat(tookMillis).as("answered without waiting for the store").isLessThan(4_000);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> recorded("command:" + trigger) == 1);
        HttpResponse<String> retry = slack.signed(body, FORM, Map.of("X-Slack-Retry-Num", "1"));
        assertThat(retry.body()).doesNotContain("Acme");
    }

    @Test
    void aCommandAnotherInstanceHandledIsAcknowledgedAndNotAnsweredOrDoneAgain() {
        Assumptions.assumeTrue(STORE.isPostgres(), "several instances share a PostgreSQL store only (PostgreSQL pass)");
        String readTrigger = "trigger-" + UUID.randomUUID();
        handledByAnotherInstance("command:" + readTrigger);
        HttpResponse<String> read = slack.signed(SlackRequests.slashCommand("/health", "acme", SlackFake.CSM,
                SlackFake.INTERNAL_CHANNEL, FAKE_SLACK.baseUrl() + "response/" + UUID.randomUUID(), readTrigger), FORM,
                Map.of("X-Slack-Retry-Num", "1"));
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).doesNotContain("Acme");

        String channel = "C0OTHERINSTANCE";
        String writeTrigger = "trigger-" + UUID.randomUUID();
        handledByAnotherInstance("command:" + writeTrigger);
        HttpResponse<String> write = slack.signed(SlackRequests.slashCommand("/csbot", "link " + acme.id(),
                SlackFake.CSM, channel, FAKE_SLACK.baseUrl() + "response/" + UUID.randomUUID(), writeTrigger), FORM,
                Map.of("X-Slack-Retry-Num", "1"));
        assertThat(write.statusCode()).isEqualTo(200);
        assertThat(write.body()).doesNotContain("Linked");
        SlackFake.awaitQuiet(workers);
        assertThat(links.accountFor(Platform.SLACK, channel)).as("the link is not made a second time").isEmpty();
    }

    @Test
    void aButtonPressAnotherInstanceHandledIsNotDoneAgain() {
        Assumptions.assumeTrue(STORE.isPostgres(), "several instances share a PostgreSQL store only (PostgreSQL pass)");
        String responseUrl = FAKE_SLACK.baseUrl() + "response/" + UUID.randomUUID();
        String body = SlackRequests.blockAction(ActionIds.RISKS_PAGE, "1", SlackFake.CSM, SlackFake.INTERNAL_CHANNEL,
                responseUrl);
        String trigger = com.google.gson.JsonParser.parseString(java.net.URLDecoder.decode(body.substring(
                "payload=".length()), java.nio.charset.StandardCharsets.UTF_8)).getAsJsonObject().get("trigger_id")
                .getAsString();
        handledByAnotherInstance("action:" + trigger);

        assertThat(slack.signed(body, FORM, Map.of("X-Slack-Retry-Num", "1")).statusCode()).isEqualTo(200);

        SlackFake.awaitQuiet(workers);
        assertThat(FAKE_SLACK.requests(r -> responseUrl.endsWith(r.path()))).isEmpty();
    }
}
