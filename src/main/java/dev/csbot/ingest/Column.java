package dev.csbot.ingest;

/** One column of an import file: its CSV header (also the JSON field and the table column), type, and need. */
record Column(String name, ColumnType type, boolean required) {

    static Column required(String name, ColumnType type) {
        return new Column(name, type, true);
    }

    static Column optional(String name, ColumnType type) {
        return new Column(name, type, false);
    }
}
