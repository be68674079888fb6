package dev.csbot.ingest;

import dev.csbot.chat.AuditTrail;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Service;

/**
 * Rows posted to the REST API, with the same field names as the CSV columns, checked by the same
 * {@link RowValidator} and written by the same {@link BatchUpsert}: all of a request or none of it.
 */
@Service
public class RestIngest {

    private final Jdbi jdbi;
    private final AuditTrail audit;

    public RestIngest(Jdbi jdbi, AuditTrail audit) {
        this.jdbi = jdbi;
        this.audit = audit;
    }

    /** A problem with one posted row; {@code index} counts from 0 in the posted array. */
    public record RowError(int index, String field, String reason) {}

    /** Written rows, or the errors that stopped every row from being written. */
    public record Outcome(long rows, List<RowError> errors) {
        public boolean accepted() {
            return errors.isEmpty();
        }
    }

    public Outcome ingest(Dataset dataset, List<Map<String, String>> rows, String actor) {
        List<Column> columns = dataset.columns();
        boolean[] present = new boolean[columns.size()];
        for (Map<String, String> row : rows) {
            for (int i = 0; i < columns.size(); i++) {
                present[i] |= row.containsKey(columns.get(i).name());
            }
        }
        return jdbi.inTransaction(h -> {
            Set<String> accounts = new HashSet<>(h.createQuery("SELECT account_id FROM accounts")
                    .mapTo(String.class).list());
            RowValidator validator = new RowValidator(dataset, accounts::contains);
            List<RowError> errors = new ArrayList<>();
            List<Object[]> valid = new ArrayList<>(rows.size());
            for (int index = 0; index < rows.size(); index++) {
                Map<String, String> row = rows.get(index);
                String[] texts = new String[columns.size()];
                for (int i = 0; i < texts.length; i++) {
                    texts[i] = row.get(columns.get(i).name());
                }
                Object[] values = new Object[texts.length];
                for (FieldError error : validator.validate(texts, values)) {
                    errors.add(new RowError(index, error.field(), error.reason()));
                }
                valid.add(values);
            }
            if (!errors.isEmpty()) {
                return new Outcome(0, errors);
            }
            long written;
            try (BatchUpsert upsert = new BatchUpsert(h, dataset, present)) {
                for (Object[] values : valid) {
                    upsert.add(values);
                }
                written = upsert.finish();
            } catch (SQLException e) {
                throw new IllegalStateException("the store refused " + dataset.fileName() + " rows: " + e.getMessage(),
                        e);
            }
            audit.record(actor, "import", null, "POST /api/v1/" + dataset.resource() + ": " + written + " rows");
            return new Outcome(written, List.of());
        });
    }
}
