package dev.csbot.chat;

import java.util.List;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** The nearest known word to a typo ("heath" -> "health"), within a small edit distance. */
final class Typos {

    /** Words longer than this are not looked at: no command or keyword is anywhere near as long. */
    static final int MAX_LENGTH = 32;

    private static final LevenshteinDistance WITHIN_ONE = new LevenshteinDistance(1);
    private static final LevenshteinDistance WITHIN_TWO = new LevenshteinDistance(2);

    private Typos() {}

    /** The known word within two edits (one for words of up to four letters), the closest first. */
    static Optional<String> nearest(String word, List<String> known) {
        if (word.isEmpty() || word.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        LevenshteinDistance within = word.length() <= 4 ? WITHIN_ONE : WITHIN_TWO;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = within.apply(word, candidate); // -1: further than the threshold
            if (distance >= 0 && distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }
}
