package dev.csbot.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScorecardLoaderTest {

    @TempDir
    Path dir;

    @Test
    void theShippedDefaultsUseSevenMeasuresAndTheStandardBands() {
        Scorecard defaults = ScorecardLoader.defaults();

        assertThat(defaults.bands().redBelow()).isEqualTo(50);
        assertThat(defaults.bands().greenFrom()).isEqualTo(75);
        assertThat(defaults.weights()).hasSize(7);
        assertThat(defaults.bandOf(49)).isEqualTo(Band.RED);
        assertThat(defaults.bandOf(50)).isEqualTo(Band.YELLOW);
        assertThat(defaults.bandOf(75)).isEqualTo(Band.GREEN);
    }

    @Test
    void anOverrideChangesOnlyTheKeysItNames() throws IOException {
        Path file = write("bands:\n  green_from: 80\nmeasures:\n  license_utilization:\n    full_marks_at: 0.9\n");

        Scorecard scorecard = ScorecardLoader.withOverrides(file);

        assertThat(scorecard.bands().greenFrom()).isEqualTo(80);
        assertThat(scorecard.bands().redBelow()).isEqualTo(50);
        assertThat(scorecard.measures().licenseUtilization().fullMarksAt()).isEqualTo(0.9);
        assertThat(scorecard.measures().licenseUtilization().windowDays()).isEqualTo(14);
    }

    @Test
    void weightsMergeKeyByKeySoOneWeightChangesAndTheOtherSixStay() throws IOException {
        Path file = write("weights:\n  license_utilization: 40\n");

        Scorecard scorecard = ScorecardLoader.withOverrides(file);

        java.util.Map<String, Double> expected = new java.util.HashMap<>(ScorecardLoader.defaults().weights());
        expected.put("license_utilization", 40.0);
        assertThat(scorecard.weights()).isEqualTo(expected).hasSize(7);
        assertThat(scorecard.onboardingWeights()).isEqualTo(ScorecardLoader.defaults().onboardingWeights());
    }

    @Test
    void anOverriddenWeightScoresWithEveryMeasureStillIn() throws IOException {
        Path file = write("weights:\n  license_utilization: 40\n");
        var acme = dev.csbot.support.SignalsBuilder.healthy("acme").seats(100)
                .usage(dev.csbot.support.SignalsBuilder.TODAY.minusDays(60), dev.csbot.support.SignalsBuilder.TODAY,
                        d -> 40, 6)
                .build();

        HealthScore overridden = new HealthScorer(ScorecardLoader.withOverrides(file))
                .score(acme, dev.csbot.support.SignalsBuilder.TODAY);

        assertThat(overridden.measures()).hasSize(7);
        // License utilization weighs 40 of 120 (it was 20 of 100); the other six keep their weights.
        java.util.Map<String, Double> weights = ScorecardLoader.withOverrides(file).weights();
        double sum = overridden.measures().stream()
                .mapToDouble(m -> weights.get(m.measure().key()) * m.score().getAsDouble()).sum();
        assertThat(overridden.weightedScore()).isEqualTo((int) Math.round(sum / 120));
        assertThat(overridden.measure(Measure.LICENSE_UTILIZATION).orElseThrow().score()).hasValue(50.0);
    }

    @Test
    void aWeightOfZeroSwitchesAMeasureOff() throws IOException {
        Path file = write("weights:\n  engagement: 0\n");
        var account = dev.csbot.support.SignalsBuilder.healthy("a").build();

        HealthScore health = new HealthScorer(ScorecardLoader.withOverrides(file))
                .score(account, dev.csbot.support.SignalsBuilder.TODAY);

        assertThat(health.measure(Measure.ENGAGEMENT)).isEmpty();
        assertThat(health.measures()).hasSize(6);
    }

    @Test
    void theBandCapsAndTheRenewalPolicyShipWithSafeDefaults() {
        Scorecard defaults = ScorecardLoader.defaults();

        assertThat(defaults.bandCaps().redZoneBelow()).isEqualTo(50);
        assertThat(defaults.bandCaps().keyMeasures()).containsEntry("relationship", Band.YELLOW);
        assertThat(defaults.bandCaps().stalledOnboarding()).isEqualTo(Band.RED);
        assertThat(defaults.renewalRisk().withinDays()).isEqualTo(90);
        assertThat(defaults.renewalRisk().seatsActiveBelow()).isEqualTo(0.5);
        assertThat(defaults.renewalRisk().band()).isEqualTo(Band.YELLOW);
        assertThat(defaults.measures().timeToValue().stalledAfterDays()).isEqualTo(45);
    }

    @Test
    void aKeyMeasureCanBeReleasedAndTheRenewalPolicyTightened() throws IOException {
        Path file = write("band_caps:\n  key_measures:\n    sentiment: green\nrenewal_risk:\n  seats_active_below: 0.6\n"
                + "  band: red\n");

        Scorecard scorecard = ScorecardLoader.withOverrides(file);

        assertThat(scorecard.bandCaps().keyMeasures()).containsEntry("sentiment", Band.GREEN)
                .containsEntry("relationship", Band.YELLOW);
        assertThat(scorecard.renewalRisk().seatsActiveBelow()).isEqualTo(0.6);
        assertThat(scorecard.renewalRisk().band()).isEqualTo(Band.RED);
        assertThat(scorecard.renewalRisk().withinDays()).isEqualTo(90);
    }

    @Test
    void aRenewalRiskThatCouldBeGreenIsRejected() throws IOException {
        Path file = write("renewal_risk:\n  band: green\n");

        assertThatThrownBy(() -> ScorecardLoader.withOverrides(file)).hasMessageContaining(file.toString())
                .hasMessageContaining("renewal_risk.band: must be yellow or red");
    }

    @Test
    void anUnknownKeyMeasureAndABadBandAreRejectedWithTheirPaths() throws IOException {
        Path unknown = write("band_caps:\n  key_measures:\n    logins: red\n");
        assertThatThrownBy(() -> ScorecardLoader.withOverrides(unknown))
                .hasMessageContaining("band_caps.key_measures.logins: unknown measure");

        Path badBand = write("band_caps:\n  stalled_onboarding: purple\n");
        assertThatThrownBy(() -> ScorecardLoader.withOverrides(badBand))
                .hasMessageContaining("band_caps.stalled_onboarding");
    }

    @Test
    void anEmptySectionIsRejectedRatherThanDroppingItsDefaults() throws IOException {
        Path file = write("band_caps: ~\n");

        assertThatThrownBy(() -> ScorecardLoader.withOverrides(file))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("field 'band_caps' is empty");
    }

    @Test
    void aFileFarLargerThanAScorecardIsRefusedBeforeItIsParsed() throws IOException {
        Path file = write("weights:\n  license_utilization: 40\n" + "# padding\n".repeat(30_000));

        assertThatThrownBy(() -> ScorecardLoader.withOverrides(file))
                .hasMessage(file + ": the scorecard file is larger than 256 KB; it should be a page of YAML");
    }

    @Test
    void anUnknownMeasureIsRejectedWithTheFileAndTheField() throws IOException {
        Path file = write("weights:\n  logins: 10\n");

        assertThatThrownBy(() -> ScorecardLoader.withOverrides(file))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("weights.logins: unknown measure");
    }

    @Test
    void aMisspelledKeyIsRejectedWithItsPath() throws IOException {
        Path file = write("bands:\n  green_form: 80\n");

        assertThatThrownBy(() -> ScorecardLoader.withOverrides(file))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("bands.green_form");
    }

    @Test
    void bandsOutOfOrderAreRejected() throws IOException {
        Path file = write("bands:\n  red_below: 80\n  green_from: 60\n");

        assertThatThrownBy(() -> ScorecardLoader.withOverrides(file)).hasMessageContaining("bands: need");
    }

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("scorecard.yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
