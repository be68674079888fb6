package dev.csbot.voc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptLoaderTest {

    @TempDir
    Path dir;

    private static final String VALID = """
            id: pulse
            kind: csat
            wording: How are we doing?
            scale: {min: 1, max: 5, labels: {1: Badly, 5: Great}}
            thank_you: Thanks!
            """;

    @Test
    void theShippedPromptsAreTheRepositoryFilesWithTheFiveIds() throws IOException {
        PromptCatalog shipped = PromptLoader.shipped();

        assertThat(shipped.ids()).containsExactly("nps", "csat", "ces", "onboarding-checkin", "product-request");
        try (Stream<Path> files = Files.list(Path.of("prompts"))) {
            // Every file in prompts/ ships: a new one must be added to PromptLoader.SHIPPED too.
            assertThat(files.map(f -> f.getFileName().toString().replace(".yaml", "")).sorted().toList())
                    .containsExactlyInAnyOrderElementsOf(PromptLoader.SHIPPED);
        }
        assertThat(PromptLoader.fromDirectory(Path.of("prompts")).all()).containsExactlyInAnyOrderElementsOf(shipped.all());
    }

    @Test
    void npsAsksZeroToTenThenTheReasonAndDetractorsGetAQuestionOfTheirOwn() {
        FeedbackPrompt nps = PromptLoader.shipped().find("nps").orElseThrow();

        assertThat(nps.kind()).isEqualTo(PromptKind.NPS);
        assertThat(nps.scale().orElseThrow().min()).isZero();
        assertThat(nps.scale().orElseThrow().max()).isEqualTo(10);
        assertThat(nps.scale().orElseThrow().labels()).containsEntry(0, "Not at all likely").containsEntry(10,
                "Extremely likely");
        FeedbackPrompt.FollowUp followUp = nps.followUp().orElseThrow();
        assertThat(followUp.questionFor(OptionalInt.of(8))).isEqualTo("What is the main reason for your score?");
        assertThat(followUp.questionFor(OptionalInt.of(3))).isNotEqualTo(followUp.questionFor(OptionalInt.of(10)))
                .isNotEqualTo(followUp.question());
        assertThat(nps.anonymityAllowed()).isTrue();
        assertThat(nps.campaign().everyDays()).contains(90);
        assertThat(nps.campaign().reminderAfterDays()).hasValue(3);
    }

    @Test
    void csatFollowsAnUrgentTicketAndTheCheckInAnOnboardingMilestone() {
        PromptCatalog shipped = PromptLoader.shipped();

        assertThat(shipped.find("csat").orElseThrow().campaign().trigger())
                .containsInstanceOf(FeedbackPrompt.UrgentTicketClosed.class);
        assertThat(shipped.find("onboarding-checkin").orElseThrow().campaign().trigger())
                .contains(new FeedbackPrompt.OnboardingMilestone(30));
        assertThat(shipped.find("ces").orElseThrow().scale().orElseThrow().labels().get(7)).contains("very easy");
        assertThat(shipped.find("product-request").orElseThrow().scale()).isEmpty();
    }

    @Test
    void aDirectoryIsReadInsteadOfTheShippedPrompts() throws IOException {
        Files.writeString(dir.resolve("pulse.yaml"), VALID);
        Files.writeString(dir.resolve("README.md"), "not a prompt");

        PromptCatalog catalog = PromptLoader.fromDirectory(dir);

        assertThat(catalog.ids()).containsExactly("pulse");
        assertThat(catalog.find("PULSE")).isPresent();
        assertThat(catalog.source()).isEqualTo(dir.toString());
    }

    @Test
    void aBadFileIsNamedWithItsFieldAndReason() throws IOException {
        Files.writeString(dir.resolve("nps.yaml"), """
                id: nps
                kind: nps
                wording: How likely?
                scale: {min: 0, max: 11}
                thank_you: Thanks
                """);

        assertThatThrownBy(() -> PromptLoader.fromDirectory(dir))
                .isInstanceOf(PromptLoader.PromptFileException.class)
                .hasMessage(dir.resolve("nps.yaml") + ": field 'scale': NPS is scored 0-10 everywhere in csbot (got 0-11)");
    }

    @Test
    void everyProblemOfEveryFileIsReportedAtOnce() throws IOException {
        Files.writeString(dir.resolve("a.yaml"), """
                id: b
                kind: survey
                wording: "%s"
                """.formatted("x".repeat(301)));
        Files.writeString(dir.resolve("c.yaml"), VALID.replace("pulse", "c").replace("labels: {1: Badly, 5: Great}",
                "labels: {9: Off}") + "follow_up:\n  question: Why?\n  by_score:\n    - {scores: 1-3, question: A}\n"
                + "    - {scores: 3-4, question: B}\n    - {scores: six, question: C}\n");

        assertThatThrownBy(() -> PromptLoader.fromDirectory(dir))
                .hasMessageContaining(dir.resolve("a.yaml") + ": field 'id': must match the file name: \"a\" (got \"b\")")
                .hasMessageContaining("a.yaml: field 'kind': unknown kind \"survey\"")
                .hasMessageContaining("a.yaml: field 'wording': too long: 301 characters, at most 300")
                .hasMessageContaining("a.yaml: field 'thank_you': missing")
                .hasMessageContaining("c.yaml: field 'scale.labels.9': outside the scale 1-5")
                .hasMessageContaining("c.yaml: field 'follow_up.by_score[1].scores': overlaps an earlier range")
                .hasMessageContaining("c.yaml: field 'follow_up.by_score[2].scores': write a score or a range");
    }

    @Test
    void anUnknownKeyIsNamedWithTheKeysThatAreKnown() throws IOException {
        Files.writeString(dir.resolve("pulse.yaml"), VALID + "campaign:\n  every_days: 90\n");

        assertThatThrownBy(() -> PromptLoader.fromDirectory(dir))
                .hasMessageStartingWith(dir.resolve("pulse.yaml") + ": field 'campaign.every_days': unknown field (known"
                        + " here: audience, reminder_after_days, schedule, throttle_days, trigger)");
    }

    @Test
    void aReminderMustComeWhileThePromptIsStillOpen() throws IOException {
        Files.writeString(dir.resolve("pulse.yaml"), VALID + """
                answer_window: {open_days: 3}
                campaign: {reminder_after_days: 3, schedule: {every_days: 90}, trigger: {event: onboarding-milestone, day: 30}}
                """);

        assertThatThrownBy(() -> PromptLoader.fromDirectory(dir))
                .hasMessageContaining("field 'campaign.reminder_after_days': from 1 day to less than"
                        + " answer_window.open_days (3)")
                .hasMessageContaining("field 'campaign': either a schedule or a trigger, not both");
    }

    @Test
    void aCheckInScaleIsSmallAndWithinTwoDigits() throws IOException {
        Files.writeString(dir.resolve("pulse.yaml"), VALID.replace("kind: csat", "kind: check-in")
                .replace("scale: {min: 1, max: 5, labels: {1: Badly, 5: Great}}", "scale: {min: 500, max: 505}"));

        assertThatThrownBy(() -> PromptLoader.fromDirectory(dir)).hasMessage(dir.resolve("pulse.yaml")
                + ": field 'scale': need 0 <= min < max <= 99 with at most 11 points (got 500-505)");
    }

    @Test
    void oversizedFilesAreRefusedBeforeTheyAreParsed() throws IOException {
        Files.writeString(dir.resolve("big.yaml"), "# " + "x".repeat(PromptLoader.MAX_FILE_BYTES));

        assertThatThrownBy(() -> PromptLoader.fromDirectory(dir)).hasMessage(dir.resolve("big.yaml")
                + ": larger than 64 KB; a prompt file is a few lines");
    }

    @Test
    void aMissingOrEmptyDirectorySaysWhatItShouldHold() {
        assertThatThrownBy(() -> PromptLoader.fromDirectory(dir.resolve("nope")))
                .hasMessageContaining("not a directory (CSBOT_PROMPTS must name a directory of prompt files");
        assertThatThrownBy(() -> PromptLoader.fromDirectory(dir)).hasMessageContaining("no prompt files (*.yaml)");
    }

    @Test
    void badYamlIsReportedAsSuch() throws IOException {
        Files.writeString(dir.resolve("x.yaml"), "id: [unclosed");

        assertThatThrownBy(() -> PromptLoader.fromDirectory(dir)).hasMessageStartingWith(dir.resolve("x.yaml") + ": ");
    }
}
