package dev.csbot.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** What exports write where csbot expects a number, a date or a severity, and how each is stored. */
class ColumnTypeTest {

    private static Object parse(ColumnType type, String text) {
        return type.parse(text, ZoneOffset.UTC);
    }

    private static String reason(ColumnType type, String text) {
        try {
            parse(type, text);
        } catch (ColumnType.Invalid e) {
            return e.getMessage();
        }
        throw new AssertionError(text + " was accepted as " + type);
    }

    @Test
    void arrTakesDecimalsCurrencySymbolsAndThousandsSeparatorsRoundedHalfUpToWholeUnits() {
        assertThat(parse(ColumnType.MONEY, "420000")).isEqualTo(420_000L);
        assertThat(parse(ColumnType.MONEY, "96000.50")).isEqualTo(96_001L);
        assertThat(parse(ColumnType.MONEY, "96000.49")).isEqualTo(96_000L);
        assertThat(parse(ColumnType.MONEY, "$420,000")).isEqualTo(420_000L);
        assertThat(parse(ColumnType.MONEY, "$1,420,000.75")).isEqualTo(1_420_001L);
        assertThat(parse(ColumnType.MONEY, "USD 420000")).isEqualTo(420_000L);
        assertThat(parse(ColumnType.MONEY, "420.000,50 €")).isEqualTo(420_001L);
        assertThat(parse(ColumnType.MONEY, "1.420.000")).isEqualTo(1_420_000L);
        assertThat(parse(ColumnType.MONEY, "96000,50")).isEqualTo(96_001L);
        assertThat(parse(ColumnType.MONEY, "CHF 1'250")).isEqualTo(1_250L);
        assertThat(parse(ColumnType.MONEY, "420 000 EUR")).isEqualTo(420_000L);
    }

    @Test
    void anAmountThatIsAmbiguousNegativeOrNotANumberIsRefused() {
        assertThat(reason(ColumnType.MONEY, "-5000")).isEqualTo("ARR cannot be negative: '-5000'");
        assertThat(reason(ColumnType.MONEY, "1,2,3")).startsWith("not an amount: '1,2,3' (expected a number such as");
        assertThat(reason(ColumnType.MONEY, "1.000,00.5")).startsWith("not an amount");
        assertThat(reason(ColumnType.MONEY, "lots")).startsWith("not an amount: 'lots'");
        assertThat(reason(ColumnType.MONEY, "5000000000000")).isEqualTo(
                "amount '5000000000000' is more than 1,000,000,000,000");
    }

    @Test
    void isoDateTimesGiveTheirDateInTheImportZone() {
        assertThat(parse(ColumnType.DATE, "2026-11-20T10:15:00Z")).isEqualTo("2026-11-20");
        assertThat(parse(ColumnType.DATE, "2026-11-20T10:15:00.000+01:00")).isEqualTo("2026-11-20");
        assertThat(parse(ColumnType.DATE, "2026-11-20 10:15")).isEqualTo("2026-11-20");
        assertThat(ColumnType.DATE.parse("2026-11-20T23:30:00Z", ZoneId.of("Europe/Berlin"))).isEqualTo("2026-11-21");
        assertThat(ColumnType.DATE.parse("2026-11-20T02:00:00+02:00", ZoneOffset.UTC)).isEqualTo("2026-11-20");
        assertThat(ColumnType.DATE.parse("2026-11-20T01:00:00+02:00", ZoneOffset.UTC)).isEqualTo("2026-11-19");
        // Without an offset the time is local to whoever exported it: the date as written.
        assertThat(ColumnType.DATE.parse("2026-11-20T23:30:00", ZoneId.of("Asia/Tokyo"))).isEqualTo("2026-11-20");
    }

    @Test
    void datesOutsideASaneRangeOrThatDoNotExistAreRefused() {
        assertThat(reason(ColumnType.DATE, "0000-01-01")).isEqualTo("date 0000-01-01 is outside 1990-01-01 to"
                + " 2100-12-31");
        assertThat(reason(ColumnType.DATE, "9999-12-31")).startsWith("date 9999-12-31 is outside");
        assertThat(reason(ColumnType.DATE, "2026-11-20T25:00:00Z")).isEqualTo(
                "not a date: '2026-11-20T25:00:00Z' (expected YYYY-MM-DD)");
        assertThat(reason(ColumnType.DATE, "20/11/2026")).isEqualTo("not a date: '20/11/2026' (expected YYYY-MM-DD)");
    }

    @Test
    void severityTakesTheSupportDesksWordsBesideOneToFour() {
        assertThat(parse(ColumnType.SEVERITY, "Urgent")).isEqualTo(1);
        assertThat(parse(ColumnType.SEVERITY, "high")).isEqualTo(2);
        assertThat(parse(ColumnType.SEVERITY, "NORMAL")).isEqualTo(3);
        assertThat(parse(ColumnType.SEVERITY, "low")).isEqualTo(4);
        assertThat(parse(ColumnType.SEVERITY, "2")).isEqualTo(2);
        assertThat(reason(ColumnType.SEVERITY, "0")).startsWith("severity must be 1 (urgent), 2 (high), 3 (normal)");
    }

    @Test
    void anEmailNeedsOneAtAndADomain() {
        assertThat(parse(ColumnType.EMAIL, "dana.cho@csbot.example")).isEqualTo("dana.cho@csbot.example");
        assertThat(reason(ColumnType.EMAIL, "dana.cho")).isEqualTo(
                "not an email address: 'dana.cho' (expected name@company.com)");
        assertThat(reason(ColumnType.EMAIL, "Dana Cho <dana@csbot.example>")).startsWith("not an email address");
        assertThat(reason(ColumnType.EMAIL, "dana@@csbot.example")).startsWith("not an email address");
        assertThat(reason(ColumnType.EMAIL, "dana@localhost")).startsWith("not an email address");
    }

    @Test
    void aLongValueIsQuotedBackOnlyByItsStart() {
        String reason = reason(ColumnType.DATE, "x".repeat(90));

        assertThat(reason).isEqualTo("not a date: '" + "x".repeat(40) + "...' (expected YYYY-MM-DD)");
    }

    @Test
    void anIdWithALineBreakOrTabInsideIsRefused() {
        assertThat(reason(ColumnType.ID, "ac\tme")).isEqualTo(
                "an id may not contain line breaks, tabs or other control characters");
        assertThatThrownBy(() -> parse(ColumnType.ID, "ac\nme")).isInstanceOf(ColumnType.Invalid.class);
    }
}
