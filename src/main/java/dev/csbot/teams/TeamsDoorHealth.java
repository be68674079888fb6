package dev.csbot.teams;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The Teams door in {@code /actuator/health} (and its readiness group): ready when it checks Bot Framework tokens
 * and knows which tenants are internal. Local development mode (no app id) is up, and says so; an app id without
 * an internal tenant refuses every command, so the door is out of service until one is set.
 */
final class TeamsDoorHealth implements HealthIndicator {

    private final TeamsSettings settings;

    TeamsDoorHealth(TeamsSettings settings) {
        this.settings = settings;
    }

    @Override
    public Health health() {
        if (!settings.authenticated()) {
            return Health.up().withDetail("mode", "local-development")
                    .withDetail("serves", "this machine only (MICROSOFT_APP_ID not set)").build();
        }
        if (settings.internalTenantIds().isEmpty()) {
            return Health.outOfService().withDetail("mode", "bot-framework")
                    .withDetail("reason", "no internal tenant (MICROSOFT_APP_TENANT_ID or csbot.teams.internal-tenant-ids),"
                            + " so every command is refused").build();
        }
        return Health.up().withDetail("mode", "bot-framework").withDetail("app_id", settings.appId())
                .withDetail("internal_tenants", settings.internalTenantIds().size()).build();
    }
}
