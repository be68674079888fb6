package dev.csbot.teams;

import com.auth0.jwt.exceptions.JWTDecodeException;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import dev.csbot.web.BoundedBody;
import dev.csbot.web.OncePerSource;
import dev.csbot.web.SocketPeer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/messages}: every Bot Framework activity. The body is read up to {@link #MAX_BODY_BYTES}
 * (413 past it) and parsed with the SDK's own Jackson 2 (Spring MVC's Jackson 3 cannot fill an
 * {@link Activity}); the adapter checks the token and runs the bot. 400 for a body that is not an activity
 * (or has no conversation or sender), 401 for a missing or bad token (nothing is done), 202 when the bot has
 * answered through the connector, or the invoke response for invokes.
 *
 * <p>In local development mode (no app id) nothing is signed, so only connections from this machine itself
 * are served: the socket's own address, not a forwarded header (see {@link SocketPeer}).
 */
@RestController
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty(name = TeamsConfiguration.ENABLED, matchIfMissing = true)
class TeamsMessagesController {

    /** Teams caps a message at about 100 KB (Adaptive Card included); a quarter of a megabyte leaves room. */
    static final int MAX_BODY_BYTES = 256 * 1024;

    private static final Logger log = LoggerFactory.getLogger(TeamsMessagesController.class);

    private final TeamsAdapter adapter;
    private final TeamsBot bot;
    private final TeamsSettings settings;
    private final OncePerSource refusedSources = new OncePerSource();

    TeamsMessagesController(TeamsAdapter adapter, TeamsBot bot, TeamsSettings settings) {
        this.adapter = adapter;
        this.bot = bot;
        this.settings = settings;
    }

    @PostMapping(path = "/api/messages", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> messages(HttpServletRequest request, HttpServletResponse response,
            @RequestHeader(name = "Authorization", required = false) String authorization) throws IOException {
        String source = SocketPeer.address(request).orElse("an unknown address");
        if (!settings.authenticated() && !SocketPeer.isLoopback(request)) {
            if (refusedSources.first(source)) {
                log.warn("Teams (local development mode): refused a request from {}: without MICROSOFT_APP_ID only"
                        + " this machine is served. Further refusals from {} are not logged for an hour.", source, source);
            }
            return error(HttpStatus.UNAUTHORIZED, "without MICROSOFT_APP_ID csbot serves only this machine");
        }
        Activity activity;
        try {
            activity = parse(BoundedBody.read(request, MAX_BODY_BYTES));
        } catch (BoundedBody.TooLarge e) {
            BoundedBody.refuse(response, "an activity may be at most " + MAX_BODY_BYTES + " bytes");
            return null;
        }
        if (activity == null || activity.getType() == null || activity.getType().isBlank()) {
            return error(HttpStatus.BAD_REQUEST, "the body is not a Bot Framework activity");
        }
        if (activity.getConversation() == null || blank(activity.getConversation().getId())) {
            return error(HttpStatus.BAD_REQUEST, "the activity has no conversation id");
        }
        if (activity.getFrom() == null || blank(activity.getFrom().getId())) {
            return error(HttpStatus.BAD_REQUEST, "the activity has no sender (from.id)");
        }
        if (!settings.authenticated() && !isLocal(activity.getServiceUrl())) {
            // Without credentials nothing is checked, so replies may only go back to this machine.
            log.warn("Teams (local development mode): refused an activity whose serviceUrl is not on this machine");
            return error(HttpStatus.UNAUTHORIZED, "without MICROSOFT_APP_ID replies go only to this machine");
        }
        try {
            InvokeResponse invoked = adapter.processIncomingActivity(authorization, activity, bot).join();
            if (invoked == null) {
                return ResponseEntity.status(HttpStatus.ACCEPTED).build();
            }
            return ResponseEntity.status(invoked.getStatus())
                    .body(invoked.getBody() == null ? null : Serialization.toStringSilent(invoked.getBody()));
        } catch (CompletionException e) {
            if (isAuthenticationFailure(e.getCause())) {
                return unauthorized(source, e.getCause());
            }
            if (dev.csbot.store.StoreBusy.causedBy(e)) {
                return storeBusy(activity);
            }
            log.error("Teams: {} activity {} in {} was not answered (a redelivery will be handled)", activity.getType(),
                    activity.getId(), TeamsAccess.conversationIdOf(activity), e.getCause());
            return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).build();
        } catch (RuntimeException e) {
            if (isAuthenticationFailure(e)) {
                return unauthorized(source, e);
            }
            throw e;
        }
    }

    /** The activity in a UTF-8 JSON body, or null when the body is not one (never an exception). */
    private static Activity parse(byte[] body) {
        try {
            String json = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
            JsonNode tree = Serialization.jsonToTree(json);
            return tree == null || !tree.isObject() ? null : Serialization.treeToValue(tree, Activity.class);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static ResponseEntity<String> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body("{\"error\":\"" + message + "\"}");
    }

    /** Logged by the kind of failure only: the message of a token error quotes the (attacker's) token. */
    private ResponseEntity<String> unauthorized(String source, Throwable reason) {
        if (refusedSources.first(source)) {
            log.warn("Teams: refused an activity from {}: its token was missing or not valid ({}). Further refusals"
                    + " from {} are not logged for an hour.", source, reason.getClass().getSimpleName(), source);
        }
        return error(HttpStatus.UNAUTHORIZED, "the activity's token was missing or not valid");
    }

    /** Another writer (an import) kept the store past the busy timeout: nothing was done, so it may come again. */
    private static ResponseEntity<String> storeBusy(Activity activity) {
        log.warn("Teams: {} activity {} not handled: the store stayed busy with another write", activity.getType(),
                activity.getId());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", String.valueOf(dev.csbot.store.StoreBusy.RETRY_AFTER_SECONDS))
                .body("{\"error\":\"the store is busy with another write; send the activity again\"}");
    }

    private static boolean isAuthenticationFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AuthenticationException || t instanceof JWTDecodeException
                    || t instanceof com.auth0.jwt.exceptions.JWTVerificationException) {
                return true;
            }
        }
        return false;
    }

    static boolean isLocal(String serviceUrl) {
        try {
            String host = URI.create(serviceUrl == null ? "" : serviceUrl).getHost();
            return host != null && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
