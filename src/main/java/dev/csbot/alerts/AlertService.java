package dev.csbot.alerts;

import dev.csbot.account.Account;
import dev.csbot.account.AccountRepository;
import dev.csbot.account.BookQuery;
import dev.csbot.account.BookSignals;
import dev.csbot.chat.MessageRef;
import dev.csbot.health.HealthScore;
import dev.csbot.health.HealthScorer;
import dev.csbot.health.Scorecard;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates the rules for the whole book or for the accounts a write touched, and commits what changed: new,
 * worse and resolved alerts, one notice (message) per account with something to say, and the outbox entries
 * delivering it, in one transaction. One evaluation at a time per process; a clash with another process is
 * detected by the store's unique index and the evaluation is planned again.
 */
public final class AlertService {

    /** The outbox item kind of an alert message. */
    public static final String NOTICE = "alert-notice";
    private static final Logger log = LoggerFactory.getLogger(AlertService.class);
    private static final int ATTEMPTS = 3;
    /** Past this many touched accounts one read of the whole book is cheaper than reading them by id. */
    private static final int WHOLE_BOOK_FROM = 1_000;

    private final AccountRepository accounts;
    private final HealthScorer scorer;
    private final AlertEvaluator evaluator;
    private final AlertLifecycle lifecycle;
    private final AlertStore store;
    private final Outbox outbox;
    private final AlertRouter router;
    private final Clock clock;
    private final Supplier<String> ids;
    private final Runnable deliveriesWaiting;
    private final Supplier<List<BookQuery.IdRange>> bookParts;
    private final LinkedConversations linked;

    /** @param bookParts how to split a read of the whole book to run side by side (as the ranking does) */
    public AlertService(AccountRepository accounts, Scorecard scorecard, AlertEvaluator evaluator, AlertStore store,
            Outbox outbox, AlertRouter router, Clock clock, Supplier<String> ids, Runnable deliveriesWaiting,
            Supplier<List<BookQuery.IdRange>> bookParts, LinkedConversations linked) {
        this.bookParts = bookParts;
        this.linked = linked;
        this.accounts = accounts;
        this.scorer = new HealthScorer(scorecard);
        this.evaluator = evaluator;
        this.lifecycle = new AlertLifecycle(evaluator.rules());
        this.store = store;
        this.outbox = outbox;
        this.router = router;
        this.clock = clock;
        this.ids = ids;
        this.deliveriesWaiting = deliveriesWaiting;
    }

    public AlertRouter router() {
        return router;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The whole book as of {@code asOf}; with {@code dryRun} nothing is written or sent. */
    public synchronized ScanResult scan(LocalDate asOf, boolean dryRun) {
        return withRetries(() -> {
            BookQuery query = bookQuery(asOf);
            Map<String, List<StoredAlert>> unresolved = unresolvedByAccount(List.of());
            return run(readBook(query, unresolved.keySet(), id -> true), asOf, dryRun, List.of(), unresolved);
        });
    }

    /** The accounts a write touched, as of today (the {@code PortfolioListener} path). */
    public synchronized ScanResult evaluate(Collection<String> accountIds) {
        LocalDate asOf = today();
        Set<String> scope = new LinkedHashSet<>(accountIds);
        if (scope.isEmpty()) {
            return new ScanResult(asOf, false, 0, List.of(), 0);
        }
        return withRetries(() -> {
            BookQuery query = bookQuery(asOf);
            Map<String, List<StoredAlert>> unresolved = unresolvedByAccount(scope);
            Evaluation evaluation;
            if (scope.size() > WHOLE_BOOK_FROM) {
                evaluation = readBook(query, unresolved.keySet(), scope::contains);
            } else {
                evaluation = new Evaluation(query, unresolved.keySet(), id -> true);
                accounts.forEachOf(scope, query, evaluation);
            }
            return run(evaluation, asOf, false, scope, unresolved);
        });
    }

    private ScanResult withRetries(Supplier<ScanResult> evaluation) {
        for (int attempt = 1; ; attempt++) {
            try {
                return evaluation.get();
            } catch (AlertConflict conflict) {
                if (attempt == ATTEMPTS) {
                    throw conflict;
                }
                log.info("Alerts: another evaluation wrote the same alerts first; evaluating again ({})",
                        conflict.getMessage());
            }
        }
    }

    /** One read for the rules and the health score they look at. */
    private BookQuery bookQuery(LocalDate asOf) {
        return evaluator.bookQuery(asOf).and(scorer.rankingQuery(asOf));
    }

    private Map<String, List<StoredAlert>> unresolvedByAccount(Collection<String> scope) {
        Map<String, List<StoredAlert>> unresolved = new HashMap<>();
        store.unresolved(scope).forEach(a -> unresolved.computeIfAbsent(a.accountId(), k -> new ArrayList<>()).add(a));
        return unresolved;
    }

    /**
     * Evaluates every account of the book (those {@code inScope}) as the read streams by, in the parts the ranking
     * reads side by side, each on its own connection and core: no part holds more than one account's signals.
     */
    private Evaluation readBook(BookQuery query, Set<String> withAlerts, Predicate<String> inScope) {
        List<BookQuery.IdRange> parts = bookParts.get();
        List<Evaluation> evaluations = parts.stream().map(range -> new Evaluation(query, withAlerts, inScope)).toList();
        // The common pool explicitly: on two cores CompletableFuture would otherwise start a thread per task.
        List<CompletableFuture<Void>> others = new ArrayList<>();
        for (int i = 1; i < parts.size(); i++) {
            BookQuery part = query.within(parts.get(i));
            Evaluation evaluation = evaluations.get(i);
            others.add(CompletableFuture.runAsync(() -> accounts.forEachInBook(part, evaluation),
                    ForkJoinPool.commonPool()));
        }
        accounts.forEachInBook(query.within(parts.get(0)), evaluations.get(0));
        others.forEach(AlertService::join);
        Evaluation all = new Evaluation(query, withAlerts, inScope);
        evaluations.forEach(all::add);
        return all;
    }

    private static void join(CompletableFuture<Void> part) {
        try {
            part.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    /** An account with something to plan: findings, or unresolved alerts that may have cleared. */
    private record Evaluated(Account account, List<Finding> findings) {}

    /**
     * Scores and evaluates each account of a read as it comes, and keeps only the accounts with something to plan
     * (what a scan holds in memory: its findings, never the book's signals). One per part of a read: not shared
     * between threads.
     */
    private final class Evaluation implements Consumer<BookSignals> {
        private final BookQuery query;
        private final Set<String> withAlerts;
        private final Predicate<String> inScope;
        private final List<Evaluated> kept = new ArrayList<>();
        private int read;

        Evaluation(BookQuery query, Set<String> withAlerts, Predicate<String> inScope) {
            this.query = query;
            this.withAlerts = withAlerts;
            this.inScope = inScope;
        }

        @Override
        public void accept(BookSignals book) {
            String id = book.account().id();
            if (!inScope.test(id)) {
                return;
            }
            read++;
            HealthScore health = scorer.scoreForRanking(book, query);
            List<Finding> findings = evaluator.evaluate(book, query, health);
            if (!findings.isEmpty() || withAlerts.contains(id)) {
                kept.add(new Evaluated(book.account(), findings));
            }
        }

        void add(Evaluation part) {
            kept.addAll(part.kept);
            read += part.read;
        }
    }

    private ScanResult run(Evaluation evaluation, LocalDate asOf, boolean dryRun, Collection<String> scope,
            Map<String, List<StoredAlert>> unresolved) {
        Instant now = Instant.now(clock);
        // A whole-book read reads every link once; a few touched accounts ask per account.
        Map<String, List<DeliveryTarget>> links = scope.isEmpty() || scope.size() > WHOLE_BOOK_FROM ? linked.all()
                : null;
        List<AlertChange> changes = new ArrayList<>();
        List<AlertStore.Notice> notices = new ArrayList<>();
        List<OutboxEntry> deliveries = new ArrayList<>();
        List<ScanResult.Line> lines = new ArrayList<>();
        List<String> resolved = new ArrayList<>();
        for (Evaluated e : evaluation.kept) {
            Account account = e.account();
            List<AlertChange> planned = lifecycle.plan(account.id(), e.findings(),
                    unresolved.getOrDefault(account.id(), List.of()), asOf, ids);
            changes.addAll(planned);
            List<String> told = planned.stream().filter(AlertChange::tellOwner).map(AlertChange::alertId).toList();
            if (!told.isEmpty()) {
                String noticeId = ids.get();
                notices.add(new AlertStore.Notice(noticeId, account.id(), told, now));
                (links == null ? router.targets(account) : router.targets(account, links.getOrDefault(account.id(),
                        List.of()))).forEach(t -> deliveries.add(OutboxEntry.post(NOTICE, noticeId, t, account.id())));
            }
            for (AlertChange change : planned) {
                if (change.kind() == AlertChange.Kind.RESOLVED) {
                    resolved.add(change.alertId());
                }
                lines.add(new ScanResult.Line(account.id(), account.name(), change.ruleId(), change.severity(),
                        change.kind().label(), change.headline(), change.evidence(), account.csmEmail(),
                        change.tellOwner()));
            }
        }
        if (!resolved.isEmpty()) {
            // Every message that showed a resolved alert is updated to say so.
            for (String noticeId : store.noticesShowing(resolved)) {
                String accountId = store.notice(noticeId).map(AlertStore.Notice::accountId).orElse(null);
                for (MessageRef message : outbox.postedFor(NOTICE, noticeId)) {
                    deliveries.add(OutboxEntry.update(NOTICE, noticeId, message, accountId, now.toString()));
                }
            }
        }
        lines.sort(Comparator.comparing(ScanResult.Line::accountId).thenComparing(ScanResult.Line::rule));
        int messages = (int) deliveries.stream().filter(d -> d.operation() == OutboxEntry.Operation.POST).count();
        if (!dryRun) {
            AlertCommit commit = new AlertCommit(now, asOf, changes, notices, deliveries);
            if (!commit.isEmpty()) {
                store.commit(commit);
                if (!deliveries.isEmpty()) {
                    deliveriesWaiting.run();
                }
            }
        }
        return new ScanResult(asOf, dryRun, evaluation.read, lines, messages);
    }

    /** Another writer raised the same (account, rule) first; the evaluation is planned again from the store. */
    public static final class AlertConflict extends RuntimeException {
        public AlertConflict(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
