package dev.csbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.csbot.account.Account;
import dev.csbot.account.BookQuery;
import dev.csbot.alerts.AlertEvaluator;
import dev.csbot.alerts.AlertRouter;
import dev.csbot.alerts.AlertRulesLoader;
import dev.csbot.alerts.AlertService;
import dev.csbot.alerts.ScanResult;
import dev.csbot.alerts.StoredAlert;
import dev.csbot.chat.Platform;
import dev.csbot.health.Scorecard;
import dev.csbot.health.ScorecardLoader;
import dev.csbot.ingest.DemoPortfolio;
import dev.csbot.ingest.DemoService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write to more than a thousand accounts is evaluated over one read of the book and one read of every unresolved
 * alert: the alerts of the accounts written are known (not raised again), and an account outside the write is left
 * alone.
 */
class AlertEvaluationOfManyAccountsTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-23");
    private static final Scorecard SCORECARD = ScorecardLoader.defaults();

    @TempDir
    Path tmp;

    @Test
    void theAlertsOfAWriteToManyAccountsAreKnownAndTheAccountsOutsideItAreLeftAlone() throws Exception {
        String url = StoreConfiguration.sqliteUrl(tmp.resolve("store.db"), Duration.ofSeconds(5));
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").load().migrate();
        Jdbi jdbi = Jdbi.create(url);
        Clock clock = Clock.fixed(TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        new DemoService(jdbi, clock).load(1_100, 120, DemoPortfolio.DEFAULT_SEED);
        JdbiAlertStore store = new JdbiAlertStore(jdbi);
        AlertService alerts = new AlertService(new JdbiAccountRepository(jdbi), SCORECARD,
                new AlertEvaluator(AlertRulesLoader.defaults(), SCORECARD::bandOf), store, new JdbiOutbox(jdbi, clock),
                new AlertRouter(new JdbiChannelLinks(jdbi, clock), List.of(Platform.SLACK)), clock,
                () -> UUID.randomUUID().toString(), () -> { }, () -> List.of(BookQuery.IdRange.ALL),
                new JdbiLinkedConversations(jdbi));
        alerts.scan(TODAY, false);
        List<StoredAlert> raised = store.unresolved(List.of());
        assertThat(raised).as("the demo raises alerts").hasSizeGreaterThan(10);
        String left = raised.get(0).accountId();
        Set<String> written = new JdbiAccountRepository(jdbi).findAll().stream().map(Account::id)
                .filter(id -> !id.equals(left)).collect(Collectors.toSet());

        ScanResult result = alerts.evaluate(written);

        assertThat(result.accounts()).isEqualTo(written.size());
        assertThat(result.count("new")).as("nothing raised twice").isZero();
        assertThat(result.lines()).extracting(ScanResult.Line::accountId).doesNotContain(left)
                .containsAll(raised.stream().map(StoredAlert::accountId).filter(id -> !id.equals(left)).toList());
        assertThat(store.unresolved(List.of())).extracting(StoredAlert::id)
                .containsExactlyInAnyOrderElementsOf(raised.stream().map(StoredAlert::id).toList());
    }
}
