package dev.csbot.review;

import static dev.csbot.support.SignalsBuilder.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.csbot.account.Ticket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SupportThemesTest {

    private static List<Ticket> tickets(String... subjects) {
        List<Ticket> tickets = new ArrayList<>();
        for (String subject : subjects) {
            tickets.add(new Ticket("t" + tickets.size(), "a", TODAY, Optional.empty(), 3, subject));
        }
        return tickets;
    }

    @Test
    void aParticleSharedByTwoPhrasesIsNoTheme() {
        assertThat(SupportThemes.recurring(tickets("Users locked out after SSO change", "Report times out")))
                .isEmpty();
    }

    @Test
    void theLongestRecurringPhraseStandsForTheWordsInside() {
        assertThat(SupportThemes.recurring(tickets("Export times out on large reports",
                "Export times out for the monthly report", "Users locked out", "Locked out again after reset")))
                .containsExactly(new SupportThemes.Theme("export times out", 2), new SupportThemes.Theme("locked out", 2),
                        new SupportThemes.Theme("reports", 2));
    }

    @Test
    void functionWordsAndNumbersAreNeverThemesAndWordFormsCountAsOne() {
        assertThat(SupportThemes.recurring(tickets("How do I export a report?", "How do we add seats to our plan?",
                "Sync failing for all users", "Sync failed after 2 hours")))
                .containsExactly(new SupportThemes.Theme("sync failing", 2));
    }

    @Test
    void aWordRepeatedInOneSubjectCountsOnce() {
        assertThat(SupportThemes.recurring(tickets("Sync sync sync", "Dashboard filter resets"))).isEmpty();
    }
}
