package dev.csbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.csbot.account.Account;
import dev.csbot.account.AccountRepository;
import dev.csbot.health.HealthScore;
import dev.csbot.health.HealthScorer;
import dev.csbot.health.HealthService;
import dev.csbot.health.MeasureResult;
import dev.csbot.health.Scorecard;
import dev.csbot.support.IntegrationTest;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The store's read paths against the demo portfolio in SQLite: bulk and one-by-one reads must agree. */
class StoreReadsTest extends IntegrationTest {

    @Autowired
    AccountRepository accounts;

    @Autowired
    Scorecard scorecard;

    @Autowired
    Clock clock;

    @Autowired
    Jdbi jdbi;

    @Test
    void theBookScoredInBulkMatchesEveryAccountScoredOnItsOwn() {
        HealthService prepared = new HealthService(accounts, new HealthScorer(scorecard), clock);
        HealthService computing = new HealthService(accounts, new HealthScorer(scorecard), clock, 0);

        prepared.prepare();

        List<Account> book = accounts.findAll();
        assertThat(book).hasSizeGreaterThanOrEqualTo(200);
        for (Account account : book) {
            HealthScore bulk = prepared.forAccount(account.id()).orElseThrow();
            HealthScore single = computing.forAccount(account.id()).orElseThrow();
            assertThat(bulk.score()).as(account.id()).isEqualTo(single.score());
            assertThat(bulk.previousScore()).as(account.id()).isEqualTo(single.previousScore());
            assertThat(bulk.weekly()).as(account.id()).isEqualTo(single.weekly());
            assertThat(bulk.drivers()).as(account.id()).isEqualTo(single.drivers());
            assertThat(bulk.dataThrough()).as(account.id()).isEqualTo(single.dataThrough());
            assertThat(bulk.measures()).extracting(MeasureResult::evidence).as(account.id())
                    .isEqualTo(single.measures().stream().map(MeasureResult::evidence).toList());
        }
    }

    @Test
    void anIdWinsOverANameThatSpellsTheSameAndNamesIgnoreCase() {
        jdbi.useHandle(h -> h.execute("INSERT INTO accounts (account_id, name, segment, arr, seats_purchased,"
                + " contract_start, renewal_date, csm_email, lifecycle_stage) VALUES"
                + " ('lookup-probe', 'Lookup Probe Two', 'smb', 1000, 5, '2025-01-01', '2027-06-01', 'probe@csbot.example', 'adoption'),"
                + " ('lookup-probe-2', 'lookup-probe', 'smb', 1000, 5, '2025-01-01', '2027-06-01', 'probe@csbot.example', 'adoption')"
                + " ON CONFLICT (account_id) DO NOTHING"));

        assertThat(accounts.findByIdOrName("lookup-probe")).extracting(Account::id).containsExactly("lookup-probe");
        assertThat(accounts.findByIdOrName("LOOKUP PROBE TWO")).extracting(Account::id).containsExactly("lookup-probe");
        assertThat(accounts.findByIdOrName("nobody-by-that-name")).isEmpty();
    }
}
