package dev.csbot.cli;

import static dev.csbot.cli.CliRun.csbot;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The walk-through, as a user types it: load the demo, then ask about its three stories. */
class DemoStoriesCliTest {

    @TempDir
    static Path dir;

    private static String db;

    @BeforeAll
    static void loadTheDemo() {
        db = dir.resolve("demo.db").toString();
        CliRun demo = csbot("demo", "--db", db);
        assertThat(demo.exitCode()).as(demo.err()).isZero();
    }

    @Test
    void acmeIsRedOrYellowWithItsDriversAndTheirEvidence() {
        CliRun run = csbot("ask", "/health acme", "--db", db);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsPattern("Acme health: \\d+/100, (red|yellow)")
                .contains("champion Jane Doe (VP Operations) left on")
                .containsPattern("active users down \\d+% over 14 days: \\d+ -> \\d+")
                .contains("Playbook: Renewal at risk")
                .contains("Usage data through");
    }

    @Test
    void globexIsGreenAndExpansionReady() {
        CliRun run = csbot("ask", "/health globex", "--db", db);

        assertThat(run.out()).containsPattern("Globex health: \\d+/100, green").contains("Playbook: Expansion ready");
    }

    @Test
    void initechIsJudgedOnTimeToValue() {
        assertThat(csbot("ask", "/health initech", "--db", db).out()).contains("Time to value: first value not reached");
    }

    @Test
    void theQbrBriefHasTheFiveSectionsInOrder() {
        String out = csbot("ask", "/qbr acme", "--db", db).out();

        int outcomes = out.indexOf("1. Outcomes recap");
        int value = out.indexOf("2. Value proof");
        int risks = out.indexOf("3. Risks and blockers");
        int plan = out.indexOf("4. Next-quarter plan");
        int expansion = out.indexOf("5. Expansion");
        assertThat(outcomes).isNotNegative();
        assertThat(outcomes).isLessThan(value);
        assertThat(value).isLessThan(risks);
        assertThat(risks).isLessThan(plan);
        assertThat(plan).isLessThan(expansion);
    }

    @Test
    void aTypoSuggestsAcme() {
        CliRun run = csbot("ask", "/health acmee", "--db", db);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Did you mean Acme?");
    }

    @Test
    void risksRanksTheBookWithAcmeOnTop() {
        CliRun run = csbot("ask", "/risks enterprise 5", "--db", db);

        assertThat(run.out()).contains("1. Acme:").contains("Showing 1-5 of 5");
    }
}
