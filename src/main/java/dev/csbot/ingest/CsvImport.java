package dev.csbot.ingest;

import dev.csbot.chat.AuditTrail;
import dev.csbot.store.PortfolioListeners;
import dev.csbot.store.StoreBusy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * {@code csbot import DIR}: the CSV files of DESIGN.md, in dependency order. Each file is validated while it
 * streams into its own transaction; one bad row rejects the file (rolled back, bad rows reported as
 * {@code file:line: column: reason}) and the other files still import. A dry run validates the same way and
 * writes nothing.
 */
@Service
public class CsvImport {

    private static final Pattern CSV_LINE = Pattern.compile("\\((?:start)?line (\\d+)\\)");

    /** Bad rows reported per file; the rest are counted. A wrong export has thousands, and the first show why. */
    static final int REPORTED_PER_FILE = 100;

    private final Jdbi jdbi;
    private final AuditTrail audit;
    private final ZoneId zone;

    @Autowired
    public CsvImport(Jdbi jdbi, AuditTrail audit, @Value("${csbot.import.zone:UTC}") String zone) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.zone = ImportZone.parse(zone);
    }

    CsvImport(Jdbi jdbi, AuditTrail audit) {
        this(jdbi, audit, "UTC");
    }

    /** The files of a directory: the import files by their exact names, and those that only look like one. */
    record Listing(List<Dataset> present, List<ImportReport.Misnamed> misnamed) {}

    static Listing listing(Path directory) {
        Set<String> names = new HashSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry)) {
                    names.add(entry.getFileName().toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Dataset> present = new ArrayList<>();
        for (Dataset dataset : Dataset.values()) {
            if (names.contains(dataset.fileName())) {
                present.add(dataset);
            }
        }
        Map<String, String> misnamed = new TreeMap<>();
        for (String name : names) {
            ImportFileNames.probablyMeant(name).ifPresent(d -> misnamed.put(name, d.fileName()));
        }
        return new Listing(present, misnamed.entrySet().stream()
                .map(e -> new ImportReport.Misnamed(e.getKey(), e.getValue())).toList());
    }

    public ImportReport importDirectory(Path directory, String actor, Consumer<String> problems) {
        return importDirectory(directory, ImportOptions.of(actor), problems);
    }

    /**
     * Imports (or, in a dry run, validates) every known file in {@code directory}. Problems go to
     * {@code problems} as they are found, one line each; the report says what each file came to.
     */
    public ImportReport importDirectory(Path directory, ImportOptions options, Consumer<String> problems) {
        Listing listing = listing(directory);
        Set<String> accounts = new HashSet<>(jdbi.withHandle(h -> h.createQuery("SELECT account_id FROM accounts")
                .mapTo(String.class).list()));
        List<ImportReport.FileOutcome> outcomes = new ArrayList<>();
        // One transaction per file, one portfolio change for the directory: listeners see the import whole.
        PortfolioListeners.Batch written = jdbi.getConfig(PortfolioListeners.class).batch();
        try {
            for (Dataset dataset : listing.present()) {
                outcomes.add(importFile(dataset, directory.resolve(dataset.fileName()), accounts, options, problems,
                        written));
            }
        } finally {
            written.tell();
        }
        ImportReport report = new ImportReport(outcomes, listing.misnamed(), options.dryRun());
        if (!options.dryRun() && !outcomes.isEmpty()) {
            audit.record(options.actor(), "import", null, directory.toAbsolutePath() + ": " + report.files().stream()
                    .map(f -> f.fileName() + (f.rejected() ? " rejected (" + f.badRows() + " bad rows)" : " "
                            + f.rows() + " rows"))
                    .collect(Collectors.joining(", ")));
        }
        return report;
    }

    private ImportReport.FileOutcome importFile(Dataset dataset, Path file, Set<String> accounts,
            ImportOptions options, Consumer<String> problems, PortfolioListeners.Batch written) {
        long started = System.nanoTime();
        FileRun run = new FileRun(dataset, accounts, zone, options.progress(), problems);
        try {
            long rows = options.dryRun() ? run.read(file, null) : jdbi.inTransaction(h -> {
                written.join(h);
                long upserted = run.read(file, h);
                if (run.bad > 0) {
                    throw new Rejected();
                }
                return upserted;
            });
            if (run.bad > 0) {
                throw new Rejected();
            }
            accounts.addAll(run.newAccounts);
            return new ImportReport.FileOutcome(dataset.fileName(), false, rows, 0, millisSince(started));
        } catch (Rejected e) {
            run.reportOmitted();
            return run.rejected(started);
        } catch (Exception e) {
            return run.failed(e, started);
        }
    }

    /** One file's pass: its problems, new accounts and counts. */
    private static final class FileRun {
        private final Dataset dataset;
        private final String name;
        private final Set<String> accounts;
        private final Set<String> newAccounts;
        private final ZoneId zone;
        private final ImportOptions.Progress progress;
        private final Consumer<String> problems;
        private long bad;
        private long lastBadLine = -1;
        private long lastLine = 1;

        FileRun(Dataset dataset, Set<String> accounts, ZoneId zone, ImportOptions.Progress progress,
                Consumer<String> problems) {
            this.dataset = dataset;
            this.name = dataset.fileName();
            this.accounts = accounts;
            this.newAccounts = dataset == Dataset.ACCOUNTS ? new HashSet<>() : Set.of();
            this.zone = zone;
            this.progress = progress;
            this.problems = problems;
        }

        /**
         * Validates every row and upserts the good ones on {@code handle} (none when null: a dry run). After the
         * first bad row nothing more is written, only checked; returns the rows written (or valid).
         */
        long read(Path file, Handle handle) throws IOException, SQLException {
            try (CsvFile csv = CsvFile.open(file, dataset)) {
                List<Column> columns = dataset.columns();
                int[] index = csv.indexesOf(columns);
                boolean[] present = new boolean[columns.size()];
                List<String> missing = new ArrayList<>();
                for (int i = 0; i < columns.size(); i++) {
                    present[i] = index[i] >= 0;
                    if (!present[i] && columns.get(i).required()) {
                        missing.add(columns.get(i).name());
                    }
                }
                if (!missing.isEmpty()) {
                    problem(1, "missing required column" + (missing.size() == 1 ? " " : "s ")
                            + String.join(", ", missing) + (csv.separatorHint() == null ? ""
                            : " (" + csv.separatorHint() + ")"));
                    return 0;
                }
                RowValidator validator = new RowValidator(dataset, zone,
                        id -> accounts.contains(id) || newAccounts.contains(id));
                DuplicateKeys keys = DuplicateKeys.of(dataset);
                String[] texts = new String[columns.size()];
                Object[] values = new Object[columns.size()];
                long rows = 0;
                long valid = 0;
                progress.rows(name, 0);
                try (BatchUpsert upsert = handle == null ? null : new BatchUpsert(handle, dataset, present)) {
                    for (CSVRecord record : csv.parser()) {
                        csv.rowEnded();
                        long line = csv.parser().getCurrentLineNumber() - newlinesIn(record);
                        lastLine = csv.parser().getCurrentLineNumber();
                        if (isBlank(record)) {
                            continue; // spreadsheets leave rows of empty cells at the end
                        }
                        if (++rows > CsvFile.MAX_ROWS) {
                            problem(line, String.format(Locale.US, "more than %,d rows in one file; split it into"
                                    + " several imports", CsvFile.MAX_ROWS));
                            break;
                        }
                        for (int i = 0; i < texts.length; i++) {
                            int at = index[i];
                            texts[i] = at >= 0 && at < record.size() ? record.get(at) : null;
                        }
                        List<FieldError> errors = validator.validate(texts, values);
                        if (!errors.isEmpty()) {
                            for (FieldError error : errors) {
                                problem(line, error.field() + ": " + error.reason());
                            }
                        } else {
                            long earlier = keys.earlier(values, line);
                            if (earlier != DuplicateKeys.NEW) {
                                problem(line, keys.field() + ": " + keys.describe(values) + " again: already on "
                                        + (earlier == DuplicateKeys.UNKNOWN_POSITION ? "an earlier line"
                                        : "line " + earlier) + " (each key once per file)");
                            } else if (bad == 0) {
                                valid++;
                                if (upsert != null) {
                                    upsert.add(values);
                                }
                                if (dataset == Dataset.ACCOUNTS) {
                                    newAccounts.add((String) values[0]);
                                }
                            }
                        }
                        if (rows % ImportOptions.Progress.EVERY == 0) {
                            progress.rows(name, rows);
                        }
                    }
                    progress.fileDone(name, rows);
                    return upsert == null ? valid : upsert.finish();
                }
            }
        }

        /** Reports one problem; a bad row counts once however many of its fields are wrong. */
        private void problem(long line, String reason) {
            if (line != lastBadLine) {
                bad++;
                lastBadLine = line;
            }
            if (bad <= REPORTED_PER_FILE) {
                problems.accept(name + ":" + line + ": " + reason);
            }
        }

        void reportOmitted() {
            if (bad > REPORTED_PER_FILE) {
                problems.accept(String.format(Locale.US, "%s: and %,d more bad rows not shown", name,
                        bad - REPORTED_PER_FILE));
            }
        }

        ImportReport.FileOutcome rejected(long started) {
            return new ImportReport.FileOutcome(name, true, 0, bad, millisSince(started));
        }

        /** Why the file could not be read or written, in the user's words; what we did not foresee is thrown. */
        ImportReport.FileOutcome failed(Exception e, long started) {
            Throwable cause = e instanceof UncheckedIOException ? e.getCause() : e;
            if (cause instanceof StrictUtf8Reader.Unreadable unreadable) {
                return unreadable(unreadable, started);
            }
            if (StoreBusy.causedBy(e)) {
                return failed("the store stayed busy with another write (another import, or the service); nothing"
                        + " of this file was written: run the import again", started);
            }
            if (e instanceof UncheckedIOException) {
                return malformed(cause.getMessage(), started); // commons-csv's broken quoting
            }
            if (e instanceof IOException) {
                return failed("cannot be read: " + e.getMessage(), started);
            }
            if (e instanceof IllegalStateException || e instanceof IllegalArgumentException) {
                return failed("not a readable CSV file: " + e.getMessage(), started); // commons-csv's header checks
            }
            if (e instanceof SQLException || e.getCause() instanceof SQLException) {
                return failed("the store refused the rows: " + e.getMessage(), started);
            }
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }

        ImportReport.FileOutcome unreadable(StrictUtf8Reader.Unreadable e, long started) {
            long line = e.line == StrictUtf8Reader.Unreadable.CURRENT_ROW ? lastLine + 1 : e.line;
            problems.accept(name + ":" + line + ": " + e.reason + "; nothing of this file was imported");
            return new ImportReport.FileOutcome(name, true, 0, Math.max(1, bad), millisSince(started));
        }

        /** commons-csv's words for broken quoting, with its line, as {@code file:line: reason}. */
        ImportReport.FileOutcome malformed(String message, long started) {
            Matcher at = CSV_LINE.matcher(message == null ? "" : message);
            if (!at.find()) {
                return failed("cannot be read: " + message, started);
            }
            String reason = message.contains("EOF reached before encapsulated token finished")
                    ? "a quoted value is never closed (a quote left open?)"
                    : message.contains("invalid char between encapsulated token and delimiter")
                    ? "a quote inside a quoted value is not doubled (write \"\" for a quote inside quotes)"
                    : message.substring(at.end()).strip();
            problems.accept(name + ":" + at.group(1) + ": " + reason + "; nothing of this file was imported");
            return new ImportReport.FileOutcome(name, true, 0, Math.max(1, bad), millisSince(started));
        }

        ImportReport.FileOutcome failed(String reason, long started) {
            problems.accept(name + ": " + reason);
            return new ImportReport.FileOutcome(name, true, 0, Math.max(1, bad), millisSince(started));
        }
    }

    private static boolean isBlank(CSVRecord record) {
        for (String value : record) {
            if (!value.isBlank()) {
                return false;
            }
        }
        return true;
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
