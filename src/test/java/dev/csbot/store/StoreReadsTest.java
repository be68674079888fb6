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
}
