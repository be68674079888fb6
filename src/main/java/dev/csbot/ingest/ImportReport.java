package dev.csbot.ingest;

import java.util.List;

/**
 * What an import did, file by file, in import order, and the files of the directory it did not read because
 * their names only resemble an import file's.
 */
public record ImportReport(List<FileOutcome> files, List<Misnamed> misnamed, boolean dryRun) {

    public ImportReport {
        files = List.copyOf(files);
        misnamed = List.copyOf(misnamed);
    }

    /** One file: imported (or, in a dry run, valid) with its row count, or rejected whole with its bad rows. */
    public record FileOutcome(String fileName, boolean rejected, long rows, long badRows, long millis) {}

    /** A file not read, and the import file it was probably meant to be. */
    public record Misnamed(String fileName, String probablyMeant) {}

    public boolean anyRejected() {
        return files.stream().anyMatch(FileOutcome::rejected);
    }

    public long importedRows() {
        return files.stream().filter(f -> !f.rejected()).mapToLong(FileOutcome::rows).sum();
    }
}
