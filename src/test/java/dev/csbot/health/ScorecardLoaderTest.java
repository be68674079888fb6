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
    void weightsAreReplacedWholeSoAMeasureCanBeSwitchedOff() throws IOException {
        Path file = write("weights:\n  license_utilization: 50\n  support_burden: 50\n");

        assertThat(ScorecardLoader.withOverrides(file).weights()).containsOnlyKeys("license_utilization",
                "support_burden");
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
