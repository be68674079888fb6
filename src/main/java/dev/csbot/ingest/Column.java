package dev.csbot.ingest;

/**
 * One column of an import file: its CSV header (also the JSON field and the table column), type, need and the
 * longest value it takes (the schema's declared length, so PostgreSQL and SQLite hold the same rows).
 *
 * @param required   the CSV header must name it, and a blank value is an error unless {@code whenBlank} is set
 * @param whenBlank  what a blank value is stored as, when blank means something (an unassigned CSM is "")
 */
record Column(String name, ColumnType type, boolean required, int maxLength, String whenBlank) {

    /** Values that are not free text (dates, numbers, labels) are short; past this they are not worth parsing. */
    static final int VALUE_MAX = 100;

    static Column required(String name, ColumnType type) {
        return new Column(name, type, true, VALUE_MAX, null);
    }

    static Column optional(String name, ColumnType type) {
        return new Column(name, type, false, VALUE_MAX, null);
    }

    /** A text column of at most {@code maxLength} characters. */
    static Column required(String name, ColumnType type, int maxLength) {
        return new Column(name, type, true, maxLength, null);
    }

    static Column optional(String name, ColumnType type, int maxLength) {
        return new Column(name, type, false, maxLength, null);
    }

    /** A column every file must have, whose blank value is stored as {@code whenBlank}. */
    static Column blankable(String name, ColumnType type, int maxLength, String whenBlank) {
        return new Column(name, type, true, maxLength, whenBlank);
    }
}
