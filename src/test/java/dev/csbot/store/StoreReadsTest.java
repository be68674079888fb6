package dev.csbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.csbot.account.Account;
import dev.csbot.account.AccountRepository;
import dev.csbot.account.AccountSignals;
import dev.csbot.account.BookQuery;
import dev.csbot.account.BookSignals;
import dev.csbot.account.BookSignalsFromHistory;
import dev.csbot.account.BookTable;
import dev.csbot.account.LifecycleStage;
import dev.csbot.account.TicketCounts;
import dev.csbot.account.UsageWindow;
import dev.csbot.health.HealthScore;
import dev.csbot.health.HealthScorer;
import dev.csbot.health.HealthService;
import dev.csbot.health.MeasureResult;
import dev.csbot.health.Scorecard;
import dev.csbot.support.IntegrationTest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The store's read paths against the demo portfolio in SQLite: the book read (a few grouped passes) must
 * say exactly what each account's full history says, and the ranking scored from it must equal the scores
 * computed from every account's full signals.
 */
class StoreReadsTest extends IntegrationTest {

    @Autowired
    AccountRepository accounts;

    @Autowired
    Scorecard scorecard;

    @Autowired
    Clock clock;

    private List<LocalDate> days() {
        LocalDate today = LocalDate.now(clock);
        // Today, and a day well inside the data: rows after it must not count.
        return List.of(today, today.minusDays(40));
    }

    private static BookQuery query(LocalDate asOf) {
        return new BookQuery(asOf, List.of(asOf, asOf.minusDays(30)), asOf.minusDays(240),
                Set.of(new UsageWindow(asOf.minusDays(14), asOf), new UsageWindow(asOf.minusDays(28), asOf.minusDays(14)),
                        new UsageWindow(asOf.minusDays(44), asOf.minusDays(30)), new UsageWindow(asOf.minusDays(3), asOf)),
                Set.of(LifecycleStage.ONBOARDING));
    }

    @Test
    void theBookReadSaysWhatEveryAccountsFullHistorySays() {
        for (BookQuery query : days().stream().flatMap(day -> java.util.stream.Stream.of(query(day),
                query(day).withoutText(), query(day).withLastActiveDay(), query(day).usageAlone(),
                query(day).usageAlone().withBoundsInWindows(), query(day).withoutText().withoutUsageTotals(),
                query(day).withoutText().withoutUsageTotals().reading(Set.of(BookTable.TICKETS)),
                query(day).reading(Set.of(BookTable.FEEDBACK, BookTable.CONTACTS)),
                query(day).withoutText().reading(Set.of(BookTable.MEETINGS)),
                query(day).withoutText().withoutUsageTotals().reading(Set.of(BookTable.TICKETS, BookTable.CONTACTS))
                        .countingTickets(new TicketCounts.Windows(30, 180)))).toList()) {
            LocalDate asOf = query.asOf();
            List<BookSignals> book = new ArrayList<>();
            accounts.forEachInBook(query, book::add);

            List<Account> all = accounts.findAll();
            assertThat(book).hasSize(all.size());
            assertThat(book).extracting(b -> b.account().id()).isSorted();
            for (BookSignals read : book) {
                AccountSignals history = accounts.signals(read.account().id(), BookSignalsFromHistory.DAWN, asOf)
                        .orElseThrow();
                assertThat(read).as(read.account().id() + " as of " + asOf)
                        .isEqualTo(BookSignalsFromHistory.of(history, query));
            }
            assertThat(book).as("the demo has onboarding accounts, read day by day")
                    .anySatisfy(b -> assertThat(b.usage().daily()).isNotEmpty());
            for (BookTable table : BookTable.values()) {
                java.util.function.Function<BookSignals, List<?>> rows = switch (table) {
                    case CONTACTS -> BookSignals::contacts;
                    case TICKETS -> BookSignals::tickets;
                    case FEEDBACK -> BookSignals::feedback;
                    case MEETINGS -> BookSignals::meetings;
                };
                if (table == BookTable.TICKETS && query.ticketCounts().isPresent()) {
                    assertThat(book).as("tickets counted instead of listed").allSatisfy(b -> {
                        assertThat(b.tickets()).isEmpty();
                        assertThat(b.ticketCounts().keySet()).containsExactlyInAnyOrderElementsOf(query.evaluatedOn());
                    });
                    assertThat(book).as("some accounts have tickets, open ones among them").anySatisfy(b -> assertThat(
                            b.ticketCounts().get(asOf).urgentOpen() + b.ticketCounts().get(asOf).highOpen()).isPositive());
                    assertThat(book).anySatisfy(b -> assertThat(b.ticketCounts().get(asOf).baseline()).isPositive());
                } else if (query.reads(table)) {
                    assertThat(book).as(table + " is read when asked for").anySatisfy(b -> assertThat(rows.apply(b)).isNotEmpty());
                } else {
                    assertThat(book).as(table + " is not read unless asked for").allSatisfy(b -> assertThat(rows.apply(b)).isEmpty());
                }
            }
            assertThat(book).as("text is read only when asked for").allSatisfy(b -> assertThat(b.feedback())
                    .allSatisfy(f -> assertThat(f.contactEmail().isEmpty()).isEqualTo(!query.withText())));
            if (query.usageWindows().isEmpty()) {
                assertThat(book).as("no usage totals or bounds when none are asked for").allSatisfy(b -> assertThat(
                        List.of(b.usage().windows().isEmpty(), b.usage().firstDay().isEmpty(), b.usage().lastDay().isEmpty()))
                        .containsOnly(true));
            }
            if (query.lastActiveDay()) {
                assertThat(book).as("the last active day, when asked for")
                        .anySatisfy(b -> assertThat(b.usage().lastActiveDay()).isPresent());
            } else {
                assertThat(book).as("the last active day is read only when asked for")
                        .allSatisfy(b -> assertThat(b.usage().lastActiveDay()).isEmpty());
            }
        }
    }

    @Test
    void readingSomeAccountsOfTheBookGivesWhatTheWholeReadGivesForThem() {
        BookQuery query = query(LocalDate.now(clock));
        List<BookSignals> book = new ArrayList<>();
        accounts.forEachInBook(query, book::add);
        List<BookSignals> some = book.subList(3, 9);
        Set<String> ids = Set.copyOf(some.stream().map(b -> b.account().id()).toList());

        List<BookSignals> read = new ArrayList<>();
        accounts.forEachOf(Set.copyOf(new ArrayList<>(ids) {{ add("no-such-account"); }}), query, read::add);

        assertThat(read).containsExactlyInAnyOrderElementsOf(some);
    }

    @Test
    void theBookReadInRangesOfIdsGivesEveryAccountOnceAsTheWholeReadDoes() {
        BookQuery query = query(LocalDate.now(clock));
        List<BookSignals> whole = new ArrayList<>();
        accounts.forEachInBook(query, whole::add);
        String first = whole.get(whole.size() / 3).account().id();
        String second = whole.get(2 * whole.size() / 3).account().id();

        List<BookSignals> parts = new ArrayList<>();
        for (BookQuery.IdRange range : List.of(new BookQuery.IdRange(java.util.Optional.empty(), java.util.Optional.of(first)),
                new BookQuery.IdRange(java.util.Optional.of(first), java.util.Optional.of(second)),
                new BookQuery.IdRange(java.util.Optional.of(second), java.util.Optional.empty()))) {
            accounts.forEachInBook(query.within(range), parts::add);
        }

        assertThat(parts).containsExactlyElementsOf(whole);
    }

    @Test
    void theRankingFromTheBookReadEqualsScoresFromEveryAccountsFullSignals() {
        HealthScorer scorer = new HealthScorer(scorecard);
        HealthService health = new HealthService(accounts, scorer, clock);
        for (LocalDate asOf : days()) {
            List<HealthScore> ranked = health.scoreAll(asOf);
            assertThat(ranked).hasSizeGreaterThanOrEqualTo(200);
            for (HealthScore fast : ranked) {
                String id = fast.account().id();
                AccountSignals full = accounts.signals(id, BookSignalsFromHistory.DAWN, asOf).orElseThrow();
                HealthScore expected = scorer.scoreForRanking(full, asOf);
                String what = id + " as of " + asOf;
                assertThat(fast.score()).as(what).isEqualTo(expected.score());
                assertThat(fast.band()).as(what).isEqualTo(expected.band());
                assertThat(fast.previousScore()).as(what).isEqualTo(expected.previousScore());
                assertThat(fast.drivers()).as(what).isEqualTo(expected.drivers());
                assertThat(fast.playbook()).as(what).isEqualTo(expected.playbook());
                assertThat(fast.dataThrough()).as(what).isEqualTo(expected.dataThrough());
                assertThat(fast.staleSources()).as(what).isEqualTo(expected.staleSources());
                assertThat(fast.coverage()).as(what).isEqualTo(expected.coverage());
                assertThat(fast.measures()).extracting(MeasureResult::measure).as(what)
                        .isEqualTo(expected.measures().stream().map(MeasureResult::measure).toList());
                assertThat(fast.measures()).extracting(MeasureResult::score).as(what)
                        .isEqualTo(expected.measures().stream().map(MeasureResult::score).toList());
                assertThat(fast.measures()).extracting(MeasureResult::evidence).as(what)
                        .isEqualTo(expected.measures().stream().map(MeasureResult::evidence).toList());
            }
        }
    }

    @Test
    void aFullScoreAgreesWithTheRankingOfTheSameAccount() {
        HealthService health = new HealthService(accounts, new HealthScorer(scorecard), clock);
        for (HealthScore ranked : health.all()) {
            HealthScore full = health.forAccount(ranked.account().id()).orElseThrow();
            assertThat(full.score()).as(ranked.account().id()).isEqualTo(ranked.score());
            assertThat(full.previousScore()).as(ranked.account().id()).isEqualTo(ranked.previousScore());
            assertThat(full.drivers()).as(ranked.account().id()).isEqualTo(ranked.drivers());
        }
    }
}
