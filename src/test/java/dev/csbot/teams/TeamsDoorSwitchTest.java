package dev.csbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * CSBOT_TEAMS_ENABLED=false: no bean of the Teams door exists (so /api/messages has no handler and answers
 * 404), and start-up says so in one line. The door on is what every other Teams test runs against; the
 * Slack door off is tested through a running app in LoopbackOnlyDeploymentTest.
 */
@ExtendWith(OutputCaptureExtension.class)
class TeamsDoorSwitchTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withUserConfiguration(TeamsConfiguration.class, TeamsMessagesController.class, TeamsDoorOff.class);

    @Test
    void switchedOffNoTeamsBeanExistsAndOneLineSaysSo(CapturedOutput output) {
        runner.withPropertyValues("csbot.teams.enabled=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(TeamsMessagesController.class).doesNotHaveBean(TeamsBot.class)
                    .doesNotHaveBean(TeamsAdapter.class).doesNotHaveBean(TeamsNotifier.class)
                    .doesNotHaveBean(TeamsSettings.class);
        });
        assertThat(output.getAll().lines().filter(line -> line.contains("Teams door off (CSBOT_TEAMS_ENABLED=false)")))
                .hasSize(1);
    }

    @Test
    void onUnlessSwitchedOff() {
        // Without the core and the store an enabled door cannot be built here: that it tried is the point.
        for (String setting : new String[] {"csbot.teams.other=unrelated", "csbot.teams.enabled=true"}) {
            runner.withPropertyValues(setting).run(context -> assertThat(context).getFailure()
                    .hasMessageContaining("teamsMessagesController"));
        }
    }
}
