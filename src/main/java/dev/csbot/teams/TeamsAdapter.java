package dev.csbot.teams;

import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.SimpleCredentialProvider;
import com.microsoft.bot.integration.BotFrameworkHttpAdapter;
import java.util.concurrent.CompletableFuture;

/** The Bot Framework adapter, with the bot's credentials built by {@link TeamsAppCredentials}. */
final class TeamsAdapter extends BotFrameworkHttpAdapter {

    private final TeamsSettings settings;

    TeamsAdapter(TeamsSettings settings) {
        // Without both id and password the SDK must not check tokens either (local development mode).
        super(settings.authenticated() ? new SimpleCredentialProvider(settings.appId(), settings.appPassword())
                : new SimpleCredentialProvider(), null);
        this.settings = settings;
    }

    @Override
    protected CompletableFuture<AppCredentials> buildAppCredentials(String appId, String oAuthScope) {
        return CompletableFuture.completedFuture(new TeamsAppCredentials(appId, settings.appPassword(),
                settings.appTenantId(), oAuthScope, settings.oauthTokenUrl()));
    }
}
