package dev.csbot.voc;

import dev.csbot.account.Account;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;

/**
 * One account's Voice of the Customer: NPS, CSAT and CES this quarter against the one before, how many prompts
 * were answered, the latest comments and the themes they touch.
 */
public record AccountVoc(
        Account account,
        List<SurveyTrend> surveys,
        int promptsSent,
        int promptsAnswered,
        List<TaggedFeedback> recentComments,
        List<ThemeCount> themes,
        LocalDate from,
        LocalDate to) {

    public AccountVoc {
        surveys = List.copyOf(surveys);
        recentComments = List.copyOf(recentComments);
        themes = List.copyOf(themes);
    }

    /**
     * A survey's value over the last {@link VocInsights#QUARTER_DAYS} days and the same span before: NPS as
     * promoters minus detractors (-100..100), CSAT and CES as the mean score.
     */
    public record SurveyTrend(PromptKind kind, OptionalDouble current, int currentCount, OptionalDouble previous,
            int previousCount) {}

    public record ThemeCount(ThemeCatalog.Theme theme, int items, int negative, LoopStage stage) {}
}
