package dev.csbot.cli;

import dev.csbot.ingest.CsvImport;
import dev.csbot.ingest.Dataset;
import dev.csbot.ingest.ImportReport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * {@code csbot import DIR}: prints per file what it imported; every bad row goes to stderr. Exit 0 when
 * every file imported, 1 when any was rejected, 2 when DIR is not a directory of import files.
 */
@Component
class ImportCommand {

    private final CsvImport csvImport;

    ImportCommand(CsvImport csvImport) {
        this.csvImport = csvImport;
    }

    int run(Path directory, PrintWriter out, PrintWriter err) {
        if (!Files.isDirectory(directory)) {
            err.println("csbot: " + directory + " is not a directory; give the directory that holds the CSV files");
            return CsbotCli.USAGE_ERROR;
        }
        if (CsvImport.filesIn(directory).isEmpty()) {
            err.println("csbot: no import files in " + directory + "; expected any of: " + Arrays.stream(Dataset.values())
                    .map(Dataset::fileName).collect(Collectors.joining(", ")));
            return CsbotCli.USAGE_ERROR;
        }
        ImportReport report = csvImport.importDirectory(directory, "cli", err::println);
        for (ImportReport.FileOutcome file : report.files()) {
            if (file.rejected()) {
                out.printf(Locale.US, "%s: rejected, nothing imported (%,d bad row%s; see above)%n", file.fileName(),
                        file.badRows(), file.badRows() == 1 ? "" : "s");
            } else {
                out.printf(Locale.US, "%s: %,d rows (inserted or updated)%n", file.fileName(), file.rows());
            }
        }
        out.flush();
        err.flush();
        return report.anyRejected() ? 1 : 0;
    }
}
