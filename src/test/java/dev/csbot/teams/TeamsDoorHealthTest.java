package dev.csbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** The Teams door's readiness: out of service while every command would be refused. */
class TeamsDoorHealthTest {

    private static Health health(String appId, String password, String tenant) {
        return new TeamsDoorHealth(TeamsSettings.of(appId, password, tenant, "", "", "")).health();
    }

    @Test
    void readyWithTokenChecksAndAnInternalTenant() {
        Health health = health("app-id", "secret", "tenant-1");

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("mode", "bot-framework").containsEntry("internal_tenants", 1)
                .doesNotContainValue("secret");
    }

    @Test
    void outOfServiceWhenNoTenantIsInternalSoEveryCommandWouldBeRefused() {
        Health health = health("app-id", "secret", "");

        assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(health.getDetails().get("reason").toString()).contains("MICROSOFT_APP_TENANT_ID");
    }

    @Test
    void localDevelopmentModeIsUpAndSaysItServesThisMachineOnly() {
        Health health = health("", "", "");

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("mode", "local-development");
    }
}
