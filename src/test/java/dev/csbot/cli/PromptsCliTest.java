package dev.csbot.cli;

import static dev.csbot.cli.CliRun.csbot;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code csbot prompts}: what CS Ops run after editing a prompt file. */
class PromptsCliTest {

    @TempDir
    Path dir;

    @Test
    void theShippedPromptsAreListedWithTheirScaleAndCampaign() {
        CliRun run = csbot("prompts");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Feedback prompts from the shipped prompts (all valid):")
                .contains("nps                  nps 0-10 · every 90 days per contact · to every-contact")
                .contains("csat                 csat 1-5 · after an urgent ticket closes (within 2 days) · to champion")
                .contains("ces                  ces 1-7")
                .contains("onboarding-checkin   check-in 1-5 · at the onboarding milestone, day 30")
                .contains("product-request      product-request (free text) · sent by a CSM only")
                .contains("\"How likely are you to recommend us to a friend or colleague?\"");
    }

    @Test
    void aBrokenPromptFileFailsWithFileFieldAndReason() throws IOException {
        Files.writeString(dir.resolve("nps.yaml"), "id: nps\nkind: nps\nwording: Hi\nthank_you: Thanks\n");

        CliRun run = csbot("prompts", "--dir", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).isEqualTo("csbot: " + dir.resolve("nps.yaml")
                + ": field 'scale': a nps prompt needs scale.min and scale.max");
    }

    @Test
    void itAnswersHelp() {
        CliRun run = csbot("prompts", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: csbot prompts").contains("--dir=DIR");
    }
}
