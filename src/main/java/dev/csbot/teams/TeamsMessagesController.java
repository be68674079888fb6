package dev.csbot.teams;

import com.auth0.jwt.exceptions.JWTDecodeException;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/messages}: every Bot Framework activity. The body is parsed with the SDK's own Jackson 2
 * (Spring MVC's Jackson 3 cannot fill an {@link Activity}); the adapter checks the token and runs the bot.
 * 400 for a body that is not an activity, 401 for a missing or bad token (nothing is done), 202 when the
 * bot has answered through the connector, or the invoke response for invokes.
 */
@RestController
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
class TeamsMessagesController {

    private static final Logger log = LoggerFactory.getLogger(TeamsMessagesController.class);

    private final TeamsAdapter adapter;
    private final TeamsBot bot;
    private final TeamsSettings settings;

    TeamsMessagesController(TeamsAdapter adapter, TeamsBot bot, TeamsSettings settings) {
        this.adapter = adapter;
        this.bot = bot;
        this.settings = settings;
    }

    @PostMapping(path = "/api/messages", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> messages(@RequestBody(required = false) String body,
            @RequestHeader(name = "Authorization", required = false) String authorization) {
        Activity activity;
        try {
            JsonNode tree = Serialization.jsonToTree(body == null ? "" : body);
            activity = tree == null || !tree.isObject() ? null : Serialization.treeToValue(tree, Activity.class);
        } catch (IOException | RuntimeException e) {
            activity = null;
        }
        if (activity == null || activity.getType() == null || activity.getType().isBlank()) {
            return ResponseEntity.badRequest().body("{\"error\":\"the body is not a Bot Framework activity\"}");
        }
        if (!settings.authenticated() && !isLocal(activity.getServiceUrl())) {
            // Without credentials nothing is checked, so replies may only go back to this machine.
            log.warn("Teams (local development mode): refused an activity whose serviceUrl {} is not local",
                    activity.getServiceUrl());
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        try {
            InvokeResponse response = adapter.processIncomingActivity(authorization, activity, bot).join();
            if (response == null) {
                return ResponseEntity.status(HttpStatus.ACCEPTED).build();
            }
            return ResponseEntity.status(response.getStatus())
                    .body(response.getBody() == null ? null : Serialization.toStringSilent(response.getBody()));
        } catch (CompletionException e) {
            if (isAuthenticationFailure(e.getCause())) {
                return unauthorized(activity, e.getCause());
            }
            if (dev.csbot.store.StoreBusy.causedBy(e)) {
                return storeBusy(activity);
            }
            log.error("Teams: {} activity {} in {} failed", activity.getType(), activity.getId(),
                    TeamsAccess.conversationIdOf(activity), e.getCause());
            return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).build();
        } catch (RuntimeException e) {
            if (isAuthenticationFailure(e)) {
                return unauthorized(activity, e);
            }
            throw e;
        }
    }

    /** Another writer (an import) kept the store past the busy timeout: nothing was done, so it may come again. */
    private static ResponseEntity<String> storeBusy(Activity activity) {
        log.warn("Teams: {} activity {} not handled: the store stayed busy with another write", activity.getType(),
                activity.getId());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", String.valueOf(dev.csbot.store.StoreBusy.RETRY_AFTER_SECONDS))
                .body("{\"error\":\"the store is busy with another write; send the activity again\"}");
    }

    private static ResponseEntity<String> unauthorized(Activity activity, Throwable reason) {
        log.warn("Teams: refused {} activity {}: {}", activity.getType(), activity.getId(), reason.getMessage());
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
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
