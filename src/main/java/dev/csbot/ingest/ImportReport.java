package dev.csbot.ingest;

import java.util.List;

/** What an import did, file by file, in import order. */
public record ImportReport(List<FileOutcome> files) {

    public ImportReport {
        files = List.copyOf(files);
    }

    /** One file: imported with its row count, or rejected whole with the number of bad rows. */
    public record FileOutcome(String fileName, boolean rejected, long rows, long badRows, long millis) {}

    public boolean anyRejected() {
        return files.stream().anyMatch(FileOutcome::rejected);
    }

    public long importedRows() {
        return files.stream().filter(f -> !f.rejected()).mapToLong(FileOutcome::rows).sum();
    }
}
