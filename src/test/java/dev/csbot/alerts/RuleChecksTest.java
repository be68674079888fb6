package dev.csbot.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RuleChecksTest {

    @Test
    void aShareJustUnderItsLimitIsNeverShownAsTheLimit() {
        assertThat(RuleChecks.percentUnder(0.2998, 0.30)).isEqualTo("29.9%");
        assertThat(RuleChecks.percentUnder(0.2950, 0.30)).isEqualTo("29.5%");
    }

    @Test
    void aShareWellUnderItsLimitIsAWholePercentage() {
        assertThat(RuleChecks.percentUnder(0.27, 0.30)).isEqualTo("27%");
        assertThat(RuleChecks.percentUnder(0.2949, 0.30)).isEqualTo("29%");
    }
}
