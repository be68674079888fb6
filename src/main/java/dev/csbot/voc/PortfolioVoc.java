package dev.csbot.voc;

import dev.csbot.account.Segment;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The portfolio's themes ranked by the ARR of the accounts that raised them, with counts and examples, and
 * how well the loop is closed: items told back to their customers over items raised, and how fast.
 */
public record PortfolioVoc(
        Optional<Segment> segment,
        List<ThemeSummary> themes,
        int comments,
        int untagged,
        Closure closure,
        LocalDate from,
        LocalDate to) {

    public PortfolioVoc {
        themes = List.copyOf(themes);
    }

    public record ThemeSummary(ThemeCatalog.Theme theme, int items, int accounts, long arrAffected, int negative,
            int positive, List<Example> examples, LoopStage stage) {
        public ThemeSummary {
            examples = List.copyOf(examples);
        }
    }

    public record Example(TaggedFeedback item, String accountName) {}

    /** {@code closed} of {@code raised} items were closed back to the customer, in a median of so many days. */
    public record Closure(int raised, int closed, OptionalDouble medianDays) {}
}
