package dev.csbot.voc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tags text with the themes whose keywords it contains, and tells its sentiment from its words. Keywords
 * match whole words, case-insensitively, with a plural "s" ignored; phrases of up to {@link #MAX_PHRASE_WORDS}
 * words are looked up at every position, so tagging is linear in the length of the text.
 */
public final class ThemeTagger {

    static final int MAX_PHRASE_WORDS = 4;

    private final ThemeCatalog catalog;
    private final Map<String, List<String>> themesByPhrase = new HashMap<>();
    private final Set<String> positive = new java.util.HashSet<>();
    private final Set<String> negative = new java.util.HashSet<>();

    public ThemeTagger(ThemeCatalog catalog) {
        this.catalog = catalog;
        for (ThemeCatalog.Theme theme : catalog.themes()) {
            for (String keyword : theme.keywords()) {
                List<String> themes = themesByPhrase.computeIfAbsent(phrase(keyword), k -> new ArrayList<>(1));
                if (!themes.contains(theme.key())) {
                    themes.add(theme.key());
                }
            }
        }
        catalog.positive().forEach(w -> positive.add(phrase(w)));
        catalog.negative().forEach(w -> negative.add(phrase(w)));
    }

    public ThemeCatalog catalog() {
        return catalog;
    }

    /** The theme keys found in {@code text}, in the catalog's order. */
    public List<String> themes(String text) {
        Set<String> found = new LinkedHashSet<>();
        scan(words(text), phrase -> {
            List<String> themes = themesByPhrase.get(phrase);
            if (themes != null) {
                found.addAll(themes);
            }
        });
        return catalog.themes().stream().map(ThemeCatalog.Theme::key).filter(found::contains).toList();
    }

    /** Positive or negative by the words it uses (more of one kind than the other), neutral otherwise. */
    public Sentiment sentimentOfWords(String text) {
        int[] balance = {0};
        scan(words(text), phrase -> {
            if (positive.contains(phrase)) {
                balance[0]++;
            }
            if (negative.contains(phrase)) {
                balance[0]--;
            }
        });
        return balance[0] > 0 ? Sentiment.POSITIVE : balance[0] < 0 ? Sentiment.NEGATIVE : Sentiment.NEUTRAL;
    }

    private static void scan(List<String> words, java.util.function.Consumer<String> phrase) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            key.setLength(0);
            for (int n = 0; n < MAX_PHRASE_WORDS && i + n < words.size(); n++) {
                if (n > 0) {
                    key.append(' ');
                }
                key.append(words.get(i + n));
                phrase.accept(key.toString());
            }
        }
    }

    /** A keyword or phrase in the form text is compared in. */
    static String phrase(String keyword) {
        return String.join(" ", words(keyword));
    }

    /** Lower-case words, apostrophes kept inside them ("can't"), a plural "s" dropped from longer words. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        String lower = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        int start = -1;
        for (int i = 0; i <= lower.length(); i++) {
            char c = i < lower.length() ? lower.charAt(i) : ' ';
            boolean wordChar = Character.isLetterOrDigit(c) || (c == '\'' && start >= 0) || (c == '-' && start >= 0);
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                words.add(normalized(lower.substring(start, i)));
                start = -1;
            }
        }
        return words;
    }

    private static String normalized(String word) {
        String w = word;
        while (!w.isEmpty() && (w.charAt(w.length() - 1) == '\'' || w.charAt(w.length() - 1) == '-')) {
            w = w.substring(0, w.length() - 1);
        }
        return w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") ? w.substring(0, w.length() - 1) : w;
    }
}
