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
    void acmeIsRedWithItsDriversAndTheirEvidence() {
        CliRun run = csbot("ask", "/health acme", "--db", db);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsPattern("Acme health: \\d+/100, red")
                .containsPattern("Held at red \\(weighted score \\d+\\): \\d key measures are in their red zone")
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
    void initechsStalledOnboardingIsRed() {
        String out = csbot("ask", "/health initech", "--db", db).out();

        assertThat(out).containsPattern("Initech health: \\d+/100, red")
                .contains("onboarding stalled: first value not reached by day 48 (target day 30, stalled from day 45)")
                .contains("Time to value: first value not reached after 48 days")
                .contains("Playbook: Onboarding stalled");
    }

    @Test
    void redwoodAndSilverlineLookFineOnAverageButAreRenewalRisks() {
        String redwood = csbot("ask", "/health redwood", "--db", db).out();
        String silverline = csbot("ask", "/health silverline", "--db", db).out();

        assertThat(redwood).containsPattern("Redwood Health Partners health: \\d+/100, yellow")
                .containsPattern("Renewal risk: renews in 26 days with \\d+% of 1,175 seats active \\(under 50%\\)")
                .contains("Playbook: Renewal at risk");
        assertThat(silverline).containsPattern("Silverline Freight health: \\d+/100, yellow")
                .containsPattern("Renewal risk: renews in 18 days with \\d+% of 880 seats active \\(under 50%\\)")
                .contains("Playbook: Renewal at risk");
    }

    @Test
    void renewalsListsWhatRenewsSoonestFirstAndPagesFromTheCommandLine() {
        CliRun enterprise = csbot("ask", "/renewals 30 enterprise", "--db", db);
        CliRun all = csbot("ask", "/renewals 30", "--db", db);

        assertThat(enterprise.exitCode()).as(enterprise.err()).isZero();
        assertThat(enterprise.out()).startsWith("Renewals in the next 30 days: enterprise accounts")
                .contains("At risk (not green)");
        assertThat(enterprise.out().indexOf("Silverline Freight: renews")).isPositive()
                .isLessThan(enterprise.out().indexOf("Redwood Health Partners: renews"));
        assertThat(all.out()).containsPattern("Showing 1-10 of \\d+; next page: /renewals 30 page 2");
        assertThat(csbot("ask", "/renewals 30 page 2", "--db", db).out()).contains("11. ");
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

    @Test
    void aLongRiskListSaysHowToTypeTheNextPage() {
        CliRun first = csbot("ask", "/risks 200", "--db", db);
        CliRun second = csbot("ask", "/risks 200 page 2", "--db", db);

        assertThat(first.out()).contains("Showing 1-10 of 200; next page: /risks 200 page 2");
        assertThat(second.out()).contains("Showing 11-20 of 200; next page: /risks 200 page 3").contains("11. ");
    }

    @Test
    void badInputToRisksIsAUsageErrorThatSaysWhatIsAllowed() {
        CliRun huge = csbot("ask", "/risks enterprise 99999999999999999999", "--db", db);
        CliRun midmarket = csbot("ask", "/risks midmarket 3", "--db", db);

        assertThat(huge.exitCode()).isEqualTo(2);
        assertThat(huge.err()).contains("The limit must be a whole number from 1 to 500 (got 99999999999999999999).")
                .doesNotContain("something went wrong");
        assertThat(midmarket.exitCode()).isZero();
        assertThat(midmarket.out()).contains("Risks: mid-market accounts by ARR at risk");
    }

    @Test
    void aMistypedCommandSuggestsTheRightOne() {
        CliRun run = csbot("ask", "/heath acme", "--db", db);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown command \"heath\". Did you mean /health?");
    }

    @Test
    void aScorecardFileChangesOnlyWhatItNames(@TempDir Path files) throws java.io.IOException {
        Path heavier = files.resolve("heavier.yaml");
        java.nio.file.Files.writeString(heavier, "weights:\n  license_utilization: 40\n");
        Path wrong = files.resolve("wrong.yaml");
        java.nio.file.Files.writeString(wrong, "weights:\n  logins: 10\n");

        CliRun defaults = csbot("ask", "/health acme", "--db", db);
        CliRun overridden = csbot("ask", "/health acme", "--db", db, "--scorecard", heavier.toString());
        CliRun bad = csbot("ask", "/health acme", "--db", db, "--scorecard", wrong.toString());

        assertThat(overridden.exitCode()).as(overridden.err()).isZero();
        // The other six measures are still scored: their drivers are still there.
        assertThat(overridden.out()).contains("Relationship: champion Jane Doe").contains("Sentiment: latest NPS 3")
                .contains("Usage trend: active users down");
        assertThat(weighted(overridden.out())).isNotEqualTo(weighted(defaults.out()));
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.err()).contains(wrong.toString()).contains("weights.logins: unknown measure");
    }

    /** The weighted score before the band cap: "Health   49/100 red (held from 59)". */
    private static String weighted(String out) {
        java.util.regex.Matcher held = java.util.regex.Pattern.compile("held from (\\d+)").matcher(out);
        assertThat(held.find()).as(out).isTrue();
        return held.group(1);
    }

    @Test
    void aQbrOnUsageThatStartsNinetyDaysBackSaysSoAndComparesNothing(@TempDir Path dir90) {
        String short90 = dir90.resolve("demo90.db").toString();
        assertThat(csbot("demo", "--days", "90", "--accounts", "5", "--db", short90).exitCode()).isZero();

        CliRun run = csbot("ask", "/qbr acme", "--db", short90);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("Last quarter \\([-\\d]+ to [-\\d]+\\) has no usage data")
                .contains("The quarters are not compared until both have their data.")
                .containsPattern("Events: [\\d,]+ this quarter\\n")
                .doesNotContain("last quarter ->");
    }
}
