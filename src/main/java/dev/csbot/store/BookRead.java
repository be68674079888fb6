package dev.csbot.store;

import dev.csbot.account.Account;
import dev.csbot.account.BookQuery;
import dev.csbot.account.BookTable;
import dev.csbot.account.BookSignals;
import dev.csbot.account.Contact;
import dev.csbot.account.FeedbackResponse;
import dev.csbot.account.LifecycleStage;
import dev.csbot.account.Meeting;
import dev.csbot.account.Ticket;
import dev.csbot.account.TicketCounts;
import dev.csbot.account.UsageDay;
import dev.csbot.account.UsageSummary;
import dev.csbot.account.UsageTotals;
import dev.csbot.account.UsageWindow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.result.ResultIterator;
import org.jdbi.v3.core.statement.Query;

/**
 * One read of the book ({@link BookQuery}) inside one read transaction: a query per table and one per usage
 * window, each in account id order, walked side by side so that one account's rows are in memory at a
 * time. Usage is totalled by the database (one grouped pass per window over the date index), never read
 * day by day, except for the accounts the query wants every day of.
 */
final class BookRead {

    /** An account as the book read sees it: the account, the first and last usage days on record, the last active one. */
    private record AccountRow(Account account, Optional<LocalDate> firstUsage, Optional<LocalDate> lastUsage,
            Optional<LocalDate> lastActive) {}

    /** One account's tickets counted as of each evaluated day. */
    private record CountRow(String accountId, Map<LocalDate, TicketCounts> byDay) {}

    /** One account's totals over one window; its first and last day in it when the query takes bounds in windows. */
    private record WindowRow(String accountId, UsageTotals totals, String firstDay, String lastDay) {}

    // Without text: the columns scoring reads, in the order of the full lists minus what people wrote (every
    // column costs a call into SQLite per row, and a whole book is a few hundred thousand rows).
    private static final String CONTACT_WITHOUT_TEXT = "contact_id, account_id, name, title, is_champion, is_exec_sponsor, left_on";
    private static final RowMapper<Contact> CONTACT_NO_TEXT = (rs, ctx) -> new Contact(rs.getString(1), rs.getString(2),
            rs.getString(3), "", rs.getString(4), rs.getInt(5) != 0, rs.getInt(6) != 0, optionalDate(rs.getString(7)));
    private static final String TICKET_WITHOUT_TEXT = "ticket_id, account_id, opened_on, closed_on, severity";
    private static final RowMapper<Ticket> TICKET_NO_TEXT = (rs, ctx) -> new Ticket(rs.getString(1), rs.getString(2),
            Rows.isoDate(rs.getString(3)), optionalDate(rs.getString(4)), rs.getInt(5), "");
    private static final String FEEDBACK_WITHOUT_TEXT = "account_id, date, kind, score";
    private static final RowMapper<FeedbackResponse> FEEDBACK_NO_TEXT = (rs, ctx) -> new FeedbackResponse(
            rs.getString(1), "", Rows.isoDate(rs.getString(2)), Rows.feedbackKind(rs.getString(3)), rs.getInt(4),
            Optional.empty());

    private static Optional<LocalDate> optionalDate(String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(Rows.isoDate(text));
    }

    /** Rows fetched from the database at a time, per query: a few hundred kilobytes. */
    static final int FETCH_ROWS = 1_000;

    private final Handle handle;
    private final BookQuery query;
    private final Optional<List<String>> only;

    BookRead(Handle handle, BookQuery query, Optional<List<String>> only) {
        this.handle = handle;
        this.query = query;
        this.only = only;
    }

    void forEach(Consumer<BookSignals> each) {
        List<Cursor<?>> open = new ArrayList<>();
        try {
            Cursor<AccountRow> accounts = open(open, accounts(), BookRead::accountIdOf);
            // A table the query does not read is left unread: its lists come empty.
            Cursor<Contact> contacts = !query.reads(BookTable.CONTACTS) ? null : open(open, contacts(), Contact::accountId);
            boolean counted = query.ticketCounts().isPresent();
            Cursor<Ticket> tickets = !query.reads(BookTable.TICKETS) || counted ? null
                    : open(open, tickets(), Ticket::accountId);
            Cursor<CountRow> ticketCounts = !counted ? null : open(open, ticketCounts(), CountRow::accountId);
            Cursor<FeedbackResponse> feedback = !query.reads(BookTable.FEEDBACK) ? null
                    : open(open, dated("feedback_responses", query.withText() ? Rows.FEEDBACK_COLUMNS
                            : FEEDBACK_WITHOUT_TEXT, "date", "date, contact_email, kind")
                            .map(query.withText() ? Rows.FEEDBACK : FEEDBACK_NO_TEXT), FeedbackResponse::accountId);
            Cursor<Meeting> meetings = !query.reads(BookTable.MEETINGS) ? null
                    : open(open, dated("meetings", Rows.MEETING_COLUMNS, "date", "date, kind").map(Rows.MEETING),
                            Meeting::accountId);
            // Windows that overlap are read as the pieces they cut each other into, each piece once.
            Map<UsageWindow, Cursor<WindowRow>> pieces = new LinkedHashMap<>();
            for (UsageWindow piece : pieces(query.usageWindows())) {
                pieces.put(piece, open(open, window(piece), WindowRow::accountId));
            }
            Map<UsageWindow, List<UsageWindow>> piecesOf = new LinkedHashMap<>();
            for (UsageWindow window : query.usageWindows()) {
                piecesOf.put(window, pieces.keySet().stream().filter(piece -> within(piece, window)).toList());
            }
            Cursor<UsageDay> daily = query.dailyUsageStages().isEmpty() ? null : open(open, daily(), UsageDay::accountId);

            while (accounts.hasNext()) {
                AccountRow row = accounts.next();
                String id = row.account().id();
                Map<UsageWindow, UsageTotals> ofPiece = new HashMap<>();
                String[] bounds = new String[2];
                pieces.forEach((piece, cursor) -> {
                    List<WindowRow> found = cursor.take(id);
                    ofPiece.put(piece, found.isEmpty() ? UsageTotals.NONE : found.get(0).totals());
                    if (!found.isEmpty() && query.boundsInWindows()) {
                        widen(bounds, found.get(0));
                    }
                });
                Map<UsageWindow, UsageTotals> totals = new HashMap<>();
                piecesOf.forEach((window, its) -> {
                    UsageTotals sum = UsageTotals.NONE;
                    for (UsageWindow piece : its) {
                        sum = sum.plus(ofPiece.get(piece));
                    }
                    totals.put(window, sum);
                });
                List<UsageDay> days = daily == null ? List.of() : daily.take(id);
                each.accept(new BookSignals(row.account(), take(contacts, id), take(tickets, id), take(feedback, id),
                        take(meetings, id), new UsageSummary(totals,
                        query.boundsInWindows() ? Optional.ofNullable(bounds[0]).map(Rows::isoDate) : row.firstUsage(),
                        query.boundsInWindows() ? Optional.ofNullable(bounds[1]).map(Rows::isoDate) : row.lastUsage(),
                        days, row.lastActive()), countsOf(ticketCounts, id)));
            }
            for (Cursor<?> cursor : open) {
                if (cursor.hasNext()) {
                    // Foreign keys make this impossible; if it happens, say so rather than drop rows silently.
                    throw new IllegalStateException("the book read found rows of an account it did not read: "
                            + cursor.peekAccount());
                }
            }
        } finally {
            for (Cursor<?> cursor : open) {
                cursor.close();
            }
        }
    }

    /** {@code bounds} (first, last; ISO days, which sort as text) widened to take in {@code row}'s. */
    private static void widen(String[] bounds, WindowRow row) {
        if (bounds[0] == null || row.firstDay().compareTo(bounds[0]) < 0) {
            bounds[0] = row.firstDay();
        }
        if (bounds[1] == null || row.lastDay().compareTo(bounds[1]) > 0) {
            bounds[1] = row.lastDay();
        }
    }

    private static <T> List<T> take(Cursor<T> cursor, String accountId) {
        return cursor == null ? List.of() : cursor.take(accountId);
    }

    private org.jdbi.v3.core.result.ResultIterable<Contact> contacts() {
        return select("SELECT " + (query.withText() ? Rows.CONTACT_COLUMNS : CONTACT_WITHOUT_TEXT)
                + " FROM contacts WHERE 1 = 1" + filter("account_id") + " ORDER BY account_id, contact_id")
                .map(query.withText() ? Rows.CONTACT : CONTACT_NO_TEXT);
    }

    private org.jdbi.v3.core.result.ResultIterable<AccountRow> accounts() {
        String asOf = query.asOf().toString();
        RowMapper<AccountRow> mapper = (rs, ctx) -> new AccountRow(Rows.ACCOUNT.map(rs, ctx),
                Optional.ofNullable(rs.getString(12)).map(Rows::isoDate),
                Optional.ofNullable(rs.getString(13)).map(Rows::isoDate),
                query.lastActiveDay() ? Optional.ofNullable(rs.getString(14)).map(Rows::isoDate) : Optional.empty());
        // Each account's first and last day are two index seeks on (account_id, date), not a scan; the last active
        // day walks back from the last one, most often no further than it. Bounds taken in the windows come with
        // the windows' sums instead: no seeks (on PostgreSQL, right after a write of every account's day, each of
        // those seeks also visits the table).
        Query select = select("SELECT " + Rows.prefixed("a", Rows.ACCOUNT_COLUMNS) + ","
                + (query.boundsInWindows() ? " NULL, NULL"
                        : " (SELECT MIN(u.date) FROM usage_daily u WHERE u.account_id = a.account_id AND u.date <= :asOf),"
                        + " (SELECT MAX(u.date) FROM usage_daily u WHERE u.account_id = a.account_id AND u.date <= :asOf)")
                + (query.lastActiveDay() ? ", (SELECT MAX(u.date) FROM usage_daily u WHERE u.account_id = a.account_id"
                        + " AND u.date <= :asOf AND u.active_users > 0)" : "")
                + " FROM accounts a WHERE 1 = 1" + filter("a.account_id") + " ORDER BY a.account_id");
        if (!query.boundsInWindows() || query.lastActiveDay()) {
            select.bind("asOf", asOf);
        }
        return select.map(mapper);
    }

    /** {@code accountId}'s ticket counts by evaluated day (none on record: zero); empty when the query counts none. */
    private Map<LocalDate, TicketCounts> countsOf(Cursor<CountRow> cursor, String accountId) {
        if (cursor == null) {
            return Map.of();
        }
        List<CountRow> found = cursor.take(accountId);
        if (!found.isEmpty()) {
            return found.get(0).byDay();
        }
        Map<LocalDate, TicketCounts> none = new HashMap<>();
        query.evaluatedOn().forEach(day -> none.put(day, TicketCounts.NONE));
        return none;
    }

    /**
     * Each account's tickets counted by the database as of each evaluated day (every ticket on record, as support
     * burden weighs them): one grouped pass over the tickets, one row per account that has any.
     */
    private org.jdbi.v3.core.result.ResultIterable<CountRow> ticketCounts() {
        TicketCounts.Windows windows = query.ticketCounts().orElseThrow();
        List<LocalDate> days = query.evaluatedOn();
        StringBuilder sql = new StringBuilder("SELECT t.account_id");
        String open = " AND (t.closed_on IS NULL OR t.closed_on = '' OR t.closed_on > :day%1$d)";
        for (int i = 0; i < days.size(); i++) {
            sql.append(String.format(Locale.ROOT, ", SUM(CASE WHEN t.opened_on <= :day%1$d THEN 1 ELSE 0 END)"
                    + ", SUM(CASE WHEN t.opened_on <= :day%1$d AND t.severity = 1" + open + " THEN 1 ELSE 0 END)"
                    + ", SUM(CASE WHEN t.opened_on <= :day%1$d AND t.severity = 2" + open + " THEN 1 ELSE 0 END)"
                    + ", SUM(CASE WHEN t.opened_on > :recent%1$d AND t.opened_on <= :day%1$d THEN 1 ELSE 0 END)"
                    + ", SUM(CASE WHEN t.opened_on > :baseline%1$d AND t.opened_on <= :recent%1$d THEN 1 ELSE 0 END)",
                    i));
        }
        sql.append(" FROM tickets t WHERE t.opened_on <= :asOf").append(filter("t.account_id"))
                .append(" GROUP BY t.account_id ORDER BY t.account_id");
        Query select = select(sql.toString()).bind("asOf", query.asOf().toString());
        for (int i = 0; i < days.size(); i++) {
            LocalDate recentStart = days.get(i).minusDays(windows.recentDays());
            select.bind("day" + i, days.get(i).toString())
                    .bind("recent" + i, recentStart.toString())
                    .bind("baseline" + i, recentStart.minusDays(windows.baselineDays()).toString());
        }
        return select.map((rs, ctx) -> {
            Map<LocalDate, TicketCounts> byDay = new HashMap<>();
            for (int i = 0; i < days.size(); i++) {
                int column = 2 + i * 5;
                byDay.put(days.get(i), new TicketCounts(rs.getInt(column), rs.getInt(column + 1),
                        rs.getInt(column + 2), rs.getInt(column + 3), rs.getInt(column + 4)));
            }
            return new CountRow(rs.getString(1), byDay);
        });
    }

    private org.jdbi.v3.core.result.ResultIterable<Ticket> tickets() {
        // Open tickets count whenever they were opened; closed_on '' is how a blank cell may have been stored.
        Query select = select("SELECT " + Rows.prefixed("t", query.withText() ? Rows.TICKET_COLUMNS
                : TICKET_WITHOUT_TEXT) + " FROM tickets t"
                + " WHERE t.opened_on <= :asOf AND (t.opened_on > :after"
                + " OR t.closed_on IS NULL OR t.closed_on = '' OR t.closed_on > :firstEvaluated"
                + latestOnOrBefore("tickets", "t", "opened_on") + ")" + filter("t.account_id")
                + " ORDER BY t.account_id, t.opened_on, t.ticket_id")
                .bind("firstEvaluated", query.firstEvaluated().toString());
        return bindDates(select).map(query.withText() ? Rows.TICKET : TICKET_NO_TEXT);
    }

    /** Rows dated within the history, or the latest of their account on or before an evaluated day. */
    private Query dated(String table, String columns, String dateColumn, String order) {
        Query select = select("SELECT " + Rows.prefixed("r", columns) + " FROM " + table + " r"
                + " WHERE r." + dateColumn + " <= :asOf AND (r." + dateColumn + " > :after"
                + latestOnOrBefore(table, "r", dateColumn) + ")" + filter("r.account_id")
                + " ORDER BY r.account_id, " + Rows.prefixed("r", order));
        return bindDates(select);
    }

    private String latestOnOrBefore(String table, String alias, String dateColumn) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < query.evaluatedOn().size(); i++) {
            sql.append(" OR ").append(alias).append('.').append(dateColumn).append(" = (SELECT MAX(x.").append(dateColumn)
                    .append(") FROM ").append(table).append(" x WHERE x.account_id = ").append(alias)
                    .append(".account_id AND x.").append(dateColumn).append(" <= :evaluated").append(i).append(')');
        }
        return sql.toString();
    }

    private Query bindDates(Query select) {
        select.bind("asOf", query.asOf().toString()).bind("after", query.historyAfter().toString());
        for (int i = 0; i < query.evaluatedOn().size(); i++) {
            select.bind("evaluated" + i, query.evaluatedOn().get(i).toString());
        }
        return select;
    }

    /**
     * The windows cut at every window's ends, keeping the pieces some window covers: each asked window is the union
     * of the pieces within it. The alert scan's 90-day baseline then costs the days no other window reads, not 90.
     */
    static List<UsageWindow> pieces(Set<UsageWindow> windows) {
        TreeSet<LocalDate> ends = new TreeSet<>();
        for (UsageWindow window : windows) {
            ends.add(window.fromExclusive());
            ends.add(window.toInclusive());
        }
        List<UsageWindow> pieces = new ArrayList<>();
        LocalDate from = null;
        for (LocalDate end : ends) {
            if (from != null) {
                UsageWindow piece = new UsageWindow(from, end);
                if (windows.stream().anyMatch(window -> within(piece, window))) {
                    pieces.add(piece);
                }
            }
            from = end;
        }
        return pieces;
    }

    private static boolean within(UsageWindow piece, UsageWindow window) {
        return !piece.fromExclusive().isBefore(window.fromExclusive()) && !piece.toInclusive().isAfter(window.toInclusive());
    }

    private org.jdbi.v3.core.result.ResultIterable<WindowRow> window(UsageWindow window) {
        boolean bounds = query.boundsInWindows();
        return select("SELECT account_id, COUNT(*), SUM(active_users), MAX(key_features_used)"
                + (bounds ? ", MIN(date), MAX(date)" : "") + " FROM usage_daily"
                + " WHERE date > :from AND date <= :to" + filter("account_id")
                + " GROUP BY account_id ORDER BY account_id")
                .bind("from", window.fromExclusive().toString())
                .bind("to", window.toInclusive().toString())
                .map((rs, ctx) -> new WindowRow(rs.getString(1), new UsageTotals(rs.getInt(2), rs.getLong(3), rs.getInt(4)),
                        bounds ? rs.getString(5) : null, bounds ? rs.getString(6) : null));
    }

    private org.jdbi.v3.core.result.ResultIterable<UsageDay> daily() {
        // Walk the few accounts and seek their rows, never scan every usage row. CROSS JOIN keeps SQLite to that
        // order. PostgreSQL reorders it: estimating a year of rows per account, it hashed the accounts and scanned
        // the whole table (2.8 s a part at 100,000 accounts); a lateral read, sorted, is a seek per account (0.5 s).
        String sql = Vendor.postgres(handle)
                ? "SELECT " + Rows.prefixed("u", Rows.USAGE_COLUMNS) + " FROM accounts a CROSS JOIN LATERAL (SELECT "
                        + Rows.USAGE_COLUMNS + " FROM usage_daily x WHERE x.account_id = a.account_id"
                        + " AND x.date <= :asOf ORDER BY x.date) u WHERE a.lifecycle_stage IN (<stages>)"
                        + filter("a.account_id") + " ORDER BY a.account_id, u.date"
                : "SELECT " + Rows.prefixed("u", Rows.USAGE_COLUMNS) + " FROM accounts a CROSS JOIN usage_daily u"
                        + " WHERE u.account_id = a.account_id AND a.lifecycle_stage IN (<stages>) AND u.date <= :asOf"
                        + filter("u.account_id") + " ORDER BY u.account_id, u.date";
        return select(sql)
                .bindList("stages", query.dailyUsageStages().stream().map(LifecycleStage::label).sorted().toList())
                .bind("asOf", query.asOf().toString())
                .map(Rows.USAGE);
    }

    private Query select(String sql) {
        // PostgreSQL's driver reads a whole result into memory unless told a fetch size (inside a transaction, which
        // every book read is): at 100,000 accounts that ran a 768 MB heap out. SQLite steps row by row anyway.
        Query select = handle.createQuery(sql).setFetchSize(FETCH_ROWS);
        only.ifPresent(ids -> select.bindList("ids", ids));
        query.accounts().from().ifPresent(from -> select.bind("fromId", from));
        query.accounts().until().ifPresent(until -> select.bind("untilId", until));
        return select;
    }

    /** The conditions that keep a query to the accounts asked for (some ids, a range of ids, or all). */
    private String filter(String column) {
        return (only.isPresent() ? " AND " + column + " IN (<ids>)" : "")
                + (query.accounts().from().isPresent() ? " AND " + column + " >= :fromId" : "")
                + (query.accounts().until().isPresent() ? " AND " + column + " < :untilId" : "");
    }

    private static <T> Cursor<T> open(List<Cursor<?>> open, org.jdbi.v3.core.result.ResultIterable<T> rows,
            Function<T, String> accountOf) {
        Cursor<T> cursor = new Cursor<>(rows.iterator(), accountOf);
        open.add(cursor);
        return cursor;
    }

    /** One query's rows in account order, handed out an account at a time. */
    private static final class Cursor<T> implements AutoCloseable {
        private final ResultIterator<T> rows;
        private final Function<T, String> accountOf;
        private T next;

        Cursor(ResultIterator<T> rows, Function<T, String> accountOf) {
            this.rows = rows;
            this.accountOf = accountOf;
            advance();
        }

        boolean hasNext() {
            return next != null;
        }

        T next() {
            T current = next;
            advance();
            return current;
        }

        String peekAccount() {
            return next == null ? null : accountOf.apply(next);
        }

        /** The rows of {@code accountId} at the head of this cursor (none when it has none). */
        List<T> take(String accountId) {
            List<T> taken = null;
            while (next != null && accountOf.apply(next).equals(accountId)) {
                if (taken == null) {
                    taken = new ArrayList<>();
                }
                taken.add(next);
                advance();
            }
            return taken == null ? List.of() : taken;
        }

        private void advance() {
            next = rows.hasNext() ? rows.next() : null;
        }

        @Override
        public void close() {
            rows.close();
        }
    }

    static String accountIdOf(AccountRow row) {
        return row.account().id();
    }
}
