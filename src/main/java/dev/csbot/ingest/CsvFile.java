package dev.csbot.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * One import file opened for reading, after the checks that cost nothing: its size, its encoding (UTF-8, with
 * or without a byte order mark; UTF-16 is refused with what to do) and its separator, told from the header
 * (comma, semicolon or tab, as Excel, Salesforce, HubSpot and Zendesk export them).
 */
final class CsvFile implements Closeable {

    /** The largest import file: ten thousand accounts with three years of daily usage fit in half of it. */
    static final long MAX_BYTES = 1L << 30;

    /** The most data rows in one file; the rows of a 1 GiB usage file. */
    static final long MAX_ROWS = 20_000_000;

    static final int MAX_HEADER_CHARS = 64 * 1024;

    private static final char[] SEPARATORS = {',', ';', '\t'};

    private final StrictUtf8Reader text;
    private final CSVParser parser;
    private final char separator;
    private final Map<String, Integer> header;
    private final String separatorHint;

    private CsvFile(StrictUtf8Reader text, CSVParser parser, char separator, Map<String, Integer> header,
            String separatorHint) {
        this.text = text;
        this.parser = parser;
        this.separator = separator;
        this.header = header;
        this.separatorHint = separatorHint;
    }

    /** Opens {@code file} for the columns of {@code dataset}; refused (at line 1) before a row is read. */
    static CsvFile open(Path file, Dataset dataset) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new StrictUtf8Reader.Unreadable(1, String.format(Locale.US, "the file holds %,d bytes, more than"
                    + " the %,d (1 GiB) an import file may hold; split it into several imports", size, MAX_BYTES));
        }
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
        try {
            skipUtf8ByteOrderMark(in);
            StrictUtf8Reader text = new StrictUtf8Reader(in);
            BufferedReader reader = new BufferedReader(text, 64 * 1024);
            String headerLine = headerLine(reader);
            List<String> known = dataset.columns().stream().map(Column::name).toList();
            char separator = separatorOf(headerLine, known);
            CSVParser parser = CSVFormat.DEFAULT.builder()
                    .setDelimiter(separator)
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(true)
                    .setAllowMissingColumnNames(true)
                    .setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.ALLOW_ALL)
                    .get()
                    .parse(reader);
            text.rowEnded();
            Map<String, Integer> header = new HashMap<>();
            List<String> names = parser.getHeaderNames();
            for (int i = 0; i < names.size(); i++) {
                header.putIfAbsent(columnName(names.get(i)), i);
            }
            return new CsvFile(text, parser, separator, header, hintFor(headerLine, separator));
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    CSVParser parser() {
        return parser;
    }

    /** Where each of {@code columns} is in a row, -1 when the header lacks it. */
    int[] indexesOf(List<Column> columns) {
        int[] index = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            index[i] = header.getOrDefault(columns.get(i).name(), -1);
        }
        return index;
    }

    /** Said beside "missing required columns" when the header seems separated by something csbot does not read. */
    String separatorHint() {
        return separatorHint;
    }

    char separator() {
        return separator;
    }

    /** Called after each row: the row-length guard counts from here. */
    void rowEnded() {
        text.rowEnded();
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /**
     * Header names as exports write them, matched to the columns: case, surrounding spaces and quotes do not
     * matter, and spaces or hyphens count as underscores ("Renewal Date" is renewal_date).
     */
    static String columnName(String header) {
        return header.strip().replaceAll("^\"|\"$", "").strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
    }

    private static void skipUtf8ByteOrderMark(InputStream in) throws IOException {
        in.mark(4);
        byte[] start = in.readNBytes(4);
        int b0 = start.length > 0 ? start[0] & 0xFF : -1;
        int b1 = start.length > 1 ? start[1] & 0xFF : -1;
        int b2 = start.length > 2 ? start[2] & 0xFF : -1;
        if ((b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE) || b0 == 0 || b1 == 0) {
            throw new StrictUtf8Reader.Unreadable(1, "the file is UTF-16 (or UTF-32) text; save it as UTF-8 (in Excel:"
                    + " Save As > CSV UTF-8)");
        }
        in.reset();
        if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
            in.skipNBytes(3);
        }
    }

    /** The first line, read ahead and put back; refused when it never ends (not a CSV header). */
    private static String headerLine(BufferedReader reader) throws IOException {
        reader.mark(MAX_HEADER_CHARS + 1);
        StringBuilder line = new StringBuilder();
        for (int c = reader.read(); c >= 0 && c != '\n' && c != '\r'; c = reader.read()) {
            if (line.length() == MAX_HEADER_CHARS) {
                throw new StrictUtf8Reader.Unreadable(1, String.format(Locale.US, "a header line longer than %,d"
                        + " characters: is this a CSV file?", MAX_HEADER_CHARS));
            }
            line.append((char) c);
        }
        reader.reset();
        return line.toString();
    }

    /** The separator under which the header names the most known columns; a comma when none names any. */
    static char separatorOf(String headerLine, List<String> known) {
        char best = ',';
        int bestMatches = 0;
        for (char candidate : SEPARATORS) {
            int matches = 0;
            for (String name : splitNaively(headerLine, candidate)) {
                if (known.contains(columnName(name))) {
                    matches++;
                }
            }
            if (matches > bestMatches) {
                best = candidate;
                bestMatches = matches;
            }
        }
        return best;
    }

    /** When another character splits the header better than {@code separator} does, what to tell the user. */
    private static String hintFor(String headerLine, char separator) {
        int used = splitNaively(headerLine, separator).size();
        for (char other : new char[] {';', '\t', '|', ','}) {
            if (other != separator && splitNaively(headerLine, other).size() > used) {
                return "the header looks separated by " + shown(other) + ", but csbot reads files separated by"
                        + " commas, semicolons or tabs" + (other == '|' ? "; export again with one of those" : "");
            }
        }
        return null;
    }

    private static String shown(char separator) {
        return separator == '\t' ? "tabs" : "'" + separator + "'";
    }

    private static List<String> splitNaively(String line, char separator) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = line.indexOf(separator); i >= 0; i = line.indexOf(separator, start)) {
            parts.add(line.substring(start, i));
            start = i + 1;
        }
        parts.add(line.substring(start));
        return parts;
    }
}
