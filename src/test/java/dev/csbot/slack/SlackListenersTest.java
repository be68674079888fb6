package dev.csbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.csbot.chat.ChatRequest;
import dev.csbot.chat.ChatService;
import dev.csbot.chat.Reply;
import dev.csbot.chat.ReplyBlock;
import dev.csbot.support.RecordingHttpServer;
import dev.csbot.support.RecordingHttpServer.Recorded;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The acknowledgement rules, without Spring: a slow answer is acknowledged first and delivered later. */
class SlackListenersTest {

    private final RecordingHttpServer slack = new RecordingHttpServer();
    private final ExecutorService workers = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        workers.shutdownNow();
        slack.close();
    }

    /** A core that answers once {@code release} is counted down (at once when it already is). */
    private static ChatService coreAnsweringAfter(CountDownLatch release) {
        return new ChatService(null, null, null, null, null) {
            @Override
            public Reply handle(ChatRequest request) {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Reply.answer("Acme health: 62/100, yellow", List.of(new ReplyBlock.Paragraph(
                        request.caller().internal() ? "for " + request.caller().email().orElse("?") : "refused")));
            }
        };
    }

    private App app(ChatService chat, Duration answerWithin) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.baseUrl());
        config.setStatsEnabled(false);
        Slack client = Slack.getInstance(config);
        slack.respond("/auth.test", r -> RecordingHttpServer.Response.json(
                "{\"ok\":true,\"team_id\":\"T0INTERNAL\",\"user_id\":\"U0BOT\",\"bot_id\":\"B0BOT\"}"));
        slack.respond("/users.info", r -> RecordingHttpServer.Response.json("{\"ok\":true,\"user\":{\"id\":\"U0CSM\","
                + "\"team_id\":\"T0INTERNAL\",\"name\":\"csm\",\"profile\":{\"email\":\"csm@example.com\"}}}"));
        slack.respond("/conversations.info", r -> RecordingHttpServer.Response.json(
                "{\"ok\":true,\"channel\":{\"id\":\"C0INTERNAL\",\"is_channel\":true}}"));
        App app = new App(AppConfig.builder().slack(client).singleTeamBotToken("xoxb-test")
                .signingSecret("unused").requestVerificationEnabled(false).build());
        SlackCallerResolver resolver = new SlackCallerResolver(client.methods("xoxb-test"), Set.of(), Clock.systemUTC());
        new SlackListeners(chat, resolver, new SlackBlockKitRenderer(), client.methods("xoxb-test"), workers,
                answerWithin, new SlackRetryGuard(new SlackInMemoryDeliveries(Clock.systemUTC()),
                new SlackInMemoryDeliveries(Clock.systemUTC()), false),
                new SlackResponseUrl(client.getHttpClient().getOkHttpClient())).register(app);
        return app;
    }

    private Response health(App app, String responseUrl) throws Exception {
        String body = SlackRequests.slashCommand("/health", "acme", "U0CSM", "C0INTERNAL", responseUrl,
                UUID.randomUUID().toString());
        return app.run(new SlashCommandRequest(body, new RequestHeaders(Map.of())));
    }

    @Test
    void aFastAnswerIsInTheAcknowledgementItself() throws Exception {
        String url = slack.baseUrl() + "response/fast";
        long start = System.nanoTime();
        Response ack = health(app(coreAnsweringAfter(new CountDownLatch(0)), SlackAppConfiguration.ANSWER_WITHIN), url);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(ack.getStatusCode()).isEqualTo(200);
        SlackLimits.assertMessageWithinLimits(ack.getBody());
        assertThat(ack.getBody()).contains("Acme health").contains("for csm@example.com").contains("share-in-channel")
                .contains("\"response_type\":\"ephemeral\"");
        // Everything the listeners handed to the workers has run: nothing more can reach the response_url.
        workers.shutdown();
        assertThat(workers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(slack.requests(r -> r.path().equals("/response/fast"))).isEmpty();
    }

    @Test
    void aSlowAnswerIsAcknowledgedAtOnceAndDeliveredThroughTheResponseUrl() throws Exception {
        String url = slack.baseUrl() + "response/slow";
        CountDownLatch release = new CountDownLatch(1);
        // The core does not answer until the acknowledgement is back: it must not wait for the answer.
        Response ack = health(app(coreAnsweringAfter(release), Duration.ofMillis(300)), url);
        assertThat(ack.getBody()).contains(SlackListeners.WORKING).doesNotContain("Acme");
        assertThat(slack.requests(r -> r.path().equals("/response/slow"))).isEmpty();
        release.countDown();
        List<Recorded> posts = SlackFake.await(slack, r -> r.path().equals("/response/slow"), 1);
        assertThat(posts).hasSize(1);
        SlackLimits.assertMessageWithinLimits(posts.get(0).body());
        assertThat(posts.get(0).body()).contains("Acme health").contains("\"response_type\":\"ephemeral\"");
    }
}
