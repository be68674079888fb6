package dev.csbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.csbot.account.UsageWindow;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Overlapping usage windows are read as the pieces they cut each other into; days no window covers are not read. */
class BookReadPiecesTest {

    private static final LocalDate DAY = LocalDate.parse("2026-11-23");

    private static UsageWindow days(int fromDaysAgo, int toDaysAgo) {
        return new UsageWindow(DAY.minusDays(fromDaysAgo), DAY.minusDays(toDaysAgo));
    }

    @Test
    void theScansBaselineAndTheRankingsFortnightsAreReadAsSixPiecesOf104Days() {
        Set<UsageWindow> windows = Set.of(days(14, 0), days(28, 14), days(44, 30), days(58, 44), days(104, 14),
                days(30, 0));

        assertThat(BookRead.pieces(windows)).containsExactly(days(104, 58), days(58, 44), days(44, 30), days(30, 28),
                days(28, 14), days(14, 0));
    }

    @Test
    void aGapBetweenWindowsIsNotReadAndAnEmptyWindowHasNoPiece() {
        assertThat(BookRead.pieces(Set.of(days(58, 44), days(30, 14), days(3, 3))))
                .containsExactly(days(58, 44), days(30, 14));
    }
}
