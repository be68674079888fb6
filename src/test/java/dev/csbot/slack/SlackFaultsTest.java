package dev.csbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.csbot.account.Account;
import dev.csbot.account.AccountRepository;
import dev.csbot.chat.ActionIds;
import dev.csbot.support.IntegrationTest;
import dev.csbot.support.RecordingHttpServer.Recorded;
import dev.csbot.support.RecordingHttpServer.Response;
import dev.csbot.web.LogLines;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * When Slack pushes back on a {@code response_url} post (429 with Retry-After, 5xx): the answer to a pressed
 * button is retried a bounded number of times, as late as Slack asks, and a post that never gets through is
 * logged once, naming what it was for and nothing of the message.
 */
@ExtendWith(OutputCaptureExtension.class)
class SlackFaultsTest extends IntegrationTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    @Autowired
    AccountRepository accounts;

    @Autowired
    @Qualifier("slackWorkers")
    ExecutorService workers;

    private SlackRequests slack;
    private Account acme;
    private String path;
    private final List<Long> arrivals = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        acme = SlackTestPortfolio.acme(accounts);
        SlackFake.install(acme.csmEmail());
        slack = new SlackRequests(baseUrl(), SLACK_SIGNING_SECRET);
        path = "/response/fault-" + UUID.randomUUID();
    }

    /** FAKE_SLACK answers posts to this test's response_url with {@code answers} in turn, then 200. */
    private void responseUrlAnswers(Response... answers) {
        AtomicInteger calls = new AtomicInteger();
        FAKE_SLACK.respond(path, request -> {
            arrivals.add(System.nanoTime());
            int call = calls.getAndIncrement();
            return call < answers.length ? answers[call] : Response.json("{\"ok\":true}");
        });
    }

    private void pressShowDrivers() {
        assertThat(slack.signed(SlackRequests.blockAction(ActionIds.SHOW_DRIVERS, acme.id(), SlackFake.CSM,
                SlackFake.INTERNAL_CHANNEL, FAKE_SLACK.baseUrl() + path.substring(1)), FORM, Map.of()).statusCode())
                .isEqualTo(200);
    }

    private List<Recorded> posts() {
        return FAKE_SLACK.requests(r -> r.path().equals(path));
    }

    private static List<String> errorLines(CapturedOutput output) {
        return output.getAll().lines().filter(LogLines::warnOrAbove).filter(l -> l.contains("not delivered"))
                .toList();
    }

    @Test
    void aRateLimitedPostIsSentAgainNoSoonerThanSlackAsked(CapturedOutput output) {
        responseUrlAnswers(Response.status(429, Map.of("Retry-After", "1")));

        pressShowDrivers();
        SlackFake.await(FAKE_SLACK, r -> r.path().equals(path), 2);
        SlackFake.awaitQuiet(workers);

        assertThat(posts()).hasSize(2);
        assertThat(posts().get(1).body()).isEqualTo(posts().get(0).body()).contains("Acme");
        assertThat(arrivals.get(1) - arrivals.get(0)).as("nanoseconds between the tries").isGreaterThanOrEqualTo(950_000_000L);
        assertThat(errorLines(output)).isEmpty();
    }

    @Test
    void aPostThatKeepsFailingIsTriedThreeTimesAndLoggedOnceWithoutTheMessage(CapturedOutput output) {
        Response down = Response.status(503, Map.of());
        responseUrlAnswers(down, down, down, down, down);

        pressShowDrivers();
        SlackFake.await(FAKE_SLACK, r -> r.path().equals(path), SlackResponseUrl.MAX_ATTEMPTS);
        SlackFake.awaitQuiet(workers);

        assertThat(posts()).hasSize(SlackResponseUrl.MAX_ATTEMPTS);
        assertThat(errorLines(output)).singleElement().asString().contains(ActionIds.SHOW_DRIVERS).contains("HTTP 503")
                .doesNotContain("Acme").doesNotContain(path.substring(path.lastIndexOf('-') + 1));
    }

    @Test
    void aRetryAfterLongerThanAWorkerWaitsIsNotRetriedEarly(CapturedOutput output) {
        responseUrlAnswers(Response.status(429, Map.of("Retry-After", "600")));

        pressShowDrivers();
        SlackFake.await(FAKE_SLACK, r -> r.path().equals(path), 1);
        SlackFake.awaitQuiet(workers);

        assertThat(posts()).hasSize(1);
        assertThat(errorLines(output)).singleElement().asString().contains("HTTP 429");
    }
}
