package dev.csbot.chat;

import dev.csbot.account.Segment;
import dev.csbot.health.HealthScore;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code /risks [segment|csm-email|mine] [limit]}: which slice of the book, how many, from where.
 * It round-trips through a button value ("filter|limit|offset") for paging.
 */
record RiskQuery(String filter, int limit, int offset) {

    static final int PAGE_SIZE = 10;
    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 500;

    /** Parses the argument of /risks; empty when it does not make sense (the caller shows usage). */
    static Optional<RiskQuery> parse(String argument, Caller caller) {
        String filter = "";
        int limit = DEFAULT_LIMIT;
        for (String word : argument.isBlank() ? new String[0] : argument.trim().split(" ")) {
            if (word.matches("\\d+")) {
                limit = Integer.parseInt(word);
                if (limit < 1 || limit > MAX_LIMIT) {
                    return Optional.empty();
                }
            } else if (word.equalsIgnoreCase("mine") || word.equalsIgnoreCase("me")) {
                if (caller.email().isEmpty()) {
                    return Optional.empty();
                }
                filter = caller.email().get().toLowerCase(Locale.ROOT);
            } else if (word.contains("@") || Segment.fromLabel(word).isPresent()) {
                filter = word.toLowerCase(Locale.ROOT);
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(new RiskQuery(filter, limit, 0));
    }

    static Optional<RiskQuery> fromButton(String value) {
        String[] parts = value.split("\\|", -1);
        if (parts.length != 3 || !parts[1].matches("\\d{1,4}") || !parts[2].matches("\\d{1,4}")) {
            return Optional.empty();
        }
        return Optional.of(new RiskQuery(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2])));
    }

    String toButton(int newOffset) {
        return filter + "|" + limit + "|" + newOffset;
    }

    boolean matches(HealthScore health) {
        if (filter.isEmpty()) {
            return true;
        }
        if (filter.contains("@")) {
            return health.account().csmEmail().equalsIgnoreCase(filter);
        }
        return health.account().segment().label().equals(filter);
    }

    String describe() {
        if (filter.isEmpty()) {
            return "all accounts";
        }
        return filter.contains("@") ? "accounts of " + filter : filter + " accounts";
    }

    /** Most ARR at stake first: ARR times the distance from perfect health; ties by lower score. */
    static final Comparator<HealthScore> BY_RISK = Comparator.comparingDouble(HealthScore::arrAtRisk).reversed()
            .thenComparingInt(HealthScore::score)
            .thenComparing(h -> h.account().name());

    List<HealthScore> rank(List<HealthScore> all) {
        return all.stream().filter(this::matches).sorted(BY_RISK).toList();
    }
}
