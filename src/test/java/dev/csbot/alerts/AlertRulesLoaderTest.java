package dev.csbot.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertRulesLoaderTest {

    @TempDir
    Path dir;

    private Path file(String yaml) throws IOException {
        return Files.writeString(dir.resolve("rules.yaml"), yaml);
    }

    @Test
    void theShippedDefaultsHaveEveryRuleOnWithItsPlaybook() {
        AlertRules rules = AlertRulesLoader.defaults();
        assertThat(rules.rules().all()).extracting(AlertRules.Named::id).containsExactly("usage_drop", "no_activity",
                "stakeholder_left", "support_spike", "detractor_feedback", "renewal_at_risk", "license_utilization",
                "health_band_drop", "onboarding_stalled");
        assertThat(rules.rules().all()).allMatch(r -> r.common().enabled());
        assertThat(rules.rules().usageDrop().minDrop()).isEqualTo(0.25);
        assertThat(rules.cooldownDays()).isEqualTo(14);
    }

    @Test
    void anOverrideChangesOnlyTheKeysItSets() throws IOException {
        AlertRules rules = AlertRulesLoader.withOverrides(file("""
                cooldown_days: 7
                rules:
                  usage_drop:
                    min_drop: 0.3
                  no_activity:
                    enabled: false
                """));
        assertThat(rules.cooldownDays()).isEqualTo(7);
        assertThat(rules.rules().usageDrop().minDrop()).isEqualTo(0.3);
        assertThat(rules.rules().usageDrop().recentDays()).isEqualTo(14);
        assertThat(rules.rules().noActivity().enabled()).isFalse();
        assertThat(rules.rules().noActivity().days()).isEqualTo(7);
    }

    @Test
    void anUnknownFieldIsNamedWithTheFileAndTheRule() throws IOException {
        Path bad = file("rules:\n  usage_drop:\n    min_dorp: 0.3\n");
        assertThatThrownBy(() -> AlertRulesLoader.withOverrides(bad))
                .hasMessageStartingWith(bad + ": rule 'usage_drop', field 'min_dorp'");
    }

    @Test
    void aBadValueIsNamedWithTheRuleAndTheField() throws IOException {
        Path severity = file("rules:\n  support_spike:\n    severity: urgent\n");
        assertThatThrownBy(() -> AlertRulesLoader.withOverrides(severity)).hasMessageContaining(
                severity + ": rule 'support_spike', field 'severity': 'urgent' is not a severity (low, medium, high)");
        Path number = file("rules:\n  usage_drop:\n    recent_days: soon\n");
        assertThatThrownBy(() -> AlertRulesLoader.withOverrides(number))
                .hasMessageStartingWith(number + ": rule 'usage_drop', field 'recent_days'");
        Path context = file("rules:\n  detractor_feedback:\n    context:\n      - when: { band: [blue] }\n"
                + "        severity: low\n");
        assertThatThrownBy(() -> AlertRulesLoader.withOverrides(context)).hasMessageContaining(
                "rule 'detractor_feedback', field 'context[0].when.band': unknown band 'blue'");
        Path playbook = file("rules:\n  usage_drop:\n    playbook: pray\n");
        assertThatThrownBy(() -> AlertRulesLoader.withOverrides(playbook))
                .hasMessageContaining("rule 'usage_drop', field 'playbook': unknown playbook 'pray'");
    }

    @Test
    void aFileThatIsNotAMappingOrCannotBeReadIsRefused() throws IOException {
        Path list = file("- one\n- two\n");
        assertThatThrownBy(() -> AlertRulesLoader.withOverrides(list))
                .hasMessage(list + ": the alert rules must be a YAML mapping of keys");
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> AlertRulesLoader.withOverrides(missing))
                .hasMessageStartingWith(missing + ": cannot read the alert rules");
    }
}
