package dev.csbot.health;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.csbot.account.AccountDirectory;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The book as of one portfolio version and one day, shared by every reader: the directory names resolve
 * against, the ranking of every account, and the full scores of the accounts asked about (with what was
 * derived from them, such as their reply). Immutable once built, except that the ranking and each full
 * score are computed on first use, once, however many ask at the same time. A write makes the next
 * snapshot from this one, carrying over everything the write did not touch.
 */
final class BookSnapshot {

    /** A full score kept for reuse, with what callers derived from it (each computed once). */
    static final class Kept {
        private final Optional<HealthScore> score;
        private final Map<Class<?>, Object> derived = new ConcurrentHashMap<>();

        Kept(Optional<HealthScore> score) {
            this.score = score;
        }

        Optional<HealthScore> score() {
            return score;
        }

        @SuppressWarnings("unchecked")
        <T> Optional<T> derive(Function<HealthScore, T> answer) {
            // Keyed by the function's class: one entry per place in the code that derives something.
            return score.map(s -> (T) derived.computeIfAbsent(answer.getClass(), k -> answer.apply(s)));
        }
    }

    final long version;
    final LocalDate asOf;
    final AccountDirectory directory;
    final Once<List<HealthScore>> ranking;
    /**
     * How many accounts this snapshot's ranking rescores on top of one already computed or computing; -1 when
     * it ranks the whole book afresh.
     */
    final int rescoredOnTop;
    /** Empty when scores are not reused (every request scores from the store). */
    private final Optional<Cache<String, Kept>> kept;
    /**
     * The latest ranking before this snapshot's that someone started, with its version (empty after a fresh
     * start): what a ranking can be built on when the snapshots in between were never ranked. Dropped once this
     * snapshot's own ranking is in ({@link #ranked}), so that two rankings of the book are not kept for one.
     */
    private volatile Optional<Ranked> rankedBefore;

    /** A ranking of the book at {@code version}, computed or being computed. */
    record Ranked(long version, Once<List<HealthScore>> ranking) {}

    BookSnapshot(long version, LocalDate asOf, AccountDirectory directory, Once<List<HealthScore>> ranking,
            int rescoredOnTop, Optional<Cache<String, Kept>> kept, Optional<Ranked> rankedBefore) {
        this.version = version;
        this.asOf = asOf;
        this.directory = directory;
        this.ranking = ranking;
        this.rescoredOnTop = rescoredOnTop;
        this.kept = kept;
        this.rankedBefore = rankedBefore;
    }

    /** This snapshot's ranking, computed on first use; once it is in, the ranking before it is no longer kept. */
    List<HealthScore> ranked() {
        List<HealthScore> scores = ranking.get();
        rankedBefore = Optional.empty();
        return scores;
    }

    /** This snapshot's ranking when started, else the latest started before it: what the next one can build on. */
    Optional<Ranked> latestRanked() {
        return ranking.started() ? Optional.of(new Ranked(version, ranking)) : rankedBefore;
    }

    /**
     * How many accounts a ranking built on this one's would rescore before the new ones, or -1 when this
     * one's ranking has not been started and is a whole-book ranking (nothing to build on).
     */
    int rescoredBeneath() {
        return ranking.started() ? 0 : rescoredOnTop;
    }

    static Optional<Cache<String, Kept>> keptScores(int size) {
        return size == 0 ? Optional.empty() : Optional.of(Caffeine.newBuilder().maximumSize(size).build());
    }

    /** The kept full score of an account, computed by {@code compute} (once) when not kept yet. */
    Kept fullScore(String accountId, Function<String, Optional<HealthScore>> compute) {
        return kept.map(cache -> cache.get(accountId, id -> new Kept(compute.apply(id))))
                .orElseGet(() -> new Kept(compute.apply(accountId)));
    }

    /** The kept full scores of every account but {@code touched}, for the next snapshot. */
    Optional<Cache<String, Kept>> keptExcept(Set<String> touched, int size) {
        Optional<Cache<String, Kept>> next = keptScores(size);
        next.ifPresent(cache -> kept.ifPresent(previous -> previous.asMap().forEach((id, score) -> {
            if (!touched.contains(id)) {
                cache.put(id, score);
            }
        })));
        return next;
    }

    boolean isFor(long version, LocalDate asOf) {
        return this.version == version && this.asOf.equals(asOf);
    }
}
