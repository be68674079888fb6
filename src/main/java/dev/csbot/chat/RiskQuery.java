package dev.csbot.chat;

import dev.csbot.health.HealthScore;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code /risks [segment|csm-email|mine|unassigned] [limit] [page N]}: which slice of the book, how many
 * of its most at-risk accounts, and from where. It round-trips through a button value
 * ("filter|limit|offset") for paging, and through a typed command for the next page.
 */
record RiskQuery(BookFilter filter, int limit, int offset) {

    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 500;
    static final ListArguments.NumberRule LIMIT = new ListArguments.NumberRule("limit", 1, MAX_LIMIT);

    static final String USAGE = "Usage: /risks [segment|csm-email|mine|unassigned] [limit] [page N], for example"
            + " /risks enterprise 20 or /risks 200 page 2 (segments: " + BookFilter.knownSegments() + "; limit "
            + LIMIT.range() + ", default " + DEFAULT_LIMIT + ").";

    static ListArguments.Outcome parse(String argument, Caller caller) {
        return ListArguments.parse(argument, caller, LIMIT);
    }

    static RiskQuery of(ListArguments arguments) {
        return new RiskQuery(arguments.filter(), arguments.number().orElse(DEFAULT_LIMIT),
                (arguments.page() - 1) * Paging.PAGE_SIZE);
    }

    static Optional<RiskQuery> fromButton(String value) {
        String[] parts = value.split("\\|", -1);
        if (parts.length != 3 || !parts[1].matches("\\d{1,4}") || !parts[2].matches("\\d{1,4}")) {
            return Optional.empty();
        }
        int limit = Integer.parseInt(parts[1]);
        Optional<BookFilter> filter = parts[0].isEmpty() ? Optional.of(BookFilter.ALL) : BookFilter.of(parts[0]);
        if (filter.isEmpty() || limit < 1 || limit > MAX_LIMIT) {
            return Optional.empty();
        }
        return Optional.of(new RiskQuery(filter.get(), limit, Integer.parseInt(parts[2])));
    }

    RiskQuery withLimit(int newLimit) {
        return new RiskQuery(filter, newLimit, offset);
    }

    String toButton(int newOffset) {
        return filter.text() + "|" + limit + "|" + newOffset;
    }

    /** The typed command for a page of this query: "/risks enterprise 200 page 3". */
    String command(int page) {
        return "/risks" + (filter.isAll() ? "" : " " + filter.text()) + " " + limit + " page " + page;
    }

    String describe() {
        return filter.describe();
    }

    /** Most ARR at stake first: ARR times the distance from perfect health; ties by lower score. */
    static final Comparator<HealthScore> BY_RISK = Comparator.comparingDouble(HealthScore::arrAtRisk).reversed()
            .thenComparingInt(HealthScore::score)
            .thenComparing(h -> h.account().name());

    List<HealthScore> rank(List<HealthScore> all) {
        return all.stream().filter(filter::matches).sorted(BY_RISK).toList();
    }
}
