package dev.csbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.csbot.account.Account;
import dev.csbot.account.AccountSignals;
import dev.csbot.account.BookQuery;
import dev.csbot.account.BookSignalsFromHistory;
import dev.csbot.alerts.AlertEvaluator;
import dev.csbot.alerts.AlertRouter;
import dev.csbot.alerts.AlertRules;
import dev.csbot.alerts.AlertRulesLoader;
import dev.csbot.alerts.AlertService;
import dev.csbot.alerts.Finding;
import dev.csbot.alerts.ScanResult;
import dev.csbot.chat.Platform;
import dev.csbot.health.HealthScorer;
import dev.csbot.health.Scorecard;
import dev.csbot.health.ScorecardLoader;
import dev.csbot.ingest.CsvImport;
import dev.csbot.ingest.DemoPortfolio;
import dev.csbot.ingest.DemoService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.IntUnaryOperator;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert scan evaluates the book as a streaming read brings it (usage summed per window by the store, history
 * only as far back as the rules and the score look, one account in memory at a time). For every account of the
 * demo, and of a few that went quiet in ways only a long look back tells apart, its findings must be exactly
 * those evaluated from the account's full signals: today and on an earlier day, read in one part or in several
 * side by side.
 */
class AlertScanReadTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-23");
    private static final Scorecard SCORECARD = ScorecardLoader.defaults();
    private static final AlertRules RULES = AlertRulesLoader.defaults();

    @TempDir
    static Path tmp;

    private static JdbiAccountRepository accounts;
    private static AlertService alerts;
    private static AlertService alertsInThreeParts;

    @BeforeAll
    static void demoAndQuietAccounts() throws Exception {
        String url = StoreConfiguration.sqliteUrl(tmp.resolve("store.db"), Duration.ofSeconds(5));
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").load().migrate();
        Jdbi jdbi = Jdbi.create(url);
        Clock clock = Clock.fixed(TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        new DemoService(jdbi, clock).load(300, 365, DemoPortfolio.DEFAULT_SEED);
        importQuietAccounts(jdbi);
        accounts = new JdbiAccountRepository(jdbi);
        alerts = scan(jdbi, clock, () -> List.of(BookQuery.IdRange.ALL));
        alertsInThreeParts = scan(jdbi, clock, AlertScanReadTest::threeParts);
    }

    /** A scan like the service's, over the book read in the given parts; only dry runs here, so nothing is written. */
    private static AlertService scan(Jdbi jdbi, Clock clock, java.util.function.Supplier<List<BookQuery.IdRange>> parts) {
        return new AlertService(new JdbiAccountRepository(jdbi), SCORECARD, new AlertEvaluator(RULES, SCORECARD::bandOf),
                new JdbiAlertStore(jdbi), new JdbiOutbox(jdbi, clock),
                new AlertRouter(new JdbiChannelLinks(jdbi, clock), List.of(Platform.SLACK)), clock,
                () -> UUID.randomUUID().toString(), () -> { }, parts, new JdbiLinkedConversations(jdbi));
    }

    /**
     * Idle since long before any window the rules average (its last active day is 60 days back), never active at
     * all, gone dark (no rows for three weeks): the demo's accounts are all busy, so no_activity needs these. And
     * an onboarding that never took off, stalled on both days evaluated (Initech is not yet 30 days in on the
     * earlier one).
     */
    private static void importQuietAccounts(Jdbi jdbi) throws Exception {
        Path csv = Files.createDirectories(tmp.resolve("quiet"));
        StringBuilder accountRows = new StringBuilder("account_id,name,segment,arr,seats_purchased,contract_start,"
                + "renewal_date,csm_email,lifecycle_stage\n");
        StringBuilder usageRows = new StringBuilder("account_id,date,active_users,events,key_features_used\n");
        quiet(accountRows, usageRows, "quiet-since-september", "adoption", 0, daysAgo -> daysAgo >= 60 ? 40 : 0);
        quiet(accountRows, usageRows, "never-active", "adoption", 0, daysAgo -> 0);
        quiet(accountRows, usageRows, "gone-dark", "adoption", 21, daysAgo -> 30);
        quiet(accountRows, usageRows, "stuck-onboarding", "onboarding", 0, daysAgo -> 5);
        Files.writeString(csv.resolve("accounts.csv"), accountRows);
        Files.writeString(csv.resolve("usage_daily.csv"), usageRows);
        assertThat(new CsvImport(jdbi, (actor, action, account, detail) -> { }, "UTC")
                .importDirectory(csv, "test", problem -> { throw new AssertionError(problem); }).anyRejected()).isFalse();
    }

    /** An account with a usage row a day from 200 days ago until {@code lastRowDaysAgo}, active users by days ago. */
    private static void quiet(StringBuilder accountRows, StringBuilder usageRows, String id, String stage,
            int lastRowDaysAgo, IntUnaryOperator activeDaysAgo) {
        accountRows.append(id).append(',').append(id).append(",mid-market,90000,60,").append(TODAY.minusDays(200))
                .append(",2027-06-30,quiet.csm@csbot.example,").append(stage).append('\n');
        for (int daysAgo = 200; daysAgo >= 0; daysAgo--) {
            if (daysAgo >= lastRowDaysAgo) {
                usageRows.append(id).append(',').append(TODAY.minusDays(daysAgo)).append(',')
                        .append(activeDaysAgo.applyAsInt(daysAgo)).append(",100,2\n");
            }
        }
    }

    /** The book in three ranges of ids that meet without gap or overlap. */
    private static List<BookQuery.IdRange> threeParts() {
        List<String> ids = accounts.findAll().stream().map(Account::id).sorted().toList();
        Optional<String> first = Optional.of(ids.get(ids.size() / 3));
        Optional<String> second = Optional.of(ids.get(2 * ids.size() / 3));
        return List.of(new BookQuery.IdRange(Optional.empty(), first), new BookQuery.IdRange(first, second),
                new BookQuery.IdRange(second, Optional.empty()));
    }

    /** Each account's findings from its full signals, as lines of rule, severity, headline and evidence. */
    private static Map<String, List<String>> fromFullSignals(LocalDate asOf) {
        HealthScorer scorer = new HealthScorer(SCORECARD);
        AlertEvaluator evaluator = new AlertEvaluator(RULES, SCORECARD::bandOf);
        Map<String, List<String>> expected = new TreeMap<>();
        for (Account account : accounts.findAll()) {
            AccountSignals full = accounts.signals(account.id(), BookSignalsFromHistory.DAWN, asOf).orElseThrow();
            List<Finding> findings = evaluator.evaluate(full, scorer.scoreForRanking(full, asOf), asOf);
            if (!findings.isEmpty()) {
                expected.put(account.id(), findings.stream().map(f -> f.ruleId() + " | " + f.severity().label() + " | "
                        + f.headline() + " | " + f.evidence()).sorted().toList());
            }
        }
        return expected;
    }

    /** What a dry run found, in the same lines. */
    private static Map<String, List<String>> found(ScanResult scan) {
        return scan.lines().stream().collect(Collectors.groupingBy(ScanResult.Line::accountId, TreeMap::new,
                Collectors.mapping(l -> l.rule() + " | " + l.severity().label() + " | " + l.headline() + " | "
                        + l.evidence(), Collectors.collectingAndThen(Collectors.toList(),
                        lines -> lines.stream().sorted().toList()))));
    }

    @Test
    void everyAccountsFindingsFromTheStreamingReadAreThoseOfItsFullSignalsTodayAndEarlier() {
        for (LocalDate asOf : List.of(TODAY, TODAY.minusDays(40))) {
            Map<String, List<String>> expected = fromFullSignals(asOf);
            List<String> rulesSeen = new ArrayList<>();
            expected.values().forEach(lines -> lines.forEach(l -> rulesSeen.add(l.substring(0, l.indexOf(' ')))));
            assertThat(rulesSeen).as("the book exercises every rule that reads the store as of " + asOf)
                    .contains("usage_drop", "no_activity", "support_spike", "detractor_feedback", "renewal_at_risk",
                            "license_utilization", "onboarding_stalled", "stakeholder_left");
            assertThat(expected.get("quiet-since-september")).as("idle for longer than any usage window")
                    .anySatisfy(l -> assertThat(l).startsWith("no_activity").contains("No active users for "
                            + (60 - (TODAY.toEpochDay() - asOf.toEpochDay())) + " days"));

            for (AlertService scan : List.of(alerts, alertsInThreeParts)) {
                ScanResult result = scan.scan(asOf, true);

                assertThat(result.accounts()).isEqualTo(accounts.findAll().size());
                Map<String, List<String>> found = found(result);
                assertThat(found.keySet()).as("the accounts with findings as of " + asOf).isEqualTo(expected.keySet());
                for (Map.Entry<String, List<String>> account : expected.entrySet()) {
                    assertThat(found.get(account.getKey())).as(account.getKey() + " as of " + asOf)
                            .isEqualTo(account.getValue());
                }
            }
        }
    }
}
