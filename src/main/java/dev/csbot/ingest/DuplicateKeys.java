package dev.csbot.ingest;

import java.time.LocalDate;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The keys already seen in one file or one request: a second row with the same key is an error, not a silent
 * "last one wins". Usage is keyed by account and day and runs to millions of rows, so it keeps one bit per
 * account-day (at most 5 KB per account over the accepted date range) instead of an entry per row.
 */
abstract class DuplicateKeys {

    /** Returned by {@link #earlier} for a key seen before at a position not kept. */
    static final long UNKNOWN_POSITION = 0;

    /** Returned by {@link #earlier} for a key not seen before (now remembered at {@code position}). */
    static final long NEW = -1;

    final Dataset dataset;
    final int[] keyColumns;

    private DuplicateKeys(Dataset dataset) {
        this.dataset = dataset;
        this.keyColumns = dataset.key().stream().mapToInt(dataset::indexOf).toArray();
    }

    /** For a file: usage keeps bits, not positions. */
    static DuplicateKeys of(Dataset dataset) {
        return dataset == Dataset.USAGE ? new AccountDays(dataset) : new ByKey(dataset);
    }

    /** For a request (at most {@link RestIngest#MAX_ROWS} rows): every earlier position is kept. */
    static DuplicateKeys withPositions(Dataset dataset) {
        return new ByKey(dataset);
    }

    /**
     * For a valid row's stored values: {@link #NEW} when its key is new (and remembers it at {@code position}),
     * else where the earlier row was ({@link #UNKNOWN_POSITION} when not kept).
     */
    abstract long earlier(Object[] values, long position);

    /** The column the error is reported on: the last of the key (for usage, the date). */
    String field() {
        return dataset.key().get(dataset.key().size() - 1);
    }

    /** "account_id 'acme', date '2026-11-20'". */
    String describe(Object[] values) {
        List<String> key = dataset.key();
        return java.util.stream.IntStream.range(0, key.size())
                .mapToObj(i -> key.get(i) + " " + ColumnType.quoted(String.valueOf(values[keyColumns[i]])))
                .collect(Collectors.joining(", "));
    }

    private static final class ByKey extends DuplicateKeys {
        private final Map<String, Long> seen = new HashMap<>();

        ByKey(Dataset dataset) {
            super(dataset);
        }

        @Override
        long earlier(Object[] values, long position) {
            String key;
            if (keyColumns.length == 1) {
                key = String.valueOf(values[keyColumns[0]]);
            } else {
                StringBuilder joined = new StringBuilder();
                for (int column : keyColumns) {
                    // A NUL never occurs in a valid value, so it cannot make two keys look alike.
                    joined.append(values[column]).append('\0');
                }
                key = joined.toString();
            }
            Long before = seen.putIfAbsent(key, position);
            return before == null ? NEW : before;
        }
    }

    private static final class AccountDays extends DuplicateKeys {
        private static final long FIRST_DAY = ColumnType.EARLIEST.toEpochDay();
        private final Map<String, BitSet> seen = new HashMap<>();
        private final int account;
        private final int date;

        AccountDays(Dataset dataset) {
            super(dataset);
            this.account = dataset.indexOf("account_id");
            this.date = dataset.indexOf("date");
        }

        @Override
        long earlier(Object[] values, long position) {
            String iso = (String) values[date];
            // Stored dates are exactly YYYY-MM-DD: read the digits rather than parse the text again.
            int day = (int) (LocalDate.of(digits(iso, 0, 4), digits(iso, 5, 7), digits(iso, 8, 10)).toEpochDay()
                    - FIRST_DAY);
            BitSet days = seen.computeIfAbsent((String) values[account], k -> new BitSet());
            if (days.get(day)) {
                return UNKNOWN_POSITION;
            }
            days.set(day);
            return NEW;
        }

        private static int digits(String text, int from, int to) {
            int number = 0;
            for (int i = from; i < to; i++) {
                number = number * 10 + (text.charAt(i) - '0');
            }
            return number;
        }
    }
}
