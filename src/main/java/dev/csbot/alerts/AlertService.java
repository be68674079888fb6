package dev.csbot.alerts;

import dev.csbot.account.Account;
import dev.csbot.account.AccountRepository;
import dev.csbot.account.AccountSignals;
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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
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
    /** Past this many touched accounts one bulk read is cheaper than one read per account. */
    private static final int BULK_FROM = 50;

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
    private final UsageBaselines baselines;
    private final LinkedConversations linked;

    public AlertService(AccountRepository accounts, Scorecard scorecard, AlertEvaluator evaluator, AlertStore store,
            Outbox outbox, AlertRouter router, Clock clock, Supplier<String> ids, Runnable deliveriesWaiting,
            UsageBaselines baselines, LinkedConversations linked) {
        this.baselines = baselines;
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
            AlertEvaluator.Window window = evaluator.usageBaselineWindow(asOf);
            // The store averages the baselines (in SQL) while this thread reads and maps the recent signals.
            CompletableFuture<Map<String, UsageBaselines.Baseline>> usual = CompletableFuture.supplyAsync(() ->
                    baselines.meanActiveUsers(window.fromExclusive(), window.toInclusive()));
            List<AccountSignals> book = bulk(asOf, recentUsageDays());
            return run(book, asOf, dryRun, List.of(), usual.join());
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
            List<AccountSignals> signals = new ArrayList<>();
            if (scope.size() >= BULK_FROM) {
                bulk(asOf, usageDays()).stream().filter(s -> scope.contains(s.account().id())).forEach(signals::add);
            } else {
                LocalDate from = asOf.minusDays(usageDays());
                scope.forEach(id -> accounts.signals(id, from, asOf).ifPresent(signals::add));
            }
            return run(signals, asOf, false, scope, Map.of());
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

    private List<AccountSignals> bulk(LocalDate asOf, int days) {
        return accounts.allSignals(asOf.minusDays(days), asOf.minusDays(Math.max(days, onboardingDays())), asOf);
    }

    /** Every rule's raw usage but the usage-drop baseline, which a whole-book scan gets as an aggregate. */
    private int recentUsageDays() {
        AlertRules.Rules r = evaluator.rules().rules();
        Scorecard card = scorer.scorecard();
        return Math.max(Math.max(r.usageDrop().recentDays(), r.licenseUtilization().windowDays()),
                Math.max(r.noActivity().days(), card.usageWindowDays() + card.trendDays()));
    }

    /** Enough usage for every rule and for the health score the rules look at. */
    private int usageDays() {
        AlertRules.Rules r = evaluator.rules().rules();
        Scorecard card = scorer.scorecard();
        return Math.max(Math.max(r.usageDrop().recentDays() + r.usageDrop().baselineDays(),
                r.licenseUtilization().windowDays()), Math.max(r.noActivity().days(),
                card.usageWindowDays() + card.trendDays()));
    }

    /** Onboarding accounts need usage since their start (first value), the scorer's time-to-value too. */
    private int onboardingDays() {
        Scorecard card = scorer.scorecard();
        return Math.max(recentUsageDays(), Math.max(evaluator.rules().rules().onboardingStalled().overdueDays() + 1,
                card.measures().timeToValue().overdueDays() + card.trendDays()));
    }

    private record Evaluated(AccountSignals signals, List<Finding> findings) {}

    private ScanResult run(List<AccountSignals> book, LocalDate asOf, boolean dryRun, Collection<String> scope,
            Map<String, UsageBaselines.Baseline> usual) {
        Instant now = Instant.now(clock);
        Map<String, List<StoredAlert>> unresolved = new HashMap<>();
        store.unresolved(scope).forEach(a -> unresolved.computeIfAbsent(a.accountId(), k -> new ArrayList<>()).add(a));
        List<Evaluated> evaluated = book.parallelStream().map(signals -> {
            HealthScore health = scorer.scoreForRanking(signals, asOf);
            Optional<UsageBaselines.Baseline> baseline = usual.isEmpty() ? Optional.empty()
                    : Optional.of(usual.getOrDefault(signals.account().id(), new UsageBaselines.Baseline(0, 0)));
            return new Evaluated(signals, evaluator.evaluate(signals, health, asOf, baseline));
        }).toList();
        // A whole-book scan reads every link once; a few touched accounts ask per account.
        Map<String, List<DeliveryTarget>> links = scope.isEmpty() ? linked.all() : null;
        List<AlertChange> changes = new ArrayList<>();
        List<AlertStore.Notice> notices = new ArrayList<>();
        List<OutboxEntry> deliveries = new ArrayList<>();
        List<ScanResult.Line> lines = new ArrayList<>();
        List<String> resolved = new ArrayList<>();
        for (Evaluated e : evaluated) {
            Account account = e.signals().account();
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
        return new ScanResult(asOf, dryRun, book.size(), lines, messages);
    }

    /** Another writer raised the same (account, rule) first; the evaluation is planned again from the store. */
    public static final class AlertConflict extends RuntimeException {
        public AlertConflict(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
