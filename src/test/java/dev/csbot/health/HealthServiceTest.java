package dev.csbot.health;

import static dev.csbot.support.SignalsBuilder.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.csbot.account.AccountSignals;
import dev.csbot.support.InMemoryPortfolio;
import dev.csbot.support.SignalsBuilder;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthServiceTest {

    /** Counts bulk reads, to see when the book is scored again. */
    private static final class CountingPortfolio extends InMemoryPortfolio {
        int bulkReads;

        @Override
        public List<AccountSignals> allSignals(LocalDate usageFrom, LocalDate onboardingUsageFrom, LocalDate asOf) {
            bulkReads++;
            return super.allSignals(usageFrom, onboardingUsageFrom, asOf);
        }
    }

    private final CountingPortfolio portfolio = new CountingPortfolio();
    private final HealthService service = new HealthService(portfolio,
            new HealthScorer(ScorecardLoader.defaults()),
            Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));

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
