package dev.csbot.ingest;

import dev.csbot.account.FeedbackKind;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The one validation of incoming rows, for CSV files and the REST API alike: lengths, required fields, dates,
 * numbers, labels, scales, the order of dates and that the account exists. A row is given as its raw texts in
 * the dataset's column order (null or blank when absent); every value is trimmed before it is checked.
 */
final class RowValidator {

    private final Dataset dataset;
    private final ZoneId zone;
    private final Predicate<String> knownAccount;
    private final int accountColumn;
    private final int kindColumn;
    private final int scoreColumn;
    private final int startColumn;
    private final int endColumn;

    RowValidator(Dataset dataset, ZoneId zone, Predicate<String> knownAccount) {
        this.dataset = dataset;
        this.zone = zone;
        this.knownAccount = knownAccount;
        this.accountColumn = dataset.refersToAccounts() ? dataset.indexOf("account_id") : -1;
        this.kindColumn = dataset == Dataset.FEEDBACK ? dataset.indexOf("kind") : -1;
        this.scoreColumn = dataset == Dataset.FEEDBACK ? dataset.indexOf("score") : -1;
        this.startColumn = dataset == Dataset.TICKETS ? dataset.indexOf("opened_on")
                : dataset == Dataset.ACCOUNTS ? dataset.indexOf("contract_start") : -1;
        this.endColumn = dataset == Dataset.TICKETS ? dataset.indexOf("closed_on")
                : dataset == Dataset.ACCOUNTS ? dataset.indexOf("renewal_date") : -1;
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
            String text = texts[i] == null ? null : texts[i].strip();
            values[i] = null;
            if (text == null || text.isEmpty()) {
                if (column.whenBlank() != null) {
                    values[i] = column.whenBlank();
                } else if (column.required()) {
                    errors = add(errors, column.name(), "required, but empty");
                }
                continue;
            }
            // Checked before parsing, so a huge value costs no more than its length.
            if (text.length() > column.maxLength() && text.codePointCount(0, text.length()) > column.maxLength()) {
                errors = add(errors, column.name(), String.format(Locale.US, "too long: %,d characters (at most %,d)",
                        text.codePointCount(0, text.length()), column.maxLength()));
                continue;
            }
            if (text.indexOf('\0') >= 0) {
                errors = add(errors, column.name(), "contains a NUL character (is the file really text?)");
                continue;
            }
            try {
                values[i] = column.type().parse(text, zone);
            } catch (ColumnType.Invalid e) {
                errors = add(errors, column.name(), e.getMessage());
            }
        }
        if (accountColumn >= 0 && values[accountColumn] != null && !knownAccount.test((String) values[accountColumn])) {
            errors = add(errors, "account_id", "unknown account " + ColumnType.quoted((String) values[accountColumn])
                    + " (not in the store and not in this import's accounts)");
        }
        if (kindColumn >= 0 && values[kindColumn] != null && values[scoreColumn] != null) {
            FeedbackKind kind = FeedbackKind.fromLabel((String) values[kindColumn]).orElseThrow();
            int score = (Integer) values[scoreColumn];
            if (!kind.accepts(score)) {
                errors = add(errors, "score", "score " + score + " is outside the " + kind.label().toUpperCase(
                        Locale.ROOT) + " scale " + kind.min() + "-" + kind.max());
            }
        }
        if (endColumn >= 0 && values[startColumn] != null && values[endColumn] != null
                && ((String) values[endColumn]).compareTo((String) values[startColumn]) < 0) {
            errors = add(errors, columns.get(endColumn).name(), dataset == Dataset.TICKETS
                    ? "closed on " + values[endColumn] + ", before it was opened on " + values[startColumn]
                    : "renews on " + values[endColumn] + ", before its contract starts on " + values[startColumn]);
        }
        return errors == null ? List.of() : errors;
    }

    private static List<FieldError> add(List<FieldError> errors, String field, String reason) {
        List<FieldError> list = errors == null ? new ArrayList<>(2) : errors;
        list.add(new FieldError(field, reason));
        return list;
    }
}
