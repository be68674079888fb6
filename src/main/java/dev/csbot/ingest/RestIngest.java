package dev.csbot.ingest;

import dev.csbot.chat.AuditTrail;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Rows posted to the REST API, with the same field names as the CSV columns, checked by the same
 * {@link RowValidator} and written by the same {@link BatchUpsert}: all of a request or none of it. Rows are
 * checked before the write transaction starts, so a bad request never waits for another writer.
 */
@Service
public class RestIngest {

    /** Rows in one request; more go in several requests (each all or nothing). */
    public static final int MAX_ROWS = 10_000;

    private final Jdbi jdbi;
    private final AuditTrail audit;
    private final ZoneId zone;

    @Autowired
    public RestIngest(Jdbi jdbi, AuditTrail audit, @Value("${csbot.import.zone:UTC}") String zone) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.zone = ImportZone.parse(zone);
    }

    /** A problem with one posted row ({@code index} counts from 0 in the posted array), or the request (null). */
    public record RowError(Integer index, String field, String reason) {}

    /** Written rows, or the errors that stopped every row from being written. */
    public record Outcome(long rows, List<RowError> errors) {
        public boolean accepted() {
            return errors.isEmpty();
        }
    }

    /**
     * Validates and writes {@code rows}. A store kept busy by another writer past the busy timeout throws
     * (see {@link dev.csbot.store.StoreBusy}); nothing is written then either.
     */
    public Outcome ingest(Dataset dataset, List<Map<String, String>> rows, String actor) {
        if (rows.size() > MAX_ROWS) {
            return new Outcome(0, List.of(new RowError(null, null, String.format(java.util.Locale.US,
                    "%,d rows in one request; send at most %,d per request", rows.size(), MAX_ROWS))));
        }
        List<Column> columns = dataset.columns();
        boolean[] present = new boolean[columns.size()];
        for (Map<String, String> row : rows) {
            for (int i = 0; i < columns.size(); i++) {
                present[i] |= row.containsKey(columns.get(i).name());
            }
        }
        List<String[]> texts = new ArrayList<>(rows.size());
        for (Map<String, String> row : rows) {
            String[] line = new String[columns.size()];
            for (int i = 0; i < line.length; i++) {
                line[i] = row.get(columns.get(i).name());
            }
            texts.add(line);
        }
        // Everything first, outside the write transaction: a bad request never waits for another writer.
        List<Object[]> valid = new ArrayList<>(rows.size());
        List<RowError> errors = validate(dataset, texts, accountsIn(jdbi, dataset)::contains, valid);
        if (!errors.isEmpty()) {
            return new Outcome(0, errors);
        }
        return jdbi.inTransaction(h -> {
            try (BatchUpsert upsert = new BatchUpsert(h, dataset, present)) {
                // The write lock is held from here; an account deleted since the check above is caught now.
                Set<String> accounts = accountsIn(h, dataset);
                int account = dataset.indexOf("account_id");
                List<RowError> gone = new ArrayList<>();
                for (int index = 0; dataset.refersToAccounts() && index < valid.size(); index++) {
                    String id = (String) valid.get(index)[account];
                    if (!accounts.contains(id)) {
                        gone.add(new RowError(index, "account_id", "unknown account " + ColumnType.quoted(id)
                                + " (deleted while this request waited)"));
                    }
                }
                if (!gone.isEmpty()) {
                    h.rollback();
                    return new Outcome(0, gone);
                }
                for (Object[] values : valid) {
                    upsert.add(values);
                }
                long written = upsert.finish();
                audit.record(actor, "import", null, "POST /api/v1/" + dataset.resource() + ": " + written + " rows");
                return new Outcome(written, List.of());
            } catch (SQLException e) {
                throw new IllegalStateException("the store refused " + dataset.fileName() + " rows: " + e.getMessage(),
                        e);
            }
        });
    }

    /** The store's account ids, when rows of {@code dataset} refer to accounts (none needed otherwise). */
    private static Set<String> accountsIn(Jdbi jdbi, Dataset dataset) {
        return dataset.refersToAccounts() ? jdbi.withHandle(h -> accountsIn(h, dataset)) : Set.of();
    }

    private static Set<String> accountsIn(org.jdbi.v3.core.Handle h, Dataset dataset) {
        return dataset.refersToAccounts() ? new HashSet<>(h.createQuery("SELECT account_id FROM accounts")
                .mapTo(String.class).list()) : Set.of();
    }

    private List<RowError> validate(Dataset dataset, List<String[]> texts, java.util.function.Predicate<String> known,
            List<Object[]> valid) {
        RowValidator validator = new RowValidator(dataset, zone, known);
        DuplicateKeys keys = DuplicateKeys.withPositions(dataset);
        List<RowError> errors = new ArrayList<>();
        for (int index = 0; index < texts.size(); index++) {
            Object[] values = new Object[dataset.columns().size()];
            List<FieldError> rowErrors = validator.validate(texts.get(index), values);
            for (FieldError error : rowErrors) {
                errors.add(new RowError(index, error.field(), error.reason()));
            }
            if (rowErrors.isEmpty()) {
                // Positions are kept from 1, so that row 0 is not taken for "position unknown".
                long earlier = keys.earlier(values, index + 1L);
                if (earlier != DuplicateKeys.NEW) {
                    errors.add(new RowError(index, keys.field(), keys.describe(values) + " again: already in row "
                            + (earlier - 1) + " of this request (each key once per request)"));
                }
            }
            valid.add(values);
        }
        return errors;
    }
}
