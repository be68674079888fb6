package dev.csbot.ingest;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Service;

/** Generates the demo portfolio ending on the clock's today, into the store or as CSV files. */
@Service
public class DemoService {

    private final PortfolioWriter writer;
    private final Clock clock;

    public DemoService(Jdbi jdbi, Clock clock) {
        this.writer = new PortfolioWriter(jdbi);
        this.clock = clock;
    }

    /** What was generated: rows per file name, in import order. */
    public record Generated(LocalDate through, Map<String, Long> rows, long millis) {
        public long total() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    public Generated load(int accounts, int days, long seed) {
        long started = System.nanoTime();
        DemoPortfolio portfolio = new DemoPortfolio(accounts, days, seed, LocalDate.now(clock));
        Map<Dataset, Long> counts = writer.write(portfolio, describe(accounts, days, seed, portfolio.today()));
        return new Generated(portfolio.today(), byFile(counts), (System.nanoTime() - started) / 1_000_000);
    }

    /** Writes the seven CSV files of the import format into {@code directory} (created if needed). */
    public Generated writeCsv(int accounts, int days, long seed, Path directory) throws IOException {
        return writeCsv(accounts, days, seed, directory, clock);
    }

    /** The same without a store: the demo as files needs only the day it ends on. */
    public static Generated writeCsv(int accounts, int days, long seed, Path directory, Clock clock)
            throws IOException {
        long started = System.nanoTime();
        DemoPortfolio portfolio = new DemoPortfolio(accounts, days, seed, LocalDate.now(clock));
        Map<Dataset, Long> counts = writeCsv(portfolio, directory);
        return new Generated(portfolio.today(), byFile(counts), (System.nanoTime() - started) / 1_000_000);
    }

    static Map<Dataset, Long> writeCsv(DemoPortfolio portfolio, Path directory) throws IOException {
        Files.createDirectories(directory);
        Map<Dataset, Long> counts = new EnumMap<>(Dataset.class);
        for (Dataset dataset : Dataset.values()) {
            List<Column> columns = dataset.columns();
            String[] header = columns.stream().map(Column::name).toArray(String[]::new);
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(header).setRecordSeparator('\n').get();
            long[] count = {0};
            try (Writer out = Files.newBufferedWriter(directory.resolve(dataset.fileName()), StandardCharsets.UTF_8);
                    CSVPrinter printer = new CSVPrinter(out, format)) {
                String[] texts = new String[columns.size()];
                portfolio.emit(dataset, row -> {
                    for (int i = 0; i < texts.length; i++) {
                        texts[i] = columns.get(i).type().format(row[i]);
                    }
                    printer.printRecord((Object[]) texts);
                    count[0]++;
                });
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(dataset.fileName() + ": " + e.getMessage(), e);
            }
            counts.put(dataset, count[0]);
        }
        return counts;
    }

    public long accountsInStore() {
        return writer.accountCount();
    }

    /** How the store records which demo it holds (store_metadata). */
    static String describe(int accounts, int days, long seed, LocalDate through) {
        return accounts + " accounts, " + days + " days through " + through + ", seed " + seed;
    }

    private static Map<String, Long> byFile(Map<Dataset, Long> counts) {
        Map<String, Long> rows = new java.util.LinkedHashMap<>();
        counts.forEach((dataset, n) -> rows.put(dataset.fileName(), n));
        return rows;
    }
}
