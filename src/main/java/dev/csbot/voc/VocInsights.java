package dev.csbot.voc;

import dev.csbot.account.Account;
import dev.csbot.account.AccountRepository;
import dev.csbot.account.Segment;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads feedback (imported and answered in chat) into an account's summary and the portfolio's themes. */
final class VocInsights {

    static final int QUARTER_DAYS = 90;
    static final int RECENT_COMMENTS = 5;
    static final int EXAMPLES_PER_THEME = 2;

    private final ThemeTagger tagger;
    private final AccountRepository accounts;
    private final PromptSends sends;
    private final FeedbackStore feedback;
    private final FeedbackLoop loop;
    private final Clock clock;
    /** Tagging the book's comments is the slow part of /voc: done once per portfolio version and day. */
    private volatile Snapshot snapshot;

    /** The window's comments, tagged, and the accounts they belong to, as of one portfolio version. */
    private record Snapshot(long version, LocalDate from, List<Tagged> comments, Map<String, Account> accounts) {}

    /** A comment with what tagging found; its loop stage is looked up when it is shown. */
    private record Tagged(FeedbackRecord record, String itemId, List<String> themes, Sentiment sentiment) {
        TaggedFeedback at(Map<String, LoopState> itemStates) {
            return new TaggedFeedback(record, themes, sentiment, stage(itemStates.get(itemId)));
        }
    }

    VocInsights(ThemeTagger tagger, AccountRepository accounts, PromptSends sends, FeedbackStore feedback,
            FeedbackLoop loop, Clock clock) {
        this.tagger = tagger;
        this.accounts = accounts;
        this.sends = sends;
        this.feedback = feedback;
        this.loop = loop;
        this.clock = clock;
    }

    AccountVoc account(Account account) {
        LocalDate today = LocalDate.now(clock);
        LocalDate from = today.minusDays(Math.max(tagger.catalog().windowDays(), 2 * QUARTER_DAYS) - 1L);
        List<FeedbackRecord> records = feedback.forAccount(account.id(), from);
        List<AccountVoc.SurveyTrend> surveys = new ArrayList<>();
        for (PromptKind kind : List.of(PromptKind.NPS, PromptKind.CSAT, PromptKind.CES)) {
            surveys.add(trend(kind, records, today));
        }
        Instant now = Instant.now(clock);
        List<PromptSend> recentSends = sends.forAccount(account.id(), now.minus(Duration.ofDays(QUARTER_DAYS)));
        int answered = (int) recentSends.stream().filter(s -> s.answeredAt().isPresent()).count();

        LocalDate themesFrom = today.minusDays(tagger.catalog().windowDays() - 1L);
        Map<String, LoopState> itemStates = loop.states(LoopSubject.Kind.ITEM);
        Map<String, LoopState> themeStates = loop.states(LoopSubject.Kind.THEME);
        List<TaggedFeedback> comments = records.stream()
                .filter(r -> r.hasComment() && !r.date().isBefore(themesFrom))
                .map(r -> tag(r, itemStates))
                .toList();
        List<TaggedFeedback> recent = comments.stream()
                .sorted(Comparator.comparing((TaggedFeedback t) -> t.record().date()).reversed())
                .limit(RECENT_COMMENTS).toList();
        List<AccountVoc.ThemeCount> themes = new ArrayList<>();
        for (ThemeCatalog.Theme theme : tagger.catalog().themes()) {
            List<TaggedFeedback> tagged = comments.stream().filter(t -> t.themes().contains(theme.key())).toList();
            if (!tagged.isEmpty()) {
                themes.add(new AccountVoc.ThemeCount(theme, tagged.size(),
                        (int) tagged.stream().filter(t -> t.sentiment() == Sentiment.NEGATIVE).count(),
                        stage(themeStates.get(theme.key()))));
            }
        }
        themes.sort(Comparator.comparingInt(AccountVoc.ThemeCount::items).reversed());
        return new AccountVoc(account, surveys, recentSends.size(), answered, recent, themes, themesFrom, today);
    }

    PortfolioVoc portfolio(Optional<Segment> segment) {
        Snapshot current = snapshot();
        Map<String, Account> byId = current.accounts().values().stream()
                .filter(a -> segment.isEmpty() || a.segment() == segment.get())
                .collect(Collectors.toMap(Account::id, Function.identity()));
        Map<String, LoopState> itemStates = loop.states(LoopSubject.Kind.ITEM);
        Map<String, LoopState> themeStates = loop.states(LoopSubject.Kind.THEME);
        List<TaggedFeedback> comments = current.comments().stream()
                .filter(t -> byId.containsKey(t.record().accountId()))
                .map(t -> t.at(itemStates))
                .toList();
        LocalDate from = current.from();
        LocalDate today = LocalDate.now(clock);
        Map<String, List<TaggedFeedback>> byTheme = new HashMap<>();
        int untagged = 0;
        for (TaggedFeedback item : comments) {
            if (item.themes().isEmpty()) {
                untagged++;
            }
            for (String theme : item.themes()) {
                byTheme.computeIfAbsent(theme, k -> new ArrayList<>()).add(item);
            }
        }
        List<PortfolioVoc.ThemeSummary> themes = new ArrayList<>();
        for (ThemeCatalog.Theme theme : tagger.catalog().themes()) {
            List<TaggedFeedback> items = byTheme.get(theme.key());
            if (items != null) {
                themes.add(summary(theme, items, byId, stage(themeStates.get(theme.key()))));
            }
        }
        themes.sort(Comparator.comparingLong(PortfolioVoc.ThemeSummary::arrAffected).reversed()
                .thenComparing(Comparator.comparingInt(PortfolioVoc.ThemeSummary::items).reversed()));
        return new PortfolioVoc(segment, themes, comments.size(), untagged, closure(comments, loop.firstClosures(), clock.getZone()),
                from, today);
    }

    /** The comments of one theme since the window's start, newest first. */
    List<TaggedFeedback> themeItems(ThemeCatalog.Theme theme) {
        Map<String, LoopState> itemStates = loop.states(LoopSubject.Kind.ITEM);
        return snapshot().comments().stream()
                .filter(t -> t.themes().contains(theme.key()))
                .map(t -> t.at(itemStates))
                .sorted(Comparator.comparing((TaggedFeedback t) -> t.record().date()).reversed())
                .toList();
    }

    /** The comments in the window that carry {@code theme}: whom a theme's loop-closing message goes to. */
    List<FeedbackRecord> withTheme(String theme) {
        return snapshot().comments().stream().filter(t -> t.themes().contains(theme)).map(Tagged::record).toList();
    }

    private Snapshot snapshot() {
        long version = accounts.portfolioVersion();
        LocalDate from = LocalDate.now(clock).minusDays(tagger.catalog().windowDays() - 1L);
        Snapshot current = snapshot;
        if (current != null && current.version() == version && current.from().equals(from)) {
            return current;
        }
        List<Tagged> comments = new ArrayList<>();
        for (FeedbackRecord record : feedback.since(from)) {
            if (record.hasComment()) {
                comments.add(new Tagged(record, record.itemId(), tagger.themes(record.comment().get()),
                        TaggedFeedback.sentimentOf(record, tagger)));
            }
        }
        Map<String, Account> byId = accounts.findAll().stream()
                .collect(Collectors.toMap(Account::id, Function.identity()));
        // The version was read before the data: a write in between makes the next call read again.
        Snapshot fresh = new Snapshot(version, from, List.copyOf(comments), byId);
        snapshot = fresh;
        return fresh;
    }

    private static PortfolioVoc.ThemeSummary summary(ThemeCatalog.Theme theme, List<TaggedFeedback> items,
            Map<String, Account> byId, LoopStage stage) {
        Set<String> accountIds = new HashSet<>();
        items.forEach(i -> accountIds.add(i.record().accountId()));
        long arr = accountIds.stream().mapToLong(id -> byId.get(id).arr()).sum();
        // Examples: the latest, unhappy ones first (they are what needs fixing), from different accounts, and never
        // the same words twice (a survey answered alike at two accounts says nothing more the second time).
        List<PortfolioVoc.Example> examples = new ArrayList<>();
        Set<String> shown = new HashSet<>();
        Set<String> words = new HashSet<>();
        items.stream()
                .sorted(Comparator.comparing((TaggedFeedback t) -> t.sentiment() != Sentiment.NEGATIVE)
                        .thenComparing(t -> t.record().date(), Comparator.reverseOrder()))
                .forEach(t -> {
                    String said = t.record().comment().orElse("").strip().replaceAll("\\s+", " ")
                            .toLowerCase(java.util.Locale.ROOT);
                    if (examples.size() < EXAMPLES_PER_THEME && !shown.contains(t.record().accountId())
                            && words.add(said)) {
                        shown.add(t.record().accountId());
                        examples.add(new PortfolioVoc.Example(t, byId.get(t.record().accountId()).name()));
                    }
                });
        return new PortfolioVoc.ThemeSummary(theme, items.size(), accountIds.size(), arr,
                (int) items.stream().filter(i -> i.sentiment() == Sentiment.NEGATIVE).count(),
                (int) items.stream().filter(i -> i.sentiment() == Sentiment.POSITIVE).count(), examples, stage);
    }

    /** Items closed back to the customer over items raised, and the median days from raised to closed. */
    static PortfolioVoc.Closure closure(List<TaggedFeedback> raised, Map<String, Instant> firstClosures,
            java.time.ZoneId zone) {
        List<Long> days = new ArrayList<>();
        for (TaggedFeedback item : raised) {
            Instant closed = firstClosures.get(item.record().itemId());
            if (closed != null) {
                LocalDate closedOn = LocalDate.ofInstant(closed, zone);
                days.add(Math.max(0, ChronoUnit.DAYS.between(item.record().date(), closedOn)));
            }
        }
        days.sort(null);
        OptionalDouble median = days.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(days.size() % 2 == 1
                ? days.get(days.size() / 2) : (days.get(days.size() / 2 - 1) + days.get(days.size() / 2)) / 2.0);
        return new PortfolioVoc.Closure(raised.size(), days.size(), median);
    }

    TaggedFeedback tag(FeedbackRecord record, Map<String, LoopState> itemStates) {
        String text = record.comment().orElse("");
        return new TaggedFeedback(record, tagger.themes(text), TaggedFeedback.sentimentOf(record, tagger),
                stage(itemStates.get(record.itemId())));
    }

    private static LoopStage stage(LoopState state) {
        return state == null ? LoopStage.NEW : state.stage();
    }

    private static AccountVoc.SurveyTrend trend(PromptKind kind, List<FeedbackRecord> records, LocalDate today) {
        LocalDate currentFrom = today.minusDays(QUARTER_DAYS - 1L);
        LocalDate previousFrom = currentFrom.minusDays(QUARTER_DAYS);
        List<Integer> current = new ArrayList<>();
        List<Integer> previous = new ArrayList<>();
        for (FeedbackRecord record : records) {
            if (record.kind() != kind || record.score().isEmpty() || record.date().isAfter(today)) {
                continue;
            }
            if (!record.date().isBefore(currentFrom)) {
                current.add(record.score().getAsInt());
            } else if (!record.date().isBefore(previousFrom)) {
                previous.add(record.score().getAsInt());
            }
        }
        return new AccountVoc.SurveyTrend(kind, value(kind, current), current.size(), value(kind, previous),
                previous.size());
    }

    /** NPS: % promoters (9-10) minus % detractors (0-6). CSAT and CES: the mean. */
    static OptionalDouble value(PromptKind kind, List<Integer> scores) {
        if (scores.isEmpty()) {
            return OptionalDouble.empty();
        }
        if (kind == PromptKind.NPS) {
            long promoters = scores.stream().filter(s -> s >= 9).count();
            long detractors = scores.stream().filter(s -> s <= 6).count();
            return OptionalDouble.of(100.0 * (promoters - detractors) / scores.size());
        }
        return scores.stream().mapToInt(Integer::intValue).average();
    }
}
