package dev.csbot.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.csbot.account.AccountSignals;
import dev.csbot.alerts.AlertEvaluator;
import dev.csbot.alerts.AlertRulesLoader;
import dev.csbot.alerts.Finding;
import dev.csbot.alerts.Severity;
import dev.csbot.health.Band;
import dev.csbot.health.HealthScore;
import dev.csbot.health.HealthScorer;
import dev.csbot.health.Scorecard;
import dev.csbot.health.ScorecardLoader;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The demo's decoys look alarming at a glance; the rules see through them: nothing above low. */
class DemoDecoysTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-23");
    private static final DemoPortfolio DEMO = new DemoPortfolio(200, 365, 42, TODAY);
    private static final Scorecard CARD = ScorecardLoader.defaults();
    private static final AlertEvaluator RULES = new AlertEvaluator(AlertRulesLoader.defaults(), CARD::bandOf);

    private static List<Finding> findings(String id) throws Exception {
        AccountSignals signals = DemoSignals.of(DEMO, id);
        HealthScore health = new HealthScorer(CARD).scoreForRanking(signals, TODAY);
        assertThat(health.band()).as(id + " is healthy").isEqualTo(Band.GREEN);
        return RULES.evaluate(signals, health, TODAY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hooli", "vandelay", "wonka", "stark"})
    void aDecoyRaisesNothingAboveLow(String id) throws Exception {
        assertThat(findings(id)).allSatisfy(f -> assertThat(f.severity()).as(f.ruleId() + ": " + f.evidence())
                .isEqualTo(Severity.LOW));
    }

    @Test
    void theDecoysCarryTheSignalsThatMakeThemLookAlarming() throws Exception {
        AccountSignals hooli = DemoSignals.of(DEMO, "hooli");
        assertThat(hooli.usage().stream().filter(d -> d.date().isAfter(TODAY.minusDays(70))
                && d.date().isBefore(TODAY.minusDays(48))).mapToInt(u -> u.activeUsers()).max().orElseThrow())
                .isLessThan(50);
        assertThat(DemoSignals.of(DEMO, "vandelay").tickets()).anyMatch(t -> t.severity() == 1);
        assertThat(findings("wonka")).extracting(Finding::ruleId).containsExactly("detractor_feedback");
        assertThat(DemoSignals.of(DEMO, "stark").contacts()).anyMatch(c -> c.champion() && c.leftOn().isPresent())
                .anyMatch(c -> c.champion() && c.leftOn().isEmpty());
    }

    @Test
    void aSmallDemoKeepsItsAccountCountAndHasNoDecoys() throws Exception {
        DemoPortfolio small = new DemoPortfolio(8, 30, 42, TODAY);
        List<Object> ids = new java.util.ArrayList<>();
        small.emit(Dataset.ACCOUNTS, row -> ids.add(row[0]));
        assertThat(ids).hasSize(8).doesNotContain("hooli");
        List<Object> more = new java.util.ArrayList<>();
        DEMO.emit(Dataset.ACCOUNTS, row -> more.add(row[0]));
        assertThat(more).hasSize(200).contains("hooli", "vandelay", "wonka", "stark");
    }
}
