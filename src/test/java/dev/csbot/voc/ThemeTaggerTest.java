package dev.csbot.voc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThemeTaggerTest {

    @TempDir
    Path dir;

    private final ThemeTagger tagger = new ThemeTagger(ThemeLoader.defaults());

    @Test
    void commentsAreTaggedByProductAreaOnWholeWordsIgnoringCaseAndPlurals() {
        assertThat(tagger.themes("Exports time out after 10,000 rows, and the DASHBOARDS are slow."))
                .containsExactly("performance", "reporting");
        assertThat(tagger.themes("SSO setup took weeks; we can't invite the team")).containsExactly("access", "onboarding");
        // "report" inside another word is not a report.
        assertThat(tagger.themes("The reporter called; nothing else.")).isEmpty();
    }

    @Test
    void phrasesMatchAcrossWordsAndPunctuation() {
        assertThat(tagger.themes("It is... not   working!")).containsExactly("reliability");
        assertThat(tagger.themes("Please add bulk-edit")).isEmpty();
        assertThat(tagger.themes("Please add bulk edit")).containsExactly("bulk-editing");
    }

    @Test
    void unscoredTextIsPositiveOrNegativeByItsWords() {
        assertThat(tagger.sentimentOfWords("We love it, setup was quick and easy")).isEqualTo(Sentiment.POSITIVE);
        assertThat(tagger.sentimentOfWords("Exports fail and it’s frustrating; I can’t find the button"))
                .isEqualTo(Sentiment.NEGATIVE);
        assertThat(tagger.sentimentOfWords("We would like a dark mode")).isEqualTo(Sentiment.NEUTRAL);
    }

    @Test
    void anOverrideChangesOnlyTheKeysItSetsAndCanRemoveATheme() throws IOException {
        Path file = dir.resolve("themes.yaml");
        Files.writeString(file, """
                window_days: 90
                themes:
                  reporting:
                    keywords: [spreadsheet]
                  mobile: null
                  ai:
                    label: AI features
                    keywords: [copilot, "smart replies"]
                """);

        ThemeCatalog catalog = ThemeLoader.withOverrides(file);
        ThemeTagger custom = new ThemeTagger(catalog);

        assertThat(catalog.windowDays()).isEqualTo(90);
        assertThat(catalog.find("reporting").orElseThrow().label()).isEqualTo("Reports, dashboards and exports");
        assertThat(custom.themes("the export spreadsheet")).containsExactly("reporting");
        assertThat(custom.themes("Smart replies on mobile")).containsExactly("ai");
        assertThat(catalog.find("performance")).isPresent();
    }

    @Test
    void aBadThemesFileIsNamedWithItsField() throws IOException {
        Path file = dir.resolve("themes.yaml");
        Files.writeString(file, """
                window_days: 3
                themes:
                  Bad Key:
                    label: x
                    keywords: ["one two three four five"]
                """);

        assertThatThrownBy(() -> ThemeLoader.withOverrides(file))
                .isInstanceOf(ThemeLoader.ThemeFileException.class)
                .hasMessageStartingWith(file + ": ")
                .hasMessageContaining("field 'window_days': from 7 to 730 days (got 3)")
                .hasMessageContaining("field 'themes.Bad Key': a theme key is lower-case letters")
                .hasMessageContaining("field 'themes.Bad Key.keywords[0]': a word or a phrase of up to 4 words");
    }

    @Test
    void anUnknownKeyInTheThemesFileIsNamed() throws IOException {
        Path file = dir.resolve("themes.yaml");
        Files.writeString(file, "themes:\n  reporting:\n    words: [x]\n");

        assertThatThrownBy(() -> ThemeLoader.withOverrides(file))
                .hasMessageContaining("field 'themes.reporting.words': unknown field (known here: keywords, label)");
    }
}
