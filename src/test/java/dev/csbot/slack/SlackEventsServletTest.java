package dev.csbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import dev.csbot.support.RecordingHttpServer;
import dev.csbot.web.SocketPeer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The Slack door while Slack itself is down: Bolt starts on first use and calls auth.test then. Unsigned
 * requests are refused before that (401, not Bolt's 500); signed ones get 503 with Retry-After, logged once,
 * until Slack answers again.
 */
@ExtendWith(OutputCaptureExtension.class)
class SlackEventsServletTest {

    private static final String SECRET = "servlet-test-secret";

    private final RecordingHttpServer slack = new RecordingHttpServer();
    private final AtomicBoolean slackUp = new AtomicBoolean(false);

    @AfterEach
    void stop() {
        slack.close();
    }

    private SlackEventsServlet servlet() {
        slack.respond("/auth.test", r -> slackUp.get()
                ? RecordingHttpServer.Response.json("{\"ok\":true,\"team_id\":\"T0\",\"user_id\":\"U0BOT\",\"bot_id\":\"B0\"}")
                : RecordingHttpServer.Response.status(503, Map.of()));
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.baseUrl());
        config.setStatsEnabled(false);
        App app = new App(AppConfig.builder().slack(Slack.getInstance(config)).singleTeamBotToken("xoxb-test")
                .signingSecret(SECRET).requestVerificationEnabled(false).build());
        app.command("/ping", (req, ctx) -> ctx.ack("pong"));
        return new SlackEventsServlet(app, new SlackRequestSignature(SECRET, Clock.systemUTC()));
    }

    private static MockHttpServletResponse post(SlackEventsServlet servlet, String body, boolean signed) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/slack/events");
        request.setContentType("application/x-www-form-urlencoded");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        request.setAttribute(SocketPeer.ATTRIBUTE, "192.0.2.7");
        if (signed) {
            long now = System.currentTimeMillis() / 1000;
            request.addHeader("X-Slack-Request-Timestamp", String.valueOf(now));
            request.addHeader("X-Slack-Signature", SlackRequests.sign(SECRET, now, body));
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        servlet.service(request, response);
        return response;
    }

    private static String ping(String marker) {
        return "command=%2Fping&text=" + marker + "&user_id=U0CSM&channel_id=C0&team_id=T0&trigger_id=t1"
                + "&response_url=http%3A%2F%2F127.0.0.1%3A9%2F";
    }

    @Test
    void withSlackDownUnsignedRequestsAre401AndSignedOnes503UntilSlackAnswers(CapturedOutput output) throws Exception {
        SlackEventsServlet servlet = servlet();

        MockHttpServletResponse unsigned = post(servlet, ping("UNSIGNED-MARKER"), false);
        assertThat(unsigned.getStatus()).isEqualTo(401);
        assertThat(slack.requestsTo("/auth.test")).isEmpty();

        MockHttpServletResponse first = post(servlet, ping("SIGNED-MARKER"), true);
        MockHttpServletResponse second = post(servlet, ping("SIGNED-MARKER"), true);
        assertThat(first.getStatus()).isEqualTo(503);
        assertThat(first.getHeader("Retry-After")).isEqualTo("30");
        assertThat(second.getStatus()).isEqualTo(503);
        assertThat(output.getAll().lines().filter(l -> l.contains("cannot start"))).hasSize(1);

        slackUp.set(true);
        MockHttpServletResponse answered = post(servlet, ping("SIGNED-MARKER"), true);
        assertThat(answered.getStatus()).isEqualTo(200);
        assertThat(answered.getContentAsString()).contains("pong");
        assertThat(output.getAll()).doesNotContain("UNSIGNED-MARKER").doesNotContain("SIGNED-MARKER");
    }
}
