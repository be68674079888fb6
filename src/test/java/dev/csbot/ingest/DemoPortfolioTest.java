package dev.csbot.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.csbot.health.Band;
import dev.csbot.health.Driver;
import dev.csbot.health.HealthScore;
import dev.csbot.health.HealthScorer;
import dev.csbot.health.Measure;
import dev.csbot.health.Playbook;
import dev.csbot.health.ScorecardLoader;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The demo portfolio: deterministic, and its stories come out as a CSM would tell them. */
class DemoPortfolioTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-23");
    private static final DemoPortfolio DEMO = new DemoPortfolio(200, 365, 42, TODAY);
    private static final HealthScorer SCORER = new HealthScorer(ScorecardLoader.defaults());

    private static HealthScore health(String accountId) throws Exception {
        return SCORER.score(DemoSignals.of(DEMO, accountId), TODAY);
    }

    private static List<Measure> driverMeasures(HealthScore score) {
        return score.drivers().stream().map(Driver::measure).toList();
    }

    @Test
    void theSameSeedGivesTheSameRowsAndAnotherSeedOtherRows() throws Exception {
        DemoPortfolio again = new DemoPortfolio(200, 365, 42, TODAY);
        DemoPortfolio other = new DemoPortfolio(200, 365, 7, TODAY);
        for (Dataset dataset : Dataset.values()) {
            assertThat(DemoSignals.all(again, dataset)).as(dataset.fileName())
                    .usingElementComparator((a, b) -> Arrays.equals(a, b) ? 0 : 1)
                    .containsExactlyElementsOf(DemoSignals.all(DEMO, dataset));
        }
        assertThat(DemoSignals.all(other, Dataset.USAGE).stream().map(Arrays::toString).toList())
                .isNotEqualTo(DemoSignals.all(DEMO, Dataset.USAGE).stream().map(Arrays::toString).toList());
    }

    @Test
    void acmeIsAtRiskBecauseUsageSlidChampionLeftAndADetractorSpoke() throws Exception {
        HealthScore acme = health("acme");

        assertThat(acme.account().name()).isEqualTo("Acme");
        assertThat(acme.band()).isIn(Band.RED, Band.YELLOW);
        assertThat(acme.change().getAsInt()).isNegative();
        assertThat(driverMeasures(acme)).contains(Measure.RELATIONSHIP, Measure.SENTIMENT)
                .containsAnyOf(Measure.USAGE_TREND, Measure.LICENSE_UTILIZATION);
        assertThat(acme.drivers()).extracting(Driver::evidence)
                .anySatisfy(e -> assertThat(e).contains("champion Jane Doe (VP Operations) left on"))
                .anySatisfy(e -> assertThat(e).contains("NPS 3").contains("detractor"));
        assertThat(acme.measure(Measure.SUPPORT_BURDEN).orElseThrow().evidence()).contains("1 urgent ticket");
        assertThat(acme.account().daysToRenewal(TODAY)).isEqualTo(60);
        assertThat(acme.playbook()).contains(Playbook.RENEWAL_AT_RISK);
    }

    @Test
    void acmeActiveUsersFellAboutFortyPercentOverTheLastFourWeeks() throws Exception {
        var usage = DemoSignals.of(DEMO, "acme").usage();
        double before = usage.stream().filter(u -> weekday(u.date()) && u.date().isAfter(TODAY.minusDays(42))
                && u.date().isBefore(TODAY.minusDays(28))).mapToInt(u -> u.activeUsers()).average().orElseThrow();
        double now = usage.stream().filter(u -> weekday(u.date()) && u.date().isAfter(TODAY.minusDays(5)))
                .mapToInt(u -> u.activeUsers()).average().orElseThrow();

        assertThat(now / before).isBetween(0.55, 0.7);
    }

    @Test
    void globexIsGreenFullyUsedAndExpansionReady() throws Exception {
        HealthScore globex = health("globex");

        assertThat(globex.band()).isEqualTo(Band.GREEN);
        assertThat(globex.playbook()).contains(Playbook.EXPANSION_READY);
        assertThat(globex.measure(Measure.LICENSE_UTILIZATION).orElseThrow().evidence()).matches("(8[5-9]|9\\d|100)% of 300 seats.*");
        assertThat(globex.measure(Measure.SENTIMENT).orElseThrow().evidence()).contains("NPS 10");
    }

    @Test
    void initechIsJudgedOnTimeToValueAndHasNotReachedFirstValue() throws Exception {
        HealthScore initech = health("initech");

        assertThat(initech.onboarding()).isTrue();
        assertThat(initech.band()).isNotEqualTo(Band.GREEN);
        assertThat(driverMeasures(initech).get(0)).isEqualTo(Measure.TIME_TO_VALUE);
        assertThat(initech.drivers().get(0).evidence()).contains("first value not reached after 48 days");
    }

    @Test
    void mostOfTheBookIsHealthyAndSomeIsNot() throws Exception {
        int green = 0;
        for (Object[] account : DemoSignals.all(DEMO, Dataset.ACCOUNTS)) {
            green += health((String) account[0]).band() == Band.GREEN ? 1 : 0;
        }
        assertThat(green).isBetween(120, 190);
    }

    @Test
    void generatedNamesAreUniqueAndNeverStartLikeTheStories() throws Exception {
        DemoPortfolio big = new DemoPortfolio(12_000, 1, 42, TODAY);
        Set<String> names = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (Object[] account : DemoSignals.all(big, Dataset.ACCOUNTS)) {
            String name = ((String) account[1]).toLowerCase(Locale.ROOT);
            assertThat(names.add(name)).as(name).isTrue();
            assertThat(ids.add((String) account[0])).isTrue();
            if (!List.of("acme", "globex", "initech", "redwood health partners", "silverline freight").contains(name)) {
                assertThat(Arrays.stream(name.split(" "))).noneMatch(word -> word.startsWith("acme")
                        || word.startsWith("globex") || word.startsWith("initech") || word.startsWith("redwood")
                        || word.startsWith("silverline"));
            }
        }
        assertThat(big.accounts()).isEqualTo(12_000);
    }

    @Test
    void usageHasAWeekdayRhythmAndALateDecemberDip() throws Exception {
        var usage = DemoSignals.of(DEMO, "globex").usage();
        double weekdays = usage.stream().filter(u -> weekday(u.date()) && u.date().getMonthValue() == 10)
                .mapToInt(u -> u.activeUsers()).average().orElseThrow();
        double weekends = usage.stream().filter(u -> !weekday(u.date()) && u.date().getMonthValue() == 10)
                .mapToInt(u -> u.activeUsers()).average().orElseThrow();
        double christmas = usage.stream().filter(u -> weekday(u.date()) && u.date().getMonthValue() == 12
                && u.date().getDayOfMonth() >= 23 && u.date().getDayOfMonth() <= 31)
                .mapToInt(u -> u.activeUsers()).average().orElseThrow();

        assertThat(weekends).isLessThan(weekdays * 0.8);
        assertThat(christmas).isLessThan(weekdays * 0.6);
    }

    @Test
    void commentsCarryCommasQuotesAndNewlines() throws Exception {
        List<String> comments = DemoSignals.all(DEMO, Dataset.FEEDBACK).stream()
                .map(row -> (String) row[5]).filter(c -> c != null).toList();

        assertThat(comments).anyMatch(c -> c.contains(",")).anyMatch(c -> c.contains("\""))
                .anyMatch(c -> c.contains("\n"));
    }

    private static boolean weekday(LocalDate date) {
        return date.getDayOfWeek().getValue() <= 5;
    }
}
