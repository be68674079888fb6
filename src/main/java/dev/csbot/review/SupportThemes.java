package dev.csbot.review;

import dev.csbot.account.Ticket;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Phrases that recur across ticket subjects: a cheap, explainable theme finder. A phrase is one to three
 * neighbouring content words ("export times out", "locked out", "sync"); function words split phrases and
 * a particle such as "out" or "up" may end one but never stand alone, so "locked out" and "times out" share
 * nothing. Plurals and -ing/-ed forms count as one ("report", "reports"); a phrase is shown as first written.
 */
final class SupportThemes {

    /** Phrases shown at most. */
    static final int MAX_THEMES = 3;

    /** Words of a subject looked at (a subject is at most a few hundred characters anyway). */
    static final int MAX_WORDS = 40;

    /** Words that carry no theme: they split phrases. */
    private static final Set<String> FUNCTION_WORDS = Set.of("a", "an", "the", "and", "or", "but", "if", "then",
            "for", "with", "from", "to", "of", "in", "on", "at", "by", "as", "into", "onto", "after", "before", "when",
            "while", "since", "until", "about", "over", "under", "again", "via", "per", "than", "so", "not", "no",
            "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "doesn", "don", "didn",
            "can", "cannot", "can't", "could", "would", "should", "will", "won", "isn", "aren", "wasn", "has", "have",
            "had", "it", "its", "this", "that", "these", "those", "we", "our", "us", "you", "your", "they", "their",
            "i", "my", "me", "he", "she", "his", "her", "how", "what", "why", "where", "which", "who", "some", "any",
            "all", "every", "each", "more", "most", "very", "too", "also", "just", "still", "only", "please", "help",
            "issue", "issues", "problem", "problems", "question", "request", "error", "errors", "re", "fw", "fwd");

    /** Particles that complete a phrasal verb ("locked out", "sign up") but are no theme on their own. */
    private static final Set<String> PARTICLES = Set.of("out", "up", "down", "off", "back", "away");

    private SupportThemes() {}

    /** A recurring phrase and how many tickets it occurs in. */
    record Theme(String phrase, int tickets) {}

    static List<Theme> recurring(List<Ticket> tickets) {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, String> shownAs = new HashMap<>();
        for (Ticket ticket : tickets) {
            Set<String> seen = new LinkedHashSet<>();
            for (List<String[]> run : runs(ticket.subject())) {
                for (int from = 0; from < run.size(); from++) {
                    for (int to = from + 1; to <= Math.min(run.size(), from + 3); to++) {
                        List<String[]> phrase = run.subList(from, to);
                        if (PARTICLES.contains(phrase.get(0)[1])) {
                            continue; // "out", "out on": never a theme on its own
                        }
                        String key = String.join(" ", phrase.stream().map(w -> w[1]).toList());
                        if (seen.add(key)) {
                            shownAs.putIfAbsent(key, String.join(" ", phrase.stream().map(w -> w[0]).toList()));
                        }
                    }
                }
            }
            seen.forEach(key -> counts.merge(key, 1, Integer::sum));
        }
        List<String> candidates = new ArrayList<>(counts.keySet());
        candidates.removeIf(key -> counts.get(key) < 2);
        // Most tickets first; among equals the longer phrase, which then stands for the words inside it.
        candidates.sort(Comparator.comparing((String key) -> -counts.get(key))
                .thenComparing(key -> -key.split(" ").length)
                .thenComparing(Comparator.naturalOrder()));
        List<Theme> themes = new ArrayList<>();
        List<String> chosen = new ArrayList<>();
        for (String key : candidates) {
            if (themes.size() == MAX_THEMES) {
                break;
            }
            boolean covered = chosen.stream().anyMatch(longer -> (" " + longer + " ").contains(" " + key + " ")
                    || (" " + key + " ").contains(" " + longer + " "));
            if (!covered) {
                chosen.add(key);
                themes.add(new Theme(shownAs.get(key), counts.get(key)));
            }
        }
        return themes;
    }

    /** Runs of content words, each word as {surface form, normalised form}; function words split runs. */
    private static List<List<String[]>> runs(String subject) {
        List<List<String[]>> runs = new ArrayList<>();
        List<String[]> run = new ArrayList<>();
        String[] words = subject.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+");
        for (int i = 0; i < words.length && i < MAX_WORDS; i++) {
            String word = words[i].replaceAll("^'+|'+$", "");
            if (word.isEmpty() || FUNCTION_WORDS.contains(word) || word.chars().allMatch(Character::isDigit)
                    || (word.length() < 3 && !PARTICLES.contains(word))) {
                if (!run.isEmpty()) {
                    runs.add(run);
                    run = new ArrayList<>();
                }
                continue;
            }
            run.add(new String[] {word, stem(word)});
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
        // A run that is only a particle ("out") carries nothing.
        runs.removeIf(r -> r.stream().allMatch(w -> PARTICLES.contains(w[1])));
        return runs;
    }

    /** A light stem so that "reports"/"report" and "failing"/"failed"/"fails" count as one word. */
    static String stem(String word) {
        if (word.length() > 5 && word.endsWith("ing")) {
            return word.substring(0, word.length() - 3);
        }
        if (word.length() > 4 && word.endsWith("ed")) {
            return word.substring(0, word.length() - 2);
        }
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }
}
