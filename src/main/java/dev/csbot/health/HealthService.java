package dev.csbot.health;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.csbot.account.AccountRepository;
import dev.csbot.account.AccountSignals;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Health scores of the portfolio as of today (by the injected clock). */
public class HealthService {

    /** How many accounts' full scores are kept by default: a large book, at a few kilobytes each. */
    public static final int DEFAULT_REUSED_SCORES = 20_000;

    private final AccountRepository accounts;
    private final HealthScorer scorer;
    private final Clock clock;
    private final int reusedScores;

    public HealthService(AccountRepository accounts, HealthScorer scorer, Clock clock) {
        this(accounts, scorer, clock, DEFAULT_REUSED_SCORES);
    }

    /** @param reusedScores how many accounts' full scores to keep for reuse (0 = score on every request) */
    public HealthService(AccountRepository accounts, HealthScorer scorer, Clock clock, int reusedScores) {
        if (reusedScores < 0) {
            throw new IllegalArgumentException("reusedScores must be 0 or more, not " + reusedScores);
        }
        this.accounts = accounts;
        this.scorer = scorer;
        this.clock = clock;
        this.reusedScores = reusedScores;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Full scores computed for one day and one version of the portfolio, by account id. */
    private record Scored(LocalDate asOf, long version, Cache<String, HealthScore> byAccount) {}

    private final AtomicReference<Scored> lastScored = new AtomicReference<>();

    /**
     * One account's full score (with weekly history), or empty when no such account exists. A score
     * depends only on the data and the date, so it is reused until either changes: every write to the
     * portfolio bumps its version, from this process or any other, and one small query reads it.
     */
    public Optional<HealthScore> forAccount(String accountId) {
        LocalDate asOf = today();
        // Read the version before the data: a write in between only means this score is not reused.
        long version = accounts.portfolioVersion();
        Optional<Cache<String, HealthScore>> reusable = scoresFor(asOf, version);
        HealthScore known = reusable.map(cache -> cache.getIfPresent(accountId)).orElse(null);
        if (known != null) {
            return Optional.of(known);
        }
        LocalDate usageFrom = asOf.minusDays(scorer.scorecard().usageLookbackDays());
        Optional<HealthScore> score = accounts.signals(accountId, usageFrom, asOf)
                .map(signals -> scorer.score(signals, asOf).settled());
        score.ifPresent(s -> reusable.ifPresent(cache -> cache.put(accountId, s)));
        return score;
    }

    /** The scores kept for this day and version, starting afresh when either moved on; empty when off. */
    private Optional<Cache<String, HealthScore>> scoresFor(LocalDate asOf, long version) {
        if (reusedScores == 0) {
            return Optional.empty();
        }
        Scored last = lastScored.get();
        if (last != null && last.asOf().equals(asOf) && last.version() == version) {
            return Optional.of(last.byAccount());
        }
        if (last != null && (version < last.version() || asOf.isBefore(last.asOf()))) {
            return Optional.empty(); // this request read an older version than another one already did
        }
        Scored fresh = new Scored(asOf, version, Caffeine.newBuilder().maximumSize(reusedScores).build());
        // Another request may have started afresh at the same moment; use its scores only if they match.
        Scored current = lastScored.compareAndSet(last, fresh) ? fresh : lastScored.get();
        return current.asOf().equals(asOf) && current.version() == version
                ? Optional.of(current.byAccount()) : Optional.empty();
    }

    /** One account's score from signals already loaded (the QBR and deal review load more history). */
    public HealthScore score(AccountSignals signals) {
        return scorer.score(signals, today());
    }

    /** Scores of the whole book as of one day and one version of the portfolio. */
    private record Ranking(LocalDate asOf, long version, List<HealthScore> scores) {}

    private final AtomicReference<Ranking> lastRanking = new AtomicReference<>();

    /**
     * Every account's score (with weekly history only when {@link #prepare} scored the book in full).
     * Scores change only when the data or the date does, so the last computation is reused while both
     * stand (checked with one small query).
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

    /** The day and portfolio version the whole book was last scored in full for. */
    private record Prepared(LocalDate asOf, long version) {}

    private final AtomicReference<Prepared> lastPrepared = new AtomicReference<>();

    /**
     * Scores the whole book in full (weekly history included) with one bulk read, so that {@code /health}
     * and {@code /risks} answer from memory until the data or the date changes: what the running service
     * does in the background after every change. Does nothing when the book is already prepared; one
     * caller at a time, so a second caller waits for the first one's scores instead of computing them too.
     */
    public synchronized void prepare() {
        LocalDate asOf = today();
        long version = accounts.portfolioVersion();
        Prepared wanted = new Prepared(asOf, version);
        if (wanted.equals(lastPrepared.get())) {
            return;
        }
        Optional<Cache<String, HealthScore>> reusable = scoresFor(asOf, version);
        if (reusable.isEmpty()) {
            all(); // nothing to keep full scores in: the ranking alone
            return;
        }
        LocalDate from = asOf.minusDays(scorer.scorecard().usageLookbackDays());
        List<HealthScore> scores = accounts.allSignals(from, from, asOf).parallelStream()
                .map(signals -> scorer.score(signals, asOf).settled())
                .toList();
        scores.forEach(score -> reusable.get().put(score.account().id(), score));
        lastRanking.set(new Ranking(asOf, version, scores));
        lastPrepared.set(wanted);
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
