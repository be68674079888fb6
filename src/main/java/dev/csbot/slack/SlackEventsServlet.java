package dev.csbot.slack;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.jakarta_servlet.ServletAdapterOps;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.QueryStringParser;
import com.slack.api.bolt.util.SlackRequestParser;
import dev.csbot.web.BoundedBody;
import dev.csbot.web.OncePerSource;
import dev.csbot.web.SocketPeer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /slack/events}, in front of Bolt. Bolt's own servlet parses (and logs at WARN) a body before
 * it checks the signature, reads any length, and answers 500 to bodies it cannot decode; this one goes in
 * order: read at most {@link #MAX_BODY_BYTES} (413 past it), check the signature on the exact bytes (401),
 * decode and parse (400), and only then run the Bolt app. Nothing of a body is logged. Bolt's own check is
 * off for this app ({@code requestVerificationEnabled(false)}): every HTTP request reaches it through here,
 * and Socket Mode has no signature to check.
 */
final class SlackEventsServlet extends HttpServlet {

    /** Slack's largest payloads (a view submission with many inputs) are tens of kilobytes. */
    static final int MAX_BODY_BYTES = 256 * 1024;

    private static final Logger log = LoggerFactory.getLogger(SlackEventsServlet.class);

    private final transient App app;
    private final transient SlackRequestSignature signature;
    private final transient SlackRequestParser parser;
    private final transient OncePerSource refusedSources = new OncePerSource();
    private final AtomicBoolean startFailureLogged = new AtomicBoolean();

    SlackEventsServlet(App app, SlackRequestSignature signature) {
        this.app = app;
        this.signature = signature;
        this.parser = new SlackRequestParser(app.config());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body;
        try {
            body = BoundedBody.read(request, MAX_BODY_BYTES);
        } catch (BoundedBody.TooLarge e) {
            BoundedBody.refuse(response, "a Slack request body may be at most " + MAX_BODY_BYTES + " bytes");
            return;
        }
        if (!signature.isValid(request.getHeader(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP),
                request.getHeader(SlackSignature.HeaderNames.X_SLACK_SIGNATURE), body)) {
            String source = SocketPeer.address(request).orElse("an unknown address");
            if (refusedSources.first(source)) {
                log.warn("Slack: refused a request from {} without a valid signature (missing, wrong or more than"
                        + " five minutes off); if Slack's own requests are refused, check SLACK_SIGNING_SECRET and"
                        + " the clock. Further refusals from {} are not logged for an hour.", source, source);
            }
            error(response, HttpServletResponse.SC_UNAUTHORIZED, "invalid request");
            return;
        }
        Optional<String> text = utf8(body);
        if (text.isEmpty()) {
            error(response, HttpServletResponse.SC_BAD_REQUEST, "the request body is not UTF-8");
            return;
        }
        Request<?> slackRequest;
        try {
            slackRequest = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(request.getRequestURI())
                    .queryString(QueryStringParser.toMap(request.getQueryString()))
                    .headers(new RequestHeaders(ServletAdapterOps.toHeaderMap(request)))
                    .requestBody(text.get())
                    .remoteAddress(SocketPeer.address(request).orElse(null))
                    .build());
        } catch (RuntimeException malformed) {
            // A bad percent escape, JSON that is not, a payload of the wrong shape: the sender's mistake.
            slackRequest = null;
        }
        if (slackRequest == null) {
            error(response, HttpServletResponse.SC_BAD_REQUEST, "not a Slack request csbot understands");
            return;
        }
        Optional<String> problem = SlackRequestShape.problem(slackRequest);
        if (problem.isPresent()) {
            error(response, HttpServletResponse.SC_BAD_REQUEST, problem.get());
            return;
        }
        if (!started()) {
            response.setHeader("Retry-After", "30");
            error(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "csbot cannot reach Slack right now");
            return;
        }
        Response answer;
        try {
            answer = app.run(slackRequest);
        } catch (Exception e) {
            log.error("Slack: a {} request failed in csbot", slackRequest.getRequestType(), e);
            error(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "csbot could not handle this request");
            return;
        }
        ServletAdapterOps.writeResponse(response, answer);
    }

    /**
     * Bolt starts on first use and calls Slack's auth.test then; when Slack is unreachable that fails, and is
     * tried again on the next request. Logged once per outage.
     */
    private boolean started() {
        if (app.status() == App.Status.Running) {
            return true;
        }
        try {
            app.start();
            startFailureLogged.set(false);
            return true;
        } catch (RuntimeException e) {
            if (startFailureLogged.compareAndSet(false, true)) {
                log.error("Slack: the app cannot start (auth.test failed: {}); Slack requests get 503 until it can",
                        e.getMessage());
            }
            return false;
        }
    }

    private static Optional<String> utf8(byte[] body) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static void error(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"error\":\"" + message + "\"}");
    }
}
