package dev.csbot.voc;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The product areas feedback is tagged with, the words that make unscored text positive or negative,
 * and how far back summaries look (see {@code voc/default-themes.yaml}).
 */
public record ThemeCatalog(int windowDays, List<Theme> themes, Set<String> positive, Set<String> negative) {

    public ThemeCatalog {
        themes = List.copyOf(themes);
        positive = Set.copyOf(positive);
        negative = Set.copyOf(negative);
    }

    /** One product area: a stable key ({@code /voc set reporting ...}), a label, and what marks it. */
    public record Theme(String key, String label, List<String> keywords) {
        public Theme {
            keywords = List.copyOf(keywords);
        }
    }

    public Optional<Theme> find(String key) {
        return themes.stream().filter(t -> t.key().equalsIgnoreCase(key.trim())).findFirst();
    }
}
