package dev.csbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.csbot.chat.ChannelLinks;
import dev.csbot.chat.Platform;
import dev.csbot.support.IntegrationTest;
import dev.csbot.web.LogLines;
import dev.csbot.web.RawHttp;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * What strangers and broken senders get at {@code POST /slack/events}, through the running app: every case
 * says what the caller gets back, that nothing was stored or sent, and what reached the log (never a body,
 * never a raw line break). Each body carries a unique marker so the log can be searched for it.
 */
@ExtendWith(OutputCaptureExtension.class)
class SlackHostileInputTest extends IntegrationTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final int TEN_MEGABYTES = 10 * 1024 * 1024;

    @Autowired
    ChannelLinks links;

    @Autowired
    @Qualifier("slackWorkers")
    ExecutorService workers;

    private SlackRequests slack;
    private String marker;

    @BeforeEach
    void setUp() {
        SlackFake.install("csm@example.com");
        slack = new SlackRequests(baseUrl(), SLACK_SIGNING_SECRET);
        marker = "MARK" + UUID.randomUUID().toString().replace("-", "");
    }

    private String command(String command, String text, String channel) {
        return SlackRequests.slashCommand(command, text, SlackFake.CSM, channel,
                FAKE_SLACK.baseUrl() + "response/" + marker, "trigger-" + UUID.randomUUID());
    }

    private HttpResponse<String> sendBytes(byte[] body, boolean signed, boolean declareLength) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/slack/events"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", FORM).expectContinue(true)
                .POST(declareLength ? HttpRequest.BodyPublishers.ofByteArray(body)
                        : HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        if (signed) {
            long now = System.currentTimeMillis() / 1000;
            request.header("X-Slack-Request-Timestamp", String.valueOf(now))
                    .header("X-Slack-Signature", SlackRequests.sign(SLACK_SIGNING_SECRET, now, body));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private byte[] tenMegabytes() {
        byte[] body = new byte[TEN_MEGABYTES];
        Arrays.fill(body, (byte) 'a');
        byte[] start = ("text=" + marker + "&command=%2Fhealth&").getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(start, 0, body, 0, start.length);
        return body;
    }

    /** Nothing the app did for these requests mentions the marker; nothing is left for the workers to send. */
    private void assertNoTrace(CapturedOutput output) {
        SlackFake.awaitQuiet(workers);
        assertThat(output.getAll()).doesNotContain(marker);
        assertThat(FAKE_SLACK.requests(r -> r.path().contains(marker) || r.body().contains(marker))).isEmpty();
    }

    // ---- size ----------------------------------------------------------------------------------------

    @Test
    void anUnsignedTenMegabyteBodyIsRefusedWith413BeforeItIsReadAndLeavesNoTrace(CapturedOutput output) {
        int logBefore = output.getAll().length();
        // Only the first kilobyte is ever sent: the answer comes from the declared length alone.
        RawHttp.Reply reply = RawHttp.post(null, "127.0.0.1", port, "/slack/events", Map.of("Content-Type", FORM),
                Arrays.copyOf(tenMegabytes(), 1024), (long) TEN_MEGABYTES);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.body()).contains(String.valueOf(SlackEventsServlet.MAX_BODY_BYTES));
        assertNoTrace(output);
        assertThat(output.getAll().length() - logBefore).as("bytes logged").isLessThan(2_000);
    }

    @Test
    void aBodyWithoutADeclaredLengthIsCutOffOneByteOverTheCap(CapturedOutput output) {
        // 300 KB of an endless chunked body: the answer comes once the cap is passed, not at the end.
        RawHttp.Reply reply = RawHttp.post(null, "127.0.0.1", port, "/slack/events", Map.of("Content-Type", FORM),
                Arrays.copyOf(tenMegabytes(), 300 * 1024), null);

        assertThat(reply.status()).isEqualTo(413);
        assertNoTrace(output);
    }

    @Test
    void aTenMegabyteBodySentWholeLeavesNoTraceAndAnyAnswerIs413(CapturedOutput output) throws Exception {
        try {
            assertThat(sendBytes(tenMegabytes(), false, true).statusCode()).isEqualTo(413);
        } catch (java.io.IOException closedWhileSending) {
            // Tomcat closes the connection after the 413 while the client is still sending, and the client
            // may then lose the answer; the two cases above pin what the server sends.
        }
        assertNoTrace(output);
    }

    @Test
    void aSignedBodyOneByteOverTheCapIsRefusedAndOneAtTheCapIsAnswered(CapturedOutput output) throws Exception {
        String base = command("/health", "acme", SlackFake.INTERNAL_CHANNEL);
        String atCap = base + "&pad=" + "x".repeat(SlackEventsServlet.MAX_BODY_BYTES - base.length() - 5);
        assertThat(atCap.length()).isEqualTo(SlackEventsServlet.MAX_BODY_BYTES);

        // One byte over: sent by hand, only its first kilobyte, so the 413 and the close that follows cannot race
        // java.net.http's Expect: 100-continue handling (which lost the answer once in CI).
        byte[] overCap = (atCap + "x").getBytes(StandardCharsets.US_ASCII);
        long now = System.currentTimeMillis() / 1000;
        RawHttp.Reply refused = RawHttp.post(null, "127.0.0.1", port, "/slack/events", Map.of("Content-Type", FORM,
                "X-Slack-Request-Timestamp", String.valueOf(now),
                "X-Slack-Signature", SlackRequests.sign(SLACK_SIGNING_SECRET, now, overCap)),
                Arrays.copyOf(overCap, 1024), (long) overCap.length);
        assertThat(refused.status()).isEqualTo(413);
        HttpResponse<String> answered = sendBytes(atCap.getBytes(StandardCharsets.US_ASCII), true, true);
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(answered.body()).contains("Acme");
    }

    // ---- malformed bodies ----------------------------------------------------------------------------

    @Test
    void aBadPercentEscapeIs401UnsignedAnd400Signed(CapturedOutput output) throws Exception {
        byte[] body = ("command=%2Fhealth&text=" + marker + "%zz&user_id=U0CSM").getBytes(StandardCharsets.US_ASCII);

        assertThat(sendBytes(body, false, true).statusCode()).isEqualTo(401);
        HttpResponse<String> signed = sendBytes(body, true, true);
        assertThat(signed.statusCode()).isEqualTo(400);
        assertThat(signed.body()).contains("not a Slack request");
        assertNoTrace(output);
    }

    @Test
    void aBodyThatIsNotUtf8Is401UnsignedAnd400Signed(CapturedOutput output) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("command=%2Fhealth&user_id=U0CSM&text=" + marker).getBytes(StandardCharsets.US_ASCII));
        body.write(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});

        assertThat(sendBytes(body.toByteArray(), false, true).statusCode()).isEqualTo(401);
        HttpResponse<String> signed = sendBytes(body.toByteArray(), true, true);
        assertThat(signed.statusCode()).isEqualTo(400);
        assertThat(signed.body()).contains("not UTF-8");
        assertNoTrace(output);
    }

    @Test
    void signedPayloadsOfTheWrongShapeAre400(CapturedOutput output) throws Exception {
        String[] bodies = {
            "payload=" + SlackRequests.enc("{\"type\":\"block_actions\",\"text\":\"" + marker),
            "payload=" + SlackRequests.enc("{\"type\":\"block_actions\",\"user\":{\"id\":\"U0CSM\"},\"note\":\""
                    + marker + "\"}"),
            "payload=" + SlackRequests.enc("{\"type\":\"block_actions\",\"user\":{\"id\":\"U0CSM\"},\"actions\":[],"
                    + "\"note\":\"" + marker + "\"}"),
            "{\"type\":\"event_callback\",\"note\":\"" + marker + "\"}",
            "{\"type\":\"something_else\",\"note\":\"" + marker + "\"}",
            "text=" + marker + "&user_id=U0CSM",
            "command=&text=" + marker,
        };
        for (String body : bodies) {
            String contentType = body.startsWith("{") ? "application/json" : FORM;
            HttpResponse<String> response = slack.signed(body, contentType, Map.of());
            assertThat(response.statusCode()).as(body).isEqualTo(400);
        }
        assertNoTrace(output);
    }

    // ---- nothing stored ------------------------------------------------------------------------------

    @Test
    void anUnsignedLinkIsRefusedAndNothingIsLinked(CapturedOutput output) {
        String channel = "C0FRESH" + marker;
        String body = command("/csbot", "link globex", channel);

        assertThat(slack.send(body, FORM, null, null, Map.of()).statusCode()).isEqualTo(401);
        long stale = System.currentTimeMillis() / 1000 - 301;
        assertThat(slack.send(body, FORM, String.valueOf(stale), SlackRequests.sign(SLACK_SIGNING_SECRET, stale, body),
                Map.of()).statusCode()).isEqualTo(401);

        SlackFake.awaitQuiet(workers);
        assertThat(links.accountFor(Platform.SLACK, channel)).isEmpty();
        assertThat(output.getAll()).doesNotContain(marker);
    }

    // ---- the log -------------------------------------------------------------------------------------

    @Test
    void lineBreaksFromARequestNeverReachTheLogRaw(CapturedOutput output) {
        String forged = "2026-11-23T12:00:00.000Z ERROR [forged] " + marker;
        String trigger = "trigger-" + UUID.randomUUID() + "\r\n" + forged;
        String body = SlackRequests.slashCommand("/health", "acme\r\n" + forged, SlackFake.CSM,
                SlackFake.INTERNAL_CHANNEL, FAKE_SLACK.baseUrl() + "response/" + UUID.randomUUID(), trigger);
        // Other tests start CLI contexts that leave the shared logging at WARN; the retry line is INFO.
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        logging.setLogLevel(SlackRetryGuard.class.getName(), LogLevel.INFO);
        try {
            assertThat(slack.signed(body, FORM, Map.of()).statusCode()).isEqualTo(200);
            // Slack's retry of it is recognised by its trigger_id, which the log names.
            assertThat(slack.signed(body, FORM, Map.of("X-Slack-Retry-Num", "1")).statusCode()).isEqualTo(200);
            SlackFake.awaitQuiet(workers);
        } finally {
            logging.setLogLevel(SlackRetryGuard.class.getName(), null);
        }

        // The text was logged (in the line naming the retried trigger_id), with its line break escaped.
        assertThat(output.getErr()).contains("\\r\\n" + forged);
        assertThat(output.getAll().lines()).noneMatch(line -> line.startsWith(forged));
        assertThat(output.getAll().lines().filter(LogLines::warnOrAbove))
                .noneMatch(line -> line.contains(marker));
    }

    @Test
    void logsGoToStderrSoStdoutCarriesOnlyAnswers(CapturedOutput output) {
        org.slf4j.LoggerFactory.getLogger(SlackHostileInputTest.class).warn("probe {}", marker + "\nsecond line");

        assertThat(output.getOut()).doesNotContain(marker);
        assertThat(output.getErr().lines().filter(line -> line.contains(marker)))
                .singleElement().asString().endsWith(marker + "\\nsecond line");
    }
}
