package dev.csbot.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.csbot.support.InMemoryPortfolio;
import dev.csbot.support.SignalsBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountResolverTest {

    private final AccountResolver resolver = over(new InMemoryPortfolio()
            .add(SignalsBuilder.bare("acme").name("Acme"))
            .add(SignalsBuilder.bare("globex").name("Globex Corporation"))
            .add(SignalsBuilder.bare("initech").name("Initech"))
            .add(SignalsBuilder.bare("umbrella-eu").name("Umbrella Europe"))
            .add(SignalsBuilder.bare("umbrella-us").name("Umbrella Americas")));

    /** A resolver over the portfolio as it stands at each query. */
    private static AccountResolver over(InMemoryPortfolio portfolio) {
        return new AccountResolver(() -> AccountDirectory.of(portfolio.findAll()));
    }

    private Account found(String query) {
        AccountResolver.Resolution resolution = resolver.resolve(query);
        assertThat(resolution).isInstanceOf(AccountResolver.Found.class);
        return ((AccountResolver.Found) resolution).account();
    }

    @Test
    void resolvesByIdExactNameCaseAndPrefix() {
        assertThat(found("umbrella-eu").name()).isEqualTo("Umbrella Europe");
        assertThat(found("ACME").id()).isEqualTo("acme");
        assertThat(found("Globex Corporation").id()).isEqualTo("globex");
        assertThat(found("glob").id()).isEqualTo("globex");
    }

    @Test
    void anIdWinsOverAnotherAccountsNameSpelledTheSame() {
        InMemoryPortfolio portfolio = new InMemoryPortfolio()
                .add(SignalsBuilder.bare("hooli").name("Hooli XYZ"))
                .add(SignalsBuilder.bare("hooli-2").name("hooli"));
        AccountResolver byIdFirst = over(portfolio);

        AccountResolver.Resolution resolution = byIdFirst.resolve("hooli");

        assertThat(resolution).isInstanceOf(AccountResolver.Found.class);
        assertThat(((AccountResolver.Found) resolution).account().id()).isEqualTo("hooli");
        assertThat(((AccountResolver.Found) resolution).account().name()).isEqualTo("Hooli XYZ");
    }

    @Test
    void anAccountWrittenAfterTheFirstQueryIsFoundByTheNext() {
        InMemoryPortfolio portfolio = new InMemoryPortfolio().add(SignalsBuilder.bare("acme").name("Acme"));
        AccountResolver growing = over(portfolio);
        assertThat(growing.resolve("Stark Industries")).isInstanceOf(AccountResolver.NotFound.class);

        portfolio.add(SignalsBuilder.bare("stark").name("Stark Industries"));

        assertThat(growing.resolve("Stark Industries")).isInstanceOf(AccountResolver.Found.class);
        assertThat(growing.resolve("stark")).isInstanceOf(AccountResolver.Found.class);
    }

    @Test
    void resolvesByAWordOfTheName() {
        assertThat(found("corporation").id()).isEqualTo("globex");
        assertThat(found("americas").id()).isEqualTo("umbrella-us");
    }

    @Test
    void forgivesASmallTypoAndSaysItGuessed() {
        AccountResolver.Found found = (AccountResolver.Found) resolver.resolve("acmee");

        assertThat(found.account().id()).isEqualTo("acme");
        assertThat(found.note()).hasValueSatisfying(note -> assertThat(note).contains("acmee").contains("Acme"));
        assertThat(found("initch").id()).isEqualTo("initech");
    }

    @Test
    void listsTheCandidatesWhenSeveralMatch() {
        AccountResolver.Resolution resolution = resolver.resolve("umbrella");

        assertThat(resolution).isInstanceOf(AccountResolver.Ambiguous.class);
        assertThat(((AccountResolver.Ambiguous) resolution).candidates()).extracting(Account::id)
                .containsExactlyInAnyOrder("umbrella-eu", "umbrella-us");
    }

    @Test
    void anUnknownNameSuggestsTheNearest() {
        AccountResolver.Resolution resolution = resolver.resolve("initrode");

        assertThat(resolution).isInstanceOf(AccountResolver.NotFound.class);
        assertThat(((AccountResolver.NotFound) resolution).nearest()).isNotEmpty().first()
                .extracting(Account::id).isEqualTo("initech");
    }

    @Test
    void shortQueriesAreNotTypoMatched() {
        assertThat(resolver.resolve("xyz")).isInstanceOf(AccountResolver.NotFound.class);
    }

    @Test
    void anExactResolutionTakesAnIdOrAWholeNameAndNothingElse() {
        assertThat(resolver.resolveExactly("acme")).isInstanceOf(AccountResolver.Found.class);
        assertThat(resolver.resolveExactly("GLOBEX CORPORATION")).isInstanceOf(AccountResolver.Found.class);
        assertThat(resolver.resolveExactly("UMBRELLA-EU")).isInstanceOf(AccountResolver.Found.class);
        for (String guess : List.of("ac", "glob", "corporation", "acmee", "Globex Corporation Inc")) {
            assertThat(resolver.resolveExactly(guess)).as(guess).isInstanceOf(AccountResolver.NotFound.class);
        }
        AccountResolver.NotFound prefix = (AccountResolver.NotFound) resolver.resolveExactly("ac");
        assertThat(prefix.nearest()).extracting(Account::id).containsExactly("acme");
    }

    @Test
    void aQueryLongerThanAnyNameIsNotTypoMatched() {
        AccountResolver.Resolution resolution = resolver.resolve("acme".repeat(250));

        assertThat(resolution).isInstanceOf(AccountResolver.NotFound.class);
        assertThat(((AccountResolver.NotFound) resolution).nearest()).isEmpty();
        assertThat(resolver.resolve("x".repeat(AccountResolver.LONGEST_TYPO_QUERY + 1)))
                .isInstanceOf(AccountResolver.NotFound.class);
    }

    @Test
    void aGuessQuotesAtMostSixtyCharactersOfTheQuery() {
        AccountResolver longNames = over(new InMemoryPortfolio()
                .add(SignalsBuilder.bare("long").name("Northwind Traders International Holdings")));

        AccountResolver.Found found = (AccountResolver.Found) longNames.resolve("Northwind Traders International Holdinsg");

        assertThat(found.note()).hasValueSatisfying(note -> assertThat(note).contains("Holdinsg"));
        assertThat(AccountResolver.quoted("y".repeat(500))).hasSize(60).endsWith("…");
    }
}
