package dev.csbot.teams;

import com.microsoft.bot.connector.authentication.ChannelValidation;
import dev.csbot.chat.ChatService;
import dev.csbot.chat.InboundEvents;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Teams channel, in the web application only (the CLI needs just the renderer). Environment:
 * MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD, MICROSOFT_APP_TENANT_ID, and optionally
 * CSBOT_TEAMS_INTERNAL_TENANT_IDS, CSBOT_TEAMS_OPENID_METADATA_URL, CSBOT_TEAMS_OAUTH_TOKEN_URL.
 * {@code csbot.teams.enabled=false} (CSBOT_TEAMS_ENABLED) turns the whole door off: none of this exists.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty(name = TeamsConfiguration.ENABLED, matchIfMissing = true)
class TeamsConfiguration {

    static final String ENABLED = "csbot.teams.enabled";

    private static final Logger log = LoggerFactory.getLogger(TeamsConfiguration.class);

    @Bean
    TeamsSettings teamsSettings(@Value("${microsoft.app-id:}") String appId,
            @Value("${microsoft.app-password:}") String appPassword,
            @Value("${microsoft.app-tenant-id:}") String appTenantId,
            @Value("${csbot.teams.internal-tenant-ids:}") String internalTenantIds,
            @Value("${csbot.teams.openid-metadata-url:}") String openIdMetadataUrl,
            @Value("${csbot.teams.oauth-token-url:}") String oauthTokenUrl) {
        TeamsSettings settings = TeamsSettings.of(appId, appPassword, appTenantId, internalTenantIds,
                openIdMetadataUrl, oauthTokenUrl);
        if (!settings.authenticated()) {
            log.warn("Teams: MICROSOFT_APP_ID/MICROSOFT_APP_PASSWORD not set: /api/messages runs in local"
                    + " development mode only: no token checks, so it accepts only connections from this machine"
                    + " (loopback, whatever X-Forwarded-For says) whose replies go back to this machine; others get"
                    + " 401. Set CSBOT_TEAMS_ENABLED=false to switch the Teams door off.");
        } else if (settings.internalTenantIds().isEmpty()) {
            log.warn("Teams: enabled for app {}, but no MICROSOFT_APP_TENANT_ID or csbot.teams.internal-tenant-ids"
                    + " is set, so nobody counts as internal and every command is refused", settings.appId());
        } else {
            log.info("Teams: enabled for app {}; internal tenants {}", settings.appId(), settings.internalTenantIds());
        }
        if (!settings.openIdMetadataUrl().isBlank()) {
            // The SDK keeps this in a static field: one Teams channel per JVM.
            ChannelValidation.setOpenIdMetaDataUrl(settings.openIdMetadataUrl());
            log.info("Teams: token signing keys from {}", settings.openIdMetadataUrl());
        }
        return settings;
    }

    @Bean
    org.springframework.boot.health.contributor.HealthIndicator teamsHealthIndicator(TeamsSettings settings) {
        return new TeamsDoorHealth(settings);
    }

    @Bean
    TeamsAdapter teamsAdapter(TeamsSettings settings) {
        return new TeamsAdapter(settings);
    }

    @Bean
    TeamsAccess teamsAccess(TeamsSettings settings) {
        return new TeamsAccess(settings);
    }

    @Bean
    TeamsConversationReferences teamsConversationReferences(Jdbi jdbi, Clock clock) {
        return new TeamsConversationReferences(jdbi, clock);
    }

    @Bean
    TeamsSender teamsSender() {
        return new TeamsSender(new TeamsAdaptiveCardRenderer());
    }

    @Bean
    TeamsBot teamsBot(ChatService chat, TeamsAccess access, InboundEvents inbound,
            TeamsConversationReferences references, TeamsSender sender, TeamsPeople people) {
        return new TeamsBot(chat, access, inbound, references, sender, people);
    }

    @Bean
    TeamsPeople teamsPeople(Jdbi jdbi, Clock clock) {
        return new TeamsPeople(jdbi, clock);
    }

    @Bean
    dev.csbot.alerts.ConversationMessenger teamsMessageUpdater(TeamsAdapter adapter, TeamsSettings settings,
            TeamsConversationReferences references, TeamsAccess access, TeamsSender sender, TeamsPeople people) {
        return new TeamsMessageUpdater(adapter, settings, references, access, sender, people);
    }

    @Bean
    TeamsNotifier teamsNotifier(TeamsAdapter adapter, TeamsSettings settings, TeamsConversationReferences references,
            TeamsAccess access, TeamsSender sender) {
        return new TeamsNotifier(adapter, settings, references, access, sender);
    }
}
