package dev.csbot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * The bot's own credentials for replies and proactive messages. By default the SDK asks Microsoft Entra ID
 * (through MSAL) for a token; with {@code csbot.teams.oauth-token-url} set, the token comes from that
 * OAuth 2.0 client-credentials endpoint instead, which is how tests keep replies off the internet.
 */
final class TeamsAppCredentials extends MicrosoftAppCredentials {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration EARLY_REFRESH = Duration.ofMinutes(5);

    private final String tokenUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private String cachedToken;
    private Instant cachedUntil = Instant.EPOCH;

    TeamsAppCredentials(String appId, String appPassword, String channelAuthTenant, String oAuthScope,
            String tokenUrl) {
        super(appId, appPassword, channelAuthTenant.isBlank() ? null : channelAuthTenant,
                oAuthScope == null || oAuthScope.isBlank()
                        ? AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE : oAuthScope);
        this.tokenUrl = tokenUrl;
    }

    @Override
    public CompletableFuture<String> getToken() {
        if (tokenUrl.isBlank()) {
            return super.getToken();
        }
        synchronized (this) {
            if (cachedToken != null && Instant.now().isBefore(cachedUntil)) {
                return CompletableFuture.completedFuture(cachedToken);
            }
        }
        return CompletableFuture.supplyAsync(this::fetchToken);
    }

    private synchronized String fetchToken() {
        String form = "grant_type=client_credentials&client_id=" + encode(getAppId()) + "&client_secret="
                + encode(getAppPassword()) + "&scope=" + encode(oAuthScope() + "/.default");
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUrl)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token endpoint " + tokenUrl + " answered " + response.statusCode());
            }
            JsonNode body = MAPPER.readTree(response.body());
            String token = body.path("access_token").asText("");
            if (token.isEmpty()) {
                throw new IllegalStateException("token endpoint " + tokenUrl + " sent no access_token");
            }
            cachedToken = token;
            cachedUntil = Instant.now().plusSeconds(body.path("expires_in").asLong(3600)).minus(EARLY_REFRESH);
            return token;
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach token endpoint " + tokenUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching a bot token", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
