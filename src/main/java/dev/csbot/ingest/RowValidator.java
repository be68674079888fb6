package dev.csbot.ingest;

import dev.csbot.account.FeedbackKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The one validation of incoming rows, for CSV files and the REST API alike: required fields, dates,
 * numbers, labels, scales and that the account exists. A row is given as its raw texts in the dataset's
 * column order (null or blank when absent).
 */
final class RowValidator {

    private final Dataset dataset;
    private final Predicate<String> knownAccount;
    private final int accountColumn;
    private final int kindColumn;
    private final int scoreColumn;
    private final int openedColumn;
    private final int closedColumn;

    RowValidator(Dataset dataset, Predicate<String> knownAccount) {
        this.dataset = dataset;
        this.knownAccount = knownAccount;
        this.accountColumn = dataset.refersToAccounts() ? dataset.indexOf("account_id") : -1;
        this.kindColumn = dataset == Dataset.FEEDBACK ? dataset.indexOf("kind") : -1;
        this.scoreColumn = dataset == Dataset.FEEDBACK ? dataset.indexOf("score") : -1;
        this.openedColumn = dataset == Dataset.TICKETS ? dataset.indexOf("opened_on") : -1;
        this.closedColumn = dataset == Dataset.TICKETS ? dataset.indexOf("closed_on") : -1;
    }

    /**
     * Parses {@code texts} into {@code values} (stored form, same order) and returns the problems; an empty
     * list means the row is good.
     */
    List<FieldError> validate(String[] texts, Object[] values) {
        List<FieldError> errors = null;
        List<Column> columns = dataset.columns();
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            String text = texts[i];
            values[i] = null;
            if (text == null || text.isBlank()) {
                if (column.required()) {
                    errors = add(errors, column.name(), "required, but empty");
                }
                continue;
            }
            try {
                values[i] = column.type().parse(text);
            } catch (ColumnType.Invalid e) {
                errors = add(errors, column.name(), e.getMessage());
            }
        }
        if (accountColumn >= 0 && values[accountColumn] != null && !knownAccount.test((String) values[accountColumn])) {
            errors = add(errors, "account_id", "unknown account '" + values[accountColumn]
                    + "' (not in the store and not in this import's accounts)");
        }
        if (kindColumn >= 0 && values[kindColumn] != null && values[scoreColumn] != null) {
            FeedbackKind kind = FeedbackKind.fromLabel((String) values[kindColumn]).orElseThrow();
            int score = (Integer) values[scoreColumn];
            if (!kind.accepts(score)) {
                errors = add(errors, "score", "score " + score + " is outside the " + kind.label().toUpperCase(
                        java.util.Locale.ROOT) + " scale " + kind.min() + "-" + kind.max());
            }
        }
        if (closedColumn >= 0 && values[openedColumn] != null && values[closedColumn] != null
                && ((String) values[closedColumn]).compareTo((String) values[openedColumn]) < 0) {
            errors = add(errors, "closed_on", "closed on " + values[closedColumn] + ", before it was opened on "
                    + values[openedColumn]);
        }
        return errors == null ? List.of() : errors;
    }

    private static List<FieldError> add(List<FieldError> errors, String field, String reason) {
        List<FieldError> list = errors == null ? new ArrayList<>(2) : errors;
        list.add(new FieldError(field, reason));
        return list;
    }
}
