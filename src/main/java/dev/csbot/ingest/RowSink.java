package dev.csbot.ingest;

/** Receives generated or validated rows, each as stored values in its dataset's column order. */
@FunctionalInterface
interface RowSink {
    void accept(Object[] row) throws Exception;
}
