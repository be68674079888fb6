package dev.csbot.slack;

import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts messages to a request's {@code response_url}. Slack answers 429 (with {@code Retry-After}) when a
 * workspace sends too fast and 5xx when it is having trouble; both are retried a bounded number of times
 * (Resilience4j's Retry), waiting as long as Slack asks or backing off. A post that still fails is logged
 * once, with what it was for and never with the message (customer text) or the URL (a credential).
 */
final class SlackResponseUrl {

    static final int MAX_ATTEMPTS = 3;
    /** Retry-After beyond this is not waited for: the worker gives up rather than hold a thread that long. */
    static final Duration LONGEST_WAIT = Duration.ofSeconds(10);
    static final Duration FIRST_BACKOFF = Duration.ofMillis(250);

    private static final Logger log = LoggerFactory.getLogger(SlackResponseUrl.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    /** What one post got back: the status and, on 429, how long Slack asked us to wait. */
    record Outcome(int status, Duration retryAfter) {
        boolean delivered() {
            return status >= 200 && status < 300;
        }

        boolean worthRetrying() {
            return status == 429 ? retryAfter.compareTo(LONGEST_WAIT) <= 0 : status >= 500;
        }
    }

    private final OkHttpClient http;
    private final Retry retry;

    SlackResponseUrl(OkHttpClient http) {
        this.http = http;
        this.retry = Retry.of("slack-response-url", RetryConfig.<Outcome>custom()
                .maxAttempts(MAX_ATTEMPTS)
                .retryOnResult(Outcome::worthRetrying)
                .retryExceptions(IOException.class)
                .intervalBiFunction((attempt, outcome) -> outcome.isRight() && outcome.get().status() == 429
                        ? outcome.get().retryAfter().toMillis()
                        : FIRST_BACKOFF.toMillis() << (attempt - 1))
                .build());
    }

    /**
     * Posts one message body; true when Slack took it. {@code what} names the request for the log (a command
     * name or an action id), {@code part} which message of how many it was.
     */
    boolean post(String responseUrl, String json, String what, String part) {
        AtomicInteger attempts = new AtomicInteger();
        Outcome outcome;
        try {
            outcome = retry.executeCheckedSupplier(() -> {
                attempts.incrementAndGet();
                return send(responseUrl, json);
            });
        } catch (Throwable failure) {
            log.error("Slack: the answer to {} ({}) was not delivered: response_url post failed {} times, last with {}",
                    what, part, attempts.get(), failure.toString());
            return false;
        }
        if (!outcome.delivered()) {
            log.error("Slack: the answer to {} ({}) was not delivered: response_url answered HTTP {} after {} attempt(s)",
                    what, part, outcome.status(), attempts.get());
            return false;
        }
        return true;
    }

    private Outcome send(String responseUrl, String json) throws IOException {
        Request request = new Request.Builder().url(responseUrl).post(RequestBody.create(json, JSON)).build();
        try (Response response = http.newCall(request).execute()) {
            return new Outcome(response.code(), retryAfter(response.header("Retry-After")));
        }
    }

    /** Seconds, as Slack sends it; anything else counts as one second. */
    static Duration retryAfter(String header) {
        if (header != null) {
            try {
                return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
            } catch (NumberFormatException notSeconds) {
                // an HTTP date or junk: fall through
            }
        }
        return Duration.ofSeconds(1);
    }
}
