package dev.csbot.teams;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Teams channel's configuration. Without an app id and password the channel runs in local development
 * mode: no token checks, so it only accepts activities whose replies go back to this machine.
 *
 * @param appId the Azure Bot's Microsoft App ID (MICROSOFT_APP_ID)
 * @param appPassword its client secret (MICROSOFT_APP_PASSWORD)
 * @param appTenantId the tenant the bot is registered in (MICROSOFT_APP_TENANT_ID); its users are internal
 * @param internalTenantIds every tenant whose non-guest users are internal (the app tenant plus
 *     {@code csbot.teams.internal-tenant-ids})
 * @param openIdMetadataUrl where the keys that sign incoming tokens are discovered; empty for Microsoft's
 * @param oauthTokenUrl where the bot gets its own token for replies; empty for Microsoft Entra ID
 */
record TeamsSettings(String appId, String appPassword, String appTenantId, Set<String> internalTenantIds,
        String openIdMetadataUrl, String oauthTokenUrl) {

    static TeamsSettings of(String appId, String appPassword, String appTenantId, String extraTenantIds,
            String openIdMetadataUrl, String oauthTokenUrl) {
        Set<String> tenants = new LinkedHashSet<>();
        if (!appTenantId.isBlank()) {
            tenants.add(appTenantId.strip().toLowerCase());
        }
        tenants.addAll(Arrays.stream(extraTenantIds.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(String::toLowerCase).collect(Collectors.toList()));
        return new TeamsSettings(appId.strip(), appPassword, appTenantId.strip(), Set.copyOf(tenants),
                openIdMetadataUrl.strip(), oauthTokenUrl.strip());
    }

    /** Tokens are checked only when the bot has an identity to check them against. */
    boolean authenticated() {
        return !appId.isBlank() && !appPassword.isBlank();
    }

    boolean isInternalTenant(String tenantId) {
        return tenantId != null && internalTenantIds.contains(tenantId.strip().toLowerCase());
    }
}
