package dev.csbot.account;

import java.util.Arrays;
import java.util.Optional;

/**
 * The tables a book read may read beside the accounts and their usage, each feeding one part of a score: a reader
 * that knows the rest from an earlier read asks only for the tables written since.
 */
public enum BookTable {
    CONTACTS("contacts"),
    TICKETS("tickets"),
    FEEDBACK("feedback_responses"),
    MEETINGS("meetings");

    private final String tableName;

    BookTable(String tableName) {
        this.tableName = tableName;
    }

    /** The store's name of the table (as the write log names it). */
    public String tableName() {
        return tableName;
    }

    /** The book table of a store table's name; empty for the accounts, usage and tables a book read never reads. */
    public static Optional<BookTable> named(String tableName) {
        return Arrays.stream(values()).filter(table -> table.tableName.equals(tableName)).findFirst();
    }
}
