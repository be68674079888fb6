package dev.csbot.voc;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.csbot.settings.YamlOverlay;
import dev.csbot.settings.YamlOverlay.EmptyMapping;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the themes: the defaults shipped in the jar, with an optional override file ({@code CSBOT_VOC_THEMES})
 * laid over them key by key, as the scorecard is. A bad file fails with its path, field and reason.
 */
public final class ThemeLoader {

    static final String DEFAULTS = "/voc/default-themes.yaml";
    static final int MAX_THEMES = 50;
    static final int MAX_KEYWORDS = 100;
    static final int MAX_SENTIMENT_WORDS = 300;
    static final int MAX_KEYWORD_CHARS = 60;
    static final int MAX_LABEL = 60;

    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ThemeLoader() {}

    record ThemesFile(Integer windowDays, Map<String, ThemeFile> themes, SentimentFile sentiment) {}

    record ThemeFile(String label, List<String> keywords) {}

    record SentimentFile(List<String> positive, List<String> negative) {}

    public static ThemeCatalog defaults() {
        return bind(defaultTree(), "the shipped default themes");
    }

    /** The defaults with {@code overrideFile} laid over them. */
    public static ThemeCatalog withOverrides(Path overrideFile) {
        ObjectNode merged = YamlOverlay.laidOver(YAML, defaultTree(), overrideFile, "themes", EmptyMapping.NULL,
                ThemeFileException::new);
        return bind(merged, overrideFile.toString());
    }

    private static ObjectNode defaultTree() {
        return YamlOverlay.shipped(YAML, ThemeLoader.class, DEFAULTS, "themes");
    }

    private static ThemeCatalog bind(JsonNode tree, String source) {
        ThemesFile file;
        try {
            file = YAML.treeToValue(tree, ThemesFile.class);
        } catch (IOException e) {
            throw new ThemeFileException(source + ": " + YamlErrors.describe(e), e);
        }
        List<String> problems = new ArrayList<>();
        int windowDays = file.windowDays() == null ? 180 : file.windowDays();
        if (windowDays < 7 || windowDays > 730) {
            problems.add("field 'window_days': from 7 to 730 days (got " + windowDays + ")");
        }
        List<ThemeCatalog.Theme> themes = new ArrayList<>();
        Map<String, ThemeFile> given = file.themes() == null ? Map.of() : file.themes();
        if (given.size() > MAX_THEMES) {
            problems.add("field 'themes': at most " + MAX_THEMES + " themes (got " + given.size() + ")");
        }
        for (Map.Entry<String, ThemeFile> entry : given.entrySet()) {
            String field = "themes." + entry.getKey();
            ThemeFile theme = entry.getValue();
            if (theme == null) {
                continue; // "name: null" in an override removes a default theme
            }
            if (!KEY.matcher(entry.getKey()).matches()) {
                problems.add("field '" + field + "': a theme key is lower-case letters, digits and dashes, at most 40");
            }
            if (theme.label() == null || theme.label().isBlank() || theme.label().strip().length() > MAX_LABEL) {
                problems.add("field '" + field + ".label': a label of 1 to " + MAX_LABEL + " characters");
            }
            List<String> keywords = words(problems, field + ".keywords", theme.keywords(), MAX_KEYWORDS);
            if (!keywords.isEmpty()) {
                themes.add(new ThemeCatalog.Theme(entry.getKey(), theme.label() == null ? "" : theme.label().strip(),
                        keywords));
            }
        }
        SentimentFile sentiment = file.sentiment() == null ? new SentimentFile(List.of(), List.of()) : file.sentiment();
        Set<String> positive = new LinkedHashSet<>(words(problems, "sentiment.positive", sentiment.positive(),
                MAX_SENTIMENT_WORDS));
        Set<String> negative = new LinkedHashSet<>(words(problems, "sentiment.negative", sentiment.negative(),
                MAX_SENTIMENT_WORDS));
        if (!problems.isEmpty()) {
            throw new ThemeFileException(source + ": " + String.join("; ", problems));
        }
        return new ThemeCatalog(windowDays, themes, positive, negative);
    }

    private static List<String> words(List<String> problems, String field, List<String> given, int max) {
        if (given == null) {
            return List.of();
        }
        if (given.size() > max) {
            problems.add("field '" + field + "': at most " + max + " entries (got " + given.size() + ")");
            return List.of();
        }
        List<String> words = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String word = given.get(i);
            int count = word == null ? 0 : ThemeTagger.words(word).size();
            if (word == null || count == 0 || word.length() > MAX_KEYWORD_CHARS || count > ThemeTagger.MAX_PHRASE_WORDS) {
                problems.add("field '" + field + "[" + i + "]': a word or a phrase of up to "
                        + ThemeTagger.MAX_PHRASE_WORDS + " words and " + MAX_KEYWORD_CHARS + " characters (got "
                        + (word == null ? "nothing" : "\"" + word + "\"") + ")");
            } else {
                words.add(word.strip());
            }
        }
        return words;
    }

    /** The themes file is wrong; the message names the file and the field. */
    public static final class ThemeFileException extends RuntimeException {
        ThemeFileException(String message) {
            super(message);
        }

        ThemeFileException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
