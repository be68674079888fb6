package dev.csbot.cli;

import dev.csbot.ingest.CsvImport;
import dev.csbot.ingest.Dataset;
import dev.csbot.ingest.ImportOptions;
import dev.csbot.ingest.ImportReport;
import dev.csbot.ingest.StoreMetadata;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * {@code csbot import DIR [--dry-run] [--progress]}: prints per file what it imported (or, in a dry run, found
 * valid); every bad row goes to stderr. Exit 0 when every file imported, 1 when any was rejected or a file
 * that looks like an import file was skipped, 2 when DIR holds no import file at all.
 */
@Component
class ImportCommand {

    private final CsvImport csvImport;
    private final StoreMetadata store;

    ImportCommand(CsvImport csvImport, StoreMetadata store) {
        this.csvImport = csvImport;
        this.store = store;
    }

    int run(Path directory, boolean dryRun, boolean progress, StoreLocation location, PrintWriter out,
            PrintWriter err) {
        if (!Files.isDirectory(directory)) {
            err.println("csbot: " + directory + " is not a directory; give the directory that holds the CSV files");
            return CsbotCli.USAGE_ERROR;
        }
        Optional<String> demo = store.demoPortfolio();
        if (demo.isPresent()) {
            err.println("csbot: warning: the store " + location.describe() + " holds the demo portfolio (" + demo.get()
                    + "); what you import will mix with the demo's accounts. Import real data into a store of its own"
                    + (location.sqlite() ? " (--db data/csbot.db)" : " (another database, CSBOT_DATABASE_URL)")
                    + ", or delete the demo's accounts first.");
        }
        ImportOptions.Progress printer = progress ? new ImportProgressPrinter(err, System::nanoTime)
                : ImportOptions.Progress.NONE;
        ImportReport report = csvImport.importDirectory(directory, new ImportOptions("cli", dryRun, printer),
                err::println);
        for (ImportReport.Misnamed file : report.misnamed()) {
            err.println("csbot: " + file.fileName() + " was not imported: did you mean " + file.probablyMeant()
                    + "? Rename it (import file names are exact and lower case).");
        }
        if (report.files().isEmpty()) {
            err.println("csbot: no import files in " + directory + "; expected any of: " + Arrays.stream(
                    Dataset.values()).map(Dataset::fileName).collect(Collectors.joining(", ")));
            return CsbotCli.USAGE_ERROR;
        }
        for (ImportReport.FileOutcome file : report.files()) {
            if (file.rejected()) {
                out.printf(Locale.US, "%s: rejected, nothing imported (%,d bad row%s; see above)%n", file.fileName(),
                        file.badRows(), file.badRows() == 1 ? "" : "s");
            } else if (dryRun) {
                out.printf(Locale.US, "%s: %,d rows valid (dry run: nothing written)%n", file.fileName(), file.rows());
            } else {
                out.printf(Locale.US, "%s: %,d rows (inserted or updated)%n", file.fileName(), file.rows());
            }
        }
        out.flush();
        err.flush();
        return report.anyRejected() || !report.misnamed().isEmpty() ? 1 : 0;
    }
}
