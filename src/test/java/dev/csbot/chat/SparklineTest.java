package dev.csbot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SparklineTest {

    private static final Optional<ReplyBlock.Scale> SCORE = Optional.of(new ReplyBlock.Scale(0, 100));

    @Test
    void onTheScoresScaleASmallStepStaysSmall() {
        assertThat(Sparkline.of(List.of(100.0, 100.0, 99.0, 98.0), SCORE)).isEqualTo("████");
        assertThat(Sparkline.of(List.of(92.0, 74.0, 49.0, 10.0), SCORE)).isEqualTo("▇▆▄▂");
    }

    @Test
    void withoutAScaleTheSeriesIsStretchedFromItsLowestToItsHighestPoint() {
        assertThat(Sparkline.of(List.of(100.0, 98.0))).isEqualTo("█▁");
        assertThat(Sparkline.of(List.of(100.0, 98.0), Optional.empty())).isEqualTo("█▁");
    }

    @Test
    void pointsOutsideTheScaleAreDrawnAtItsEnds() {
        assertThat(Sparkline.of(List.of(-5.0, 120.0), SCORE)).isEqualTo("▁█");
    }

    @Test
    void aFlatSeriesSitsMidHeightAndAnEmptyOneIsEmpty() {
        assertThat(Sparkline.of(List.of(5.0, 5.0))).isEqualTo("▅▅");
        assertThat(Sparkline.of(List.of())).isEmpty();
    }
}
