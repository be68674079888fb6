package dev.csbot.voc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The small decisions VoC rests on: who needs a human fast, how a stage may move, what NPS is. */
class FeedbackDecisionsTest {

    private final PromptCatalog prompts = PromptLoader.shipped();

    private java.util.Optional<String> urgency(String prompt, int score) {
        return FollowUpUrgency.reason(prompts.find(prompt).orElseThrow(), OptionalInt.of(score));
    }

    @Test
    void detractorsUnhappyCsatHighEffortAndABadCheckInNeedAHumanFast() {
        assertThat(urgency("nps", 6)).contains("detractor (NPS 6)");
        assertThat(urgency("nps", 7)).isEmpty();
        assertThat(urgency("csat", 2)).contains("unsatisfied (CSAT 2)");
        assertThat(urgency("csat", 3)).isEmpty();
        assertThat(urgency("ces", 3)).contains("high effort (CES 3)");
        assertThat(urgency("ces", 4)).isEmpty();
        assertThat(urgency("onboarding-checkin", 2)).contains("onboarding going badly (check-in 2 of 5)");
        assertThat(urgency("onboarding-checkin", 3)).isEmpty();
        assertThat(FollowUpUrgency.reason(prompts.find("product-request").orElseThrow(), OptionalInt.empty())).isEmpty();
    }

    @Test
    void theLoopMovesForwardOnlyAndShippedAndDeclinedAreFinal() {
        assertThat(LoopStage.NEW.canMoveTo(LoopStage.ACKNOWLEDGED)).isTrue();
        assertThat(LoopStage.NEW.canMoveTo(LoopStage.SHIPPED)).isTrue();
        assertThat(LoopStage.ACKNOWLEDGED.canMoveTo(LoopStage.ACKNOWLEDGED)).isFalse();
        assertThat(LoopStage.PLANNED.canMoveTo(LoopStage.SHIPPED)).isTrue();
        assertThat(LoopStage.PLANNED.canMoveTo(LoopStage.ACKNOWLEDGED)).isFalse();
        assertThat(LoopStage.SHIPPED.canMoveTo(LoopStage.DECLINED)).isFalse();
        assertThat(LoopStage.DECLINED.canMoveTo(LoopStage.PLANNED)).isFalse();
        assertThat(List.of(LoopStage.values())).filteredOn(LoopStage::closesTheLoop)
                .containsExactly(LoopStage.PLANNED, LoopStage.SHIPPED, LoopStage.DECLINED);
    }

    @Test
    void npsIsPromotersMinusDetractorsAndCsatAndCesAreTheMean() {
        assertThat(VocInsights.value(PromptKind.NPS, List.of(10, 9, 8, 3)).getAsDouble()).isEqualTo(25.0);
        assertThat(VocInsights.value(PromptKind.NPS, List.of(0)).getAsDouble()).isEqualTo(-100.0);
        assertThat(VocInsights.value(PromptKind.CSAT, List.of(5, 4, 2)).getAsDouble()).isEqualTo(11 / 3.0);
        assertThat(VocInsights.value(PromptKind.CES, List.of())).isEmpty();
    }

    @Test
    void aTokenIsOneHundredTwentyEightRandomBitsAndOnlyWellFormedOnesAreLookedUp() {
        String token = PromptToken.generate();

        assertThat(token).hasSize(22);
        assertThat(PromptToken.generate()).isNotEqualTo(token);
        assertThat(PromptToken.wellFormed(token)).isTrue();
        assertThat(PromptToken.wellFormed("short")).isFalse();
        assertThat(PromptToken.wellFormed("a".repeat(65))).isFalse();
        assertThat(PromptToken.wellFormed("<script>alert(1)</script>")).isFalse();
        assertThat(PromptToken.hash(token)).hasSize(64).isNotEqualTo(PromptToken.hash(PromptToken.generate()));
    }
}
