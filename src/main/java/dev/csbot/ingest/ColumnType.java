package dev.csbot.ingest;

import dev.csbot.account.FeedbackKind;
import dev.csbot.account.LifecycleStage;
import dev.csbot.account.MeetingKind;
import dev.csbot.account.ObjectiveStatus;
import dev.csbot.account.Segment;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How a column's text becomes a stored value (the schema's portable types: ISO date text, 0/1 booleans,
 * lower-case labels, whole currency units), and the reason in the user's words when it cannot. What CRM,
 * support-desk and spreadsheet exports write is accepted where it is unambiguous (see the README).
 */
enum ColumnType {
    TEXT,
    /** A key: trimmed, no control characters. */
    ID,
    EMAIL,
    DATE,
    COUNT,
    /** A whole number that may be large (events). */
    AMOUNT,
    /** Money (ARR): decimals, a currency symbol or code and thousands separators allowed, rounded to whole units. */
    MONEY,
    SCORE,
    BOOLEAN,
    SEVERITY,
    SEGMENT,
    LIFECYCLE_STAGE,
    FEEDBACK_KIND,
    MEETING_KIND,
    OBJECTIVE_STATUS;

    /** The dates csbot takes: anything earlier or later is a typo (year 0000) or a placeholder (9999-12-31). */
    static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    /** ARR above this (a trillion) is a slip of the keyboard, and stays far from the limits of BIGINT. */
    static final long MONEY_MAX = 1_000_000_000_000L;

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATE_TIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,9})?)?)"
            + "\\s*(Z|[+-]\\d{2}(?::?\\d{2})?)?");
    private static final Pattern EMAIL_ADDRESS = Pattern.compile("[^\\s@<>()\\[\\],;:\"]+@[^\\s@<>()\\[\\],;:\"]+\\.[^\\s@<>()\\[\\],;:\".]+");
    private static final Pattern CURRENCY_BEFORE = Pattern.compile("^(?:[A-Za-z]{3}\\s*|[A-Za-z]{0,2}[$€£¥]\\s*)");
    private static final Pattern CURRENCY_AFTER = Pattern.compile("(?:\\s*[A-Za-z]{3}|\\s*[$€£¥])$");
    private static final Pattern COMMA_GROUPS = Pattern.compile("\\d{1,3}(,\\d{3})+");
    private static final Pattern DOT_GROUPS = Pattern.compile("\\d{1,3}(\\.\\d{3}){2,}");
    private static final Pattern DECIMAL = Pattern.compile("\\d+(\\.\\d+)?");
    private static final String[] SEVERITY_WORDS = {"urgent", "high", "normal", "low"};

    /**
     * The stored value of {@code value} (trimmed, not blank). Date-times with an offset are taken as dates in
     * {@code zone}. Throws {@link Invalid} with the reason.
     */
    Object parse(String value, ZoneId zone) {
        switch (this) {
            case TEXT:
                return value;
            case ID:
                if (hasControlCharacter(value)) {
                    throw new Invalid("an id may not contain line breaks, tabs or other control characters");
                }
                return value;
            case EMAIL:
                if (!EMAIL_ADDRESS.matcher(value).matches()) {
                    throw new Invalid("not an email address: " + quoted(value) + " (expected name@company.com)");
                }
                return value;
            case DATE:
                return date(value, zone).toString();
            case COUNT:
                return (int) wholeNumber(value, Integer.MAX_VALUE);
            case AMOUNT:
                return wholeNumber(value, Long.MAX_VALUE);
            case MONEY:
                return money(value);
            case SCORE:
                try {
                    return Integer.parseInt(value);
                } catch (NumberFormatException e) {
                    throw new Invalid("not a whole number: " + quoted(value));
                }
            case BOOLEAN:
                if (value.equalsIgnoreCase("true")) {
                    return 1;
                }
                if (value.equalsIgnoreCase("false")) {
                    return 0;
                }
                throw new Invalid("not true or false: " + quoted(value));
            case SEVERITY:
                return severity(value);
            case SEGMENT:
                return label(value, "segment", Segment.fromLabel(value), Segment.values(), Segment::label);
            case LIFECYCLE_STAGE:
                return label(value, "lifecycle stage", LifecycleStage.fromLabel(value), LifecycleStage.values(),
                        LifecycleStage::label);
            case FEEDBACK_KIND:
                return label(value, "kind", FeedbackKind.fromLabel(value), FeedbackKind.values(), FeedbackKind::label);
            case MEETING_KIND:
                return label(value, "meeting kind", MeetingKind.fromLabel(value), MeetingKind.values(),
                        MeetingKind::label);
            case OBJECTIVE_STATUS:
                return label(value, "status", ObjectiveStatus.fromLabel(value), ObjectiveStatus.values(),
                        ObjectiveStatus::label);
            default:
                throw new IllegalStateException("no parser for " + this);
        }
    }

    /** The CSV text of a stored value: the inverse of {@link #parse}. */
    String format(Object stored) {
        if (stored == null) {
            return "";
        }
        if (this == BOOLEAN) {
            return ((Number) stored).intValue() != 0 ? "true" : "false";
        }
        return stored.toString();
    }

    /**
     * {@code YYYY-MM-DD}, or an ISO date-time as CRMs export them: with an offset ({@code Z}, {@code +01:00}) it
     * is the date at that instant in {@code zone}; without one, the date as written.
     */
    private static LocalDate date(String value, ZoneId zone) {
        LocalDate date = null;
        try {
            if (ISO_DATE.matcher(value).matches()) {
                date = LocalDate.parse(value);
            } else {
                Matcher dateTime = DATE_TIME.matcher(value);
                if (dateTime.matches()) {
                    LocalDateTime local = LocalDateTime.parse(dateTime.group(1) + "T"
                            + dateTime.group(2).replace(',', '.'));
                    date = dateTime.group(3) == null ? local.toLocalDate()
                            : OffsetDateTime.of(local, ZoneOffset.of(dateTime.group(3))).atZoneSameInstant(zone)
                                    .toLocalDate();
                }
            }
        } catch (DateTimeException e) {
            date = null; // a day or time that does not exist (2027-02-30, 25:00): the message below
        }
        if (date == null) {
            throw new Invalid("not a date: " + quoted(value) + " (expected YYYY-MM-DD)");
        }
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            throw new Invalid("date " + date + " is outside " + EARLIEST + " to " + LATEST);
        }
        return date;
    }

    private static long wholeNumber(String value, long max) {
        try {
            long number = Long.parseLong(value);
            if (number >= 0 && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new Invalid("not a whole number >= 0: " + quoted(value));
    }

    /**
     * {@code 420000}, {@code 96000.50}, {@code $420,000}, {@code 420.000,50 EUR}, {@code CHF 1'250}: the last of
     * {@code .} and {@code ,} is the decimal mark when both appear; a lone comma followed by groups of exactly
     * three digits separates thousands, otherwise it is the decimal mark. Rounded half up to whole units.
     */
    private static long money(String value) {
        String number = CURRENCY_AFTER.matcher(CURRENCY_BEFORE.matcher(value).replaceFirst("")).replaceFirst("")
                .replaceAll("[\\s\u00A0\u202F'’]", "");
        if (number.startsWith("-")) {
            throw new Invalid("ARR cannot be negative: " + quoted(value));
        }
        int lastComma = number.lastIndexOf(',');
        int lastDot = number.lastIndexOf('.');
        String plain;
        if (lastComma >= 0 && lastDot >= 0) {
            boolean commaIsDecimal = lastComma > lastDot;
            char group = commaIsDecimal ? '.' : ',';
            int decimalAt = Math.max(lastComma, lastDot);
            String whole = number.substring(0, decimalAt);
            plain = whole.indexOf(commaIsDecimal ? ',' : '.') >= 0 ? null
                    : whole.replace(String.valueOf(group), "") + "." + number.substring(decimalAt + 1);
        } else if (lastComma >= 0) {
            plain = COMMA_GROUPS.matcher(number).matches() ? number.replace(",", "")
                    : number.indexOf(',') == lastComma ? number.replace(',', '.') : null;
        } else if (lastDot >= 0 && DOT_GROUPS.matcher(number).matches()) {
            plain = number.replace(".", "");
        } else {
            plain = number;
        }
        if (plain == null || !DECIMAL.matcher(plain).matches()) {
            throw new Invalid("not an amount: " + quoted(value) + " (expected a number such as 420000, 96000.50"
                    + " or $420,000)");
        }
        BigDecimal amount = new BigDecimal(plain).setScale(0, RoundingMode.HALF_UP);
        if (amount.compareTo(BigDecimal.valueOf(MONEY_MAX)) > 0) {
            throw new Invalid("amount " + quoted(value) + " is more than " + String.format(Locale.US, "%,d", MONEY_MAX));
        }
        return amount.longValueExact();
    }

    /** 1 (urgent) to 4 (low), or the words support desks export (Zendesk's priorities). */
    private static int severity(String value) {
        for (int i = 0; i < SEVERITY_WORDS.length; i++) {
            if (SEVERITY_WORDS[i].equalsIgnoreCase(value)) {
                return i + 1;
            }
        }
        if (value.length() == 1 && value.charAt(0) >= '1' && value.charAt(0) <= '4') {
            return value.charAt(0) - '0';
        }
        throw new Invalid("severity must be 1 (urgent), 2 (high), 3 (normal) or 4 (low), as a number or a word: "
                + quoted(value));
    }

    private static <E> String label(String value, String what, Optional<E> parsed, E[] all, Function<E, String> label) {
        return parsed.map(label).orElseThrow(() -> new Invalid("unknown " + what + " " + quoted(value) + " (expected "
                + Arrays.stream(all).map(label).collect(Collectors.joining(", ")) + ")"));
    }

    static boolean hasControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** A value as quoted back in a message: whole when short, its start when long (the message stays a line). */
    static String quoted(String value) {
        String shown = value.length() <= 40 ? value : value.substring(0, 40) + "...";
        return "'" + shown.replaceAll("[\\r\\n\\t]", " ") + "'";
    }

    /** A value that does not fit its column; the message is the reason shown to the user. */
    static final class Invalid extends RuntimeException {
        Invalid(String reason) {
            super(reason, null, false, false);
        }
    }
}
