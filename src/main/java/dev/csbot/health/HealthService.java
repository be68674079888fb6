package dev.csbot.health;

import dev.csbot.account.AccountRepository;
import dev.csbot.account.AccountSignals;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Health scores of the portfolio as of today (by the injected clock). */
public class HealthService {

    private final AccountRepository accounts;
    private final HealthScorer scorer;
    private final Clock clock;

    public HealthService(AccountRepository accounts, HealthScorer scorer, Clock clock) {
        this.accounts = accounts;
        this.scorer = scorer;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** One account's full score (with weekly history), or empty when no such account exists. */
    public Optional<HealthScore> forAccount(String accountId) {
        LocalDate asOf = today();
        return accounts.signals(accountId, asOf.minusDays(scorer.scorecard().usageLookbackDays()), asOf)
                .map(signals -> scorer.score(signals, asOf));
    }

    /** One account's score from signals already loaded (the QBR and deal review load more history). */
    public HealthScore score(AccountSignals signals) {
        return scorer.score(signals, today());
    }

    /** Scores of the whole book as of one day and one version of the portfolio. */
    private record Ranking(LocalDate asOf, long version, List<HealthScore> scores) {}

    private final AtomicReference<Ranking> lastRanking = new AtomicReference<>();

    /**
     * Every account's score, without weekly history. Scores change only when the data or the date does,
     * so the last computation is reused while both stand (checked with one small query).
     */
    public List<HealthScore> all() {
        LocalDate asOf = today();
        // Read the version before the data: a write in between only makes the next call recompute.
        long version = accounts.portfolioVersion();
        Ranking last = lastRanking.get();
        if (last != null && last.asOf().equals(asOf) && last.version() == version) {
            return last.scores();
        }
        List<HealthScore> scores = scoreAll(asOf);
        lastRanking.set(new Ranking(asOf, version, scores));
        return scores;
    }

    /** Every account's score, computed now from the store (no reuse). */
    public List<HealthScore> scoreAll(LocalDate asOf) {
        Scorecard card = scorer.scorecard();
        LocalDate onboardingFrom = asOf.minusDays(card.measures().timeToValue().overdueDays() + card.trendDays());
        return accounts.allSignals(asOf.minusDays(rankingLookbackDays()), onboardingFrom, asOf).parallelStream()
                .map(signals -> scorer.scoreForRanking(signals, asOf))
                .toList();
    }

    /** Today's score and the one {@code trendDays} earlier need this much usage; no weekly history. */
    private int rankingLookbackDays() {
        Scorecard card = scorer.scorecard();
        return card.usageWindowDays() + card.trendDays();
    }

    public Scorecard scorecard() {
        return scorer.scorecard();
    }
}
