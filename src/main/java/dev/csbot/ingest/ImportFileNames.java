package dev.csbot.ingest;

import java.util.Locale;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Which import file a file name was probably meant to be ({@code Accounts.csv}, {@code usage.csv},
 * {@code ticket.csv}, {@code success-plans.csv}), so that it is named instead of silently skipped.
 */
final class ImportFileNames {

    private ImportFileNames() {}

    /** The dataset {@code fileName} looks meant for, when it is not exactly one of the known names. */
    static Optional<Dataset> probablyMeant(String fileName) {
        String base = base(fileName);
        if (base.isEmpty() || !looksLikeData(fileName)) {
            return Optional.empty();
        }
        Dataset best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Dataset dataset : Dataset.values()) {
            if (dataset.fileName().equals(fileName)) {
                return Optional.empty();
            }
            String known = base(dataset.fileName());
            int distance = near(base, known);
            if (distance < bestDistance) {
                best = dataset;
                bestDistance = distance;
            }
        }
        return bestDistance <= 2 ? Optional.of(best) : Optional.empty();
    }

    /** Text-table files that someone may have meant to import (a README or a zip is not one). */
    static boolean looksLikeData(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".csv") || lower.endsWith(".tsv") || lower.endsWith(".txt");
    }

    /** 0 for the same name in other case or extension; 1 for a prefix or a missing plural; else edit distance. */
    private static int near(String base, String known) {
        if (base.equals(known)) {
            return 0;
        }
        if (known.startsWith(base + "_") || base.startsWith(known + "_") || (base + "s").equals(known)
                || base.equals(known + "s")) {
            return 1;
        }
        return Math.max(1, editDistance(base, known, 3));
    }

    /** "Success Plans.CSV" is success_plans. */
    private static String base(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String base = dot > 0 ? fileName.substring(0, dot) : fileName;
        return base.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
    }

    /** Levenshtein distance, or {@code cap} once it is clear the distance is at least that (short names only). */
    private static int editDistance(String a, String b, int cap) {
        if (Math.abs(a.length() - b.length()) >= cap || a.length() > 64) {
            return cap;
        }
        int distance = new LevenshteinDistance(cap).apply(a, b); // -1: further than cap
        return distance < 0 ? cap : Math.min(cap, distance);
    }
}
