package dev.csbot.ingest;

import dev.csbot.account.FeedbackKind;
import dev.csbot.account.LifecycleStage;
import dev.csbot.account.MeetingKind;
import dev.csbot.account.ObjectiveStatus;
import dev.csbot.account.Segment;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How a column's text becomes a stored value (the schema's portable types: ISO date text, 0/1 booleans,
 * lower-case labels), and the reason in the user's words when it cannot.
 */
enum ColumnType {
    TEXT,
    DATE,
    COUNT,
    AMOUNT,
    SCORE,
    BOOLEAN,
    SEVERITY,
    SEGMENT,
    LIFECYCLE_STAGE,
    FEEDBACK_KIND,
    MEETING_KIND,
    OBJECTIVE_STATUS;

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** The stored value of {@code text} (not blank). Throws {@link Invalid} with the reason. */
    Object parse(String text) {
        String value = this == TEXT ? text : text.trim();
        switch (this) {
            case TEXT:
                return value;
            case DATE:
                if (ISO_DATE.matcher(value).matches()) {
                    try {
                        return LocalDate.parse(value).toString();
                    } catch (DateTimeParseException e) {
                        // falls through to the message below
                    }
                }
                throw new Invalid("not a date: '" + value + "' (expected YYYY-MM-DD)");
            case COUNT:
                return (int) wholeNumber(value, Integer.MAX_VALUE);
            case AMOUNT:
                return wholeNumber(value, Long.MAX_VALUE);
            case SCORE:
                try {
                    return Integer.parseInt(value);
                } catch (NumberFormatException e) {
                    throw new Invalid("not a whole number: '" + value + "'");
                }
            case BOOLEAN:
                if (value.equalsIgnoreCase("true")) {
                    return 1;
                }
                if (value.equalsIgnoreCase("false")) {
                    return 0;
                }
                throw new Invalid("not true or false: '" + value + "'");
            case SEVERITY:
                try {
                    int severity = Integer.parseInt(value);
                    if (severity >= 1 && severity <= 4) {
                        return severity;
                    }
                } catch (NumberFormatException e) {
                    // falls through to the message below
                }
                throw new Invalid("severity must be 1 (urgent), 2, 3 or 4 (low): '" + value + "'");
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

    private static long wholeNumber(String value, long max) {
        try {
            long number = Long.parseLong(value);
            if (number >= 0 && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new Invalid("not a whole number >= 0: '" + value + "'");
    }

    private static <E> String label(String value, String what, Optional<E> parsed, E[] all, Function<E, String> label) {
        return parsed.map(label).orElseThrow(() -> new Invalid("unknown " + what + " '" + value + "' (expected "
                + Arrays.stream(all).map(label).collect(Collectors.joining(", ")) + ")"));
    }

    /** A value that does not fit its column; the message is the reason shown to the user. */
    static final class Invalid extends RuntimeException {
        Invalid(String reason) {
            super(reason, null, false, false);
        }
    }
}
