package dev.csbot.health;

import static dev.csbot.support.SignalsBuilder.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.csbot.account.AccountSignals;
import dev.csbot.account.LifecycleStage;
import dev.csbot.support.InMemoryPortfolio;
import dev.csbot.support.SignalsBuilder;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HealthServiceTest {

    /** Counts reads, to see when the book or an account is scored again. */
    private static final class CountingPortfolio extends InMemoryPortfolio {
        int bulkReads;
        int accountReads;

        @Override
        public Optional<AccountSignals> signals(String accountId, LocalDate usageFrom, LocalDate asOf) {
            accountReads++;
            return super.signals(accountId, usageFrom, asOf);
        }

        @Override
        public List<AccountSignals> allSignals(LocalDate usageFrom, LocalDate onboardingUsageFrom, LocalDate asOf) {
            bulkReads++;
            return super.allSignals(usageFrom, onboardingUsageFrom, asOf);
        }
    }

    private static final Clock CLOCK = Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    private final CountingPortfolio portfolio = new CountingPortfolio();
    private final HealthService service = new HealthService(portfolio, new HealthScorer(ScorecardLoader.defaults()),
            CLOCK);

    @Test
    void anAccountsScoreIsReusedUntilThePortfolioChanges() {
        portfolio.add(SignalsBuilder.healthy("acme"));

        HealthScore first = service.forAccount("acme").orElseThrow();
        HealthScore again = service.forAccount("acme").orElseThrow();
        portfolio.add(SignalsBuilder.healthy("acme").championLeft("Jane Doe", "VP", TODAY.minusDays(10)));
        HealthScore afterWrite = service.forAccount("acme").orElseThrow();

        assertThat(again).isSameAs(first);
        assertThat(portfolio.accountReads).isEqualTo(2);
        assertThat(afterWrite.score()).isLessThan(first.score());
        assertThat(afterWrite.drivers()).anySatisfy(d -> assertThat(d.evidence()).contains("Jane Doe"));
    }

    @Test
    void withReuseOffEveryRequestReadsTheStore() {
        HealthService computing = new HealthService(portfolio, new HealthScorer(ScorecardLoader.defaults()), CLOCK, 0);
        portfolio.add(SignalsBuilder.healthy("acme"));

        HealthScore first = computing.forAccount("acme").orElseThrow();
        HealthScore again = computing.forAccount("acme").orElseThrow();

        assertThat(again).isNotSameAs(first);
        assertThat(again.score()).isEqualTo(first.score());
        assertThat(portfolio.accountReads).isEqualTo(2);
    }

    @Test
    void aPreparedBookAnswersEveryAccountWithTheScoreItWouldHaveComputed() {
        portfolio.add(SignalsBuilder.healthy("globex"))
                .add(SignalsBuilder.healthy("acme").championLeft("Jane Doe", "VP", TODAY.minusDays(10))
                        .usage(TODAY.minusDays(120), TODAY, day -> 120 - day / 2, 3))
                .add(SignalsBuilder.bare("initech").stage(LifecycleStage.ONBOARDING).contractStart(TODAY.minusDays(50)));
        HealthService computing = new HealthService(portfolio, new HealthScorer(ScorecardLoader.defaults()), CLOCK, 0);

        service.prepare();
        service.prepare();

        assertThat(portfolio.bulkReads).isEqualTo(1);
        for (String id : List.of("globex", "acme", "initech")) {
            HealthScore prepared = service.forAccount(id).orElseThrow();
            HealthScore computed = computing.forAccount(id).orElseThrow();
            assertThat(prepared.score()).isEqualTo(computed.score());
            assertThat(prepared.previousScore()).isEqualTo(computed.previousScore());
            assertThat(prepared.weekly()).isEqualTo(computed.weekly());
            assertThat(prepared.drivers()).isEqualTo(computed.drivers());
            assertThat(prepared.measures()).extracting(MeasureResult::evidence)
                    .isEqualTo(computed.measures().stream().map(MeasureResult::evidence).toList());
        }
        assertThat(portfolio.accountReads).as("only the computing service read accounts one by one").isEqualTo(3);
        assertThat(service.all()).hasSize(3);
        assertThat(portfolio.bulkReads).isEqualTo(1);
    }

    @Test
    void theBookIsScoredAgainOnlyWhenThePortfolioChanges() {
        portfolio.add(SignalsBuilder.healthy("globex"));

        List<HealthScore> first = service.all();
        List<HealthScore> again = service.all();
        portfolio.add(SignalsBuilder.healthy("acme").championLeft("Jane Doe", "VP", TODAY.minusDays(10)));
        List<HealthScore> afterWrite = service.all();

        assertThat(again).isSameAs(first);
        assertThat(afterWrite).hasSize(2);
        assertThat(portfolio.bulkReads).isEqualTo(2);
    }

    @Test
    void rankingScoresMatchTheFullScore() {
        portfolio.add(SignalsBuilder.healthy("acme").usage(TODAY.minusDays(27), TODAY, day -> 80 - day, 4));

        HealthScore ranked = service.all().get(0);
        HealthScore full = service.forAccount("acme").orElseThrow();

        assertThat(ranked.score()).isEqualTo(full.score());
        assertThat(ranked.previousScore()).isEqualTo(full.previousScore());
        assertThat(ranked.drivers()).isEqualTo(full.drivers());
    }
}
