package dev.csbot.ingest;

import dev.csbot.chat.AuditTrail;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Service;

/**
 * {@code csbot import DIR}: the CSV files of DESIGN.md, in dependency order. Each file is validated while it
 * streams into its own transaction; one bad row rejects the file (rolled back, every bad row reported as
 * {@code file:line: column: reason}) and the other files still import.
 */
@Service
public class CsvImport {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .get();

    private final Jdbi jdbi;
    private final AuditTrail audit;

    public CsvImport(Jdbi jdbi, AuditTrail audit) {
        this.jdbi = jdbi;
        this.audit = audit;
    }

    /** The import files present in {@code directory}, in import order. */
    public static List<Dataset> filesIn(Path directory) {
        List<Dataset> present = new ArrayList<>();
        for (Dataset dataset : Dataset.values()) {
            if (Files.isRegularFile(directory.resolve(dataset.fileName()))) {
                present.add(dataset);
            }
        }
        return present;
    }

    /**
     * Imports every known file in {@code directory}. Problems go to {@code problems} as they are found, one
     * line each; the report says what each file came to.
     */
    public ImportReport importDirectory(Path directory, String actor, Consumer<String> problems) {
        Set<String> accounts = new HashSet<>(jdbi.withHandle(h -> h.createQuery("SELECT account_id FROM accounts")
                .mapTo(String.class).list()));
        List<ImportReport.FileOutcome> outcomes = new ArrayList<>();
        for (Dataset dataset : filesIn(directory)) {
            outcomes.add(importFile(dataset, directory.resolve(dataset.fileName()), accounts, problems));
        }
        ImportReport report = new ImportReport(outcomes);
        audit.record(actor, "import", null, directory.toAbsolutePath() + ": " + report.files().stream()
                .map(f -> f.fileName() + (f.rejected() ? " rejected (" + f.badRows() + " bad rows)" : " " + f.rows()
                        + " rows"))
                .collect(Collectors.joining(", ")));
        return report;
    }

    private ImportReport.FileOutcome importFile(Dataset dataset, Path file, Set<String> accounts,
            Consumer<String> problems) {
        long started = System.nanoTime();
        String name = dataset.fileName();
        Set<String> newAccounts = dataset == Dataset.ACCOUNTS ? new HashSet<>() : Set.of();
        long[] bad = {0};
        try {
            long rows = jdbi.inTransaction(h -> {
                long written = stream(h, dataset, file, accounts, newAccounts, problems, bad);
                if (bad[0] > 0) {
                    throw new Rejected();
                }
                return written;
            });
            accounts.addAll(newAccounts);
            return new ImportReport.FileOutcome(name, false, rows, 0, millisSince(started));
        } catch (Rejected e) {
            return new ImportReport.FileOutcome(name, true, 0, bad[0], millisSince(started));
        } catch (SQLException e) {
            problems.accept(name + ": the store refused the rows: " + e.getMessage());
            return new ImportReport.FileOutcome(name, true, 0, Math.max(1, bad[0]), millisSince(started));
        } catch (UncheckedIOException e) {
            problems.accept(name + ": cannot be read: " + e.getCause().getMessage());
            return new ImportReport.FileOutcome(name, true, 0, Math.max(1, bad[0]), millisSince(started));
        } catch (IllegalStateException | IllegalArgumentException e) {
            // commons-csv reports malformed input (an unterminated quote, a broken header) this way
            problems.accept(name + ": not a readable CSV file: " + e.getMessage());
            return new ImportReport.FileOutcome(name, true, 0, Math.max(1, bad[0]), millisSince(started));
        }
    }

    /** Validates and upserts every record; after the first bad row nothing more is written, only checked. */
    private static long stream(Handle handle, Dataset dataset, Path file, Set<String> accounts,
            Set<String> newAccounts, Consumer<String> problems, long[] bad) throws SQLException {
        String name = dataset.fileName();
        try (Reader reader = withoutBom(Files.newBufferedReader(file, StandardCharsets.UTF_8));
                CSVParser parser = FORMAT.parse(reader)) {
            List<Column> columns = dataset.columns();
            int[] index = columnIndexes(parser, columns);
            List<String> missing = new ArrayList<>();
            boolean[] present = new boolean[columns.size()];
            for (int i = 0; i < columns.size(); i++) {
                present[i] = index[i] >= 0;
                if (!present[i] && columns.get(i).required()) {
                    missing.add(columns.get(i).name());
                }
            }
            if (!missing.isEmpty()) {
                bad[0]++;
                problems.accept(name + ":1: missing required column" + (missing.size() == 1 ? " " : "s ")
                        + String.join(", ", missing));
                return 0;
            }
            RowValidator validator = new RowValidator(dataset,
                    id -> accounts.contains(id) || newAccounts.contains(id));
            String[] texts = new String[columns.size()];
            Object[] values = new Object[columns.size()];
            try (BatchUpsert upsert = new BatchUpsert(handle, dataset, present)) {
                for (CSVRecord record : parser) {
                    for (int i = 0; i < texts.length; i++) {
                        int at = index[i];
                        texts[i] = at >= 0 && at < record.size() ? record.get(at) : null;
                    }
                    List<FieldError> errors = validator.validate(texts, values);
                    if (!errors.isEmpty()) {
                        bad[0]++;
                        long line = parser.getCurrentLineNumber() - newlinesIn(record);
                        for (FieldError error : errors) {
                            problems.accept(name + ":" + line + ": " + error.field() + ": " + error.reason());
                        }
                    } else if (bad[0] == 0) {
                        upsert.add(values);
                        if (dataset == Dataset.ACCOUNTS) {
                            newAccounts.add((String) values[0]);
                        }
                    }
                }
                return upsert.finish();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int[] columnIndexes(CSVParser parser, List<Column> columns) {
        Map<String, Integer> header = new HashMap<>();
        List<String> names = parser.getHeaderNames();
        for (int i = 0; i < names.size(); i++) {
            header.putIfAbsent(names.get(i).trim().toLowerCase(Locale.ROOT), i);
        }
        int[] index = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            index[i] = header.getOrDefault(columns.get(i).name(), -1);
        }
        return index;
    }

    /** The parser stands on a record's last line; quoted values with line breaks started it earlier. */
    private static long newlinesIn(CSVRecord record) {
        long count = 0;
        for (String value : record) {
            for (int i = value.indexOf('\n'); i >= 0; i = value.indexOf('\n', i + 1)) {
                count++;
            }
        }
        return count;
    }

    /** Spreadsheet tools often save UTF-8 with a byte order mark; it is not part of the first column's name. */
    private static Reader withoutBom(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    /** Thrown out of a file's transaction to roll it back when any row was bad. */
    private static final class Rejected extends RuntimeException {
        Rejected() {
            super(null, null, false, false);
        }
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
