package dev.csbot.ingest;

/**
 * How an import runs: who asked (for the audit log), whether it only validates ({@code dryRun}: nothing is
 * written, not even the audit line) and who hears how far it got.
 */
public record ImportOptions(String actor, boolean dryRun, Progress progress) {

    /**
     * Told when a file's rows begin (0), every {@link #EVERY} rows and once when the file is done; cheap enough
     * to call that often.
     */
    public interface Progress {
        int EVERY = 1_000;

        void rows(String fileName, long rows);

        default void fileDone(String fileName, long rows) {}

        Progress NONE = (file, rows) -> { };
    }

    public static ImportOptions of(String actor) {
        return new ImportOptions(actor, false, Progress.NONE);
    }
}
