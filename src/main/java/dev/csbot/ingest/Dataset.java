package dev.csbot.ingest;

import static dev.csbot.ingest.Column.blankable;
import static dev.csbot.ingest.Column.optional;
import static dev.csbot.ingest.Column.required;
import static dev.csbot.ingest.Dataset.Lengths.COMMENT;
import static dev.csbot.ingest.Dataset.Lengths.ID;
import static dev.csbot.ingest.Dataset.Lengths.NAME;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The seven files of the CSV import format (DESIGN.md), in dependency order: accounts first. Each names
 * its table, its columns (CSV header = JSON field = table column) and the key it is upserted by.
 */
public enum Dataset {
    ACCOUNTS("accounts.csv", "accounts", "accounts", List.of("account_id"), List.of(
            required("account_id", ColumnType.ID, ID),
            required("name", ColumnType.TEXT, NAME),
            required("segment", ColumnType.SEGMENT),
            required("arr", ColumnType.MONEY),
            required("seats_purchased", ColumnType.COUNT),
            required("contract_start", ColumnType.DATE),
            required("renewal_date", ColumnType.DATE),
            // Pooled and tech-touch accounts have no CSM of their own: blank is stored as "" (unassigned).
            blankable("csm_email", ColumnType.EMAIL, NAME, ""),
            required("lifecycle_stage", ColumnType.LIFECYCLE_STAGE),
            optional("slack_channel", ColumnType.TEXT, 100),
            optional("teams_channel", ColumnType.TEXT, 300))),
    CONTACTS("contacts.csv", "contacts", "contacts", List.of("contact_id"), List.of(
            required("contact_id", ColumnType.ID, ID),
            required("account_id", ColumnType.ID, ID),
            required("name", ColumnType.TEXT, NAME),
            required("email", ColumnType.TEXT, NAME),
            required("title", ColumnType.TEXT, NAME),
            required("is_champion", ColumnType.BOOLEAN),
            required("is_exec_sponsor", ColumnType.BOOLEAN),
            optional("left_on", ColumnType.DATE))),
    USAGE("usage_daily.csv", "usage_daily", "usage", List.of("account_id", "date"), List.of(
            required("account_id", ColumnType.ID, ID),
            required("date", ColumnType.DATE),
            required("active_users", ColumnType.COUNT),
            required("events", ColumnType.AMOUNT),
            required("key_features_used", ColumnType.COUNT))),
    TICKETS("tickets.csv", "tickets", "tickets", List.of("ticket_id"), List.of(
            required("ticket_id", ColumnType.ID, ID),
            required("account_id", ColumnType.ID, ID),
            required("opened_on", ColumnType.DATE),
            optional("closed_on", ColumnType.DATE),
            required("severity", ColumnType.SEVERITY),
            required("subject", ColumnType.TEXT, 500))),
    FEEDBACK("feedback.csv", "feedback_responses", "feedback", List.of("account_id", "contact_email", "date", "kind"),
            List.of(
                    required("account_id", ColumnType.ID, ID),
                    required("contact_email", ColumnType.TEXT, NAME),
                    required("date", ColumnType.DATE),
                    required("kind", ColumnType.FEEDBACK_KIND),
                    required("score", ColumnType.SCORE),
                    optional("comment", ColumnType.TEXT, COMMENT))),
    MEETINGS("meetings.csv", "meetings", "meetings", List.of("account_id", "date", "kind"), List.of(
            required("account_id", ColumnType.ID, ID),
            required("date", ColumnType.DATE),
            required("kind", ColumnType.MEETING_KIND),
            required("exec_attended", ColumnType.BOOLEAN))),
    SUCCESS_PLANS("success_plans.csv", "success_plans", "success-plans", List.of("account_id", "objective"), List.of(
            required("account_id", ColumnType.ID, ID),
            required("objective", ColumnType.TEXT, 300),
            required("metric", ColumnType.TEXT, 300),
            required("target", ColumnType.TEXT, 100),
            required("due_date", ColumnType.DATE),
            required("status", ColumnType.OBJECTIVE_STATUS)));

    /** The lengths V1__portfolio.sql declares (comments are TEXT there; 4,000 characters is ours). */
    static final class Lengths {
        static final int ID = 64;
        static final int NAME = 200;
        static final int COMMENT = 4_000;

        private Lengths() {}
    }

    private final String fileName;
    private final String table;
    private final String resource;
    private final List<String> key;
    private final List<Column> columns;

    Dataset(String fileName, String table, String resource, List<String> key, List<Column> columns) {
        this.fileName = fileName;
        this.table = table;
        this.resource = resource;
        this.key = key;
        this.columns = columns;
    }

    public String fileName() {
        return fileName;
    }

    String table() {
        return table;
    }

    /** The REST resource that takes these rows: {@code POST /api/v1/{resource}}. */
    public String resource() {
        return resource;
    }

    List<String> key() {
        return key;
    }

    List<Column> columns() {
        return columns;
    }

    int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        return -1;
    }

    /** Every file but accounts refers to an account that must exist. */
    boolean refersToAccounts() {
        return this != ACCOUNTS;
    }

    public static Optional<Dataset> forResource(String resource) {
        for (Dataset dataset : values()) {
            if (dataset.resource.equals(resource)) {
                return Optional.of(dataset);
            }
        }
        return Optional.empty();
    }

    /**
     * Portable upsert (SQLite and PostgreSQL). On conflict only the columns the input carried are
     * updated, so a file without an optional column leaves what is stored there alone.
     */
    String upsertSql(boolean[] present) {
        List<String> names = new ArrayList<>();
        List<String> marks = new ArrayList<>();
        List<String> updates = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            String name = columns.get(i).name();
            names.add(name);
            marks.add("?");
            if (present[i] && !key.contains(name)) {
                updates.add(name + " = excluded." + name);
            }
        }
        String insert = "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES ("
                + String.join(", ", marks) + ") ON CONFLICT (" + String.join(", ", key) + ")";
        return updates.isEmpty() ? insert + " DO NOTHING" : insert + " DO UPDATE SET " + String.join(", ", updates);
    }

    boolean[] allPresent() {
        boolean[] present = new boolean[columns.size()];
        java.util.Arrays.fill(present, true);
        return present;
    }
}
