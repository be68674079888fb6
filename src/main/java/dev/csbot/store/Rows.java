package dev.csbot.store;

import dev.csbot.account.Account;
import dev.csbot.account.Contact;
import dev.csbot.account.FeedbackKind;
import dev.csbot.account.FeedbackResponse;
import dev.csbot.account.LifecycleStage;
import dev.csbot.account.Meeting;
import dev.csbot.account.MeetingKind;
import dev.csbot.account.ObjectiveStatus;
import dev.csbot.account.Segment;
import dev.csbot.account.SuccessPlanObjective;
import dev.csbot.account.Ticket;
import dev.csbot.account.UsageDay;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.mapper.RowMapper;

/** Row mappers from the portable schema (dates as ISO text, booleans as 0/1) to the domain records. */
final class Rows {

    private Rows() {}

    // The store holds each enum as its label; a map lookup per row instead of a search of the values (a whole
    // book reads a few hundred thousand of them). Anything else falls back to the forgiving parse.
    private static final Map<String, Segment> SEGMENTS = byLabel(Segment.values(), Segment::label);
    private static final Map<String, LifecycleStage> STAGES = byLabel(LifecycleStage.values(), LifecycleStage::label);
    private static final Map<String, FeedbackKind> FEEDBACK_KINDS = byLabel(FeedbackKind.values(), FeedbackKind::label);
    private static final Map<String, MeetingKind> MEETING_KINDS = byLabel(MeetingKind.values(), MeetingKind::label);
    private static final Map<String, ObjectiveStatus> OBJECTIVE_STATUSES = byLabel(ObjectiveStatus.values(),
            ObjectiveStatus::label);

    private static <E> Map<String, E> byLabel(E[] values, Function<E, String> label) {
        Map<String, E> map = new HashMap<>();
        for (E value : values) {
            map.put(label.apply(value), value);
        }
        return Map.copyOf(map);
    }

    private static <E> E label(Map<String, E> known, String text, Function<String, Optional<E>> parse) {
        E value = known.get(text);
        return value != null ? value : parse.apply(text).orElseThrow(() -> new IllegalStateException(
                "the store holds an unknown value \"" + text + "\""));
    }

    // Each mapper reads its columns by position, in the order of its *_COLUMNS list: looking columns up by
    // name costs more than the rest of the mapping when a whole book is read.

    /** A column list with each column qualified by a table alias ("a.account_id, a.name, ..."). */
    static String prefixed(String alias, String columns) {
        return java.util.Arrays.stream(columns.split(",")).map(c -> alias + "." + c.strip())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    static final String ACCOUNT_COLUMNS = "account_id, name, segment, arr, seats_purchased, contract_start,"
            + " renewal_date, csm_email, lifecycle_stage, slack_channel, teams_channel";

    static final RowMapper<Account> ACCOUNT = (rs, ctx) -> new Account(
            rs.getString(1),
            rs.getString(2),
            label(SEGMENTS, rs.getString(3), Segment::fromLabel),
            rs.getLong(4),
            rs.getInt(5),
            date(rs, 6),
            date(rs, 7),
            rs.getString(8),
            label(STAGES, rs.getString(9), LifecycleStage::fromLabel),
            Optional.ofNullable(rs.getString(10)),
            Optional.ofNullable(rs.getString(11)));

    static final String CONTACT_COLUMNS =
            "contact_id, account_id, name, email, title, is_champion, is_exec_sponsor, left_on";

    static final RowMapper<Contact> CONTACT = (rs, ctx) -> new Contact(
            rs.getString(1),
            rs.getString(2),
            rs.getString(3),
            rs.getString(4),
            rs.getString(5),
            rs.getInt(6) != 0,
            rs.getInt(7) != 0,
            optionalDate(rs, 8));

    static final String USAGE_COLUMNS = "account_id, date, active_users, events, key_features_used";

    static final String TICKET_COLUMNS = "ticket_id, account_id, opened_on, closed_on, severity, subject";

    static final RowMapper<Ticket> TICKET = (rs, ctx) -> new Ticket(
            rs.getString(1),
            rs.getString(2),
            date(rs, 3),
            optionalDate(rs, 4),
            rs.getInt(5),
            rs.getString(6));

    static final String FEEDBACK_COLUMNS = "account_id, contact_email, date, kind, score, comment";

    static final RowMapper<FeedbackResponse> FEEDBACK = (rs, ctx) -> new FeedbackResponse(
            rs.getString(1),
            rs.getString(2),
            date(rs, 3),
            label(FEEDBACK_KINDS, rs.getString(4), FeedbackKind::fromLabel),
            rs.getInt(5),
            Optional.ofNullable(rs.getString(6)).filter(c -> !c.isBlank()));

    static final String MEETING_COLUMNS = "account_id, date, kind, exec_attended";

    static final RowMapper<Meeting> MEETING = (rs, ctx) -> new Meeting(
            rs.getString(1),
            date(rs, 2),
            label(MEETING_KINDS, rs.getString(3), MeetingKind::fromLabel),
            rs.getInt(4) != 0);

    static final String OBJECTIVE_COLUMNS = "account_id, objective, metric, target, due_date, status";

    static final RowMapper<SuccessPlanObjective> OBJECTIVE = (rs, ctx) -> new SuccessPlanObjective(
            rs.getString(1),
            rs.getString(2),
            rs.getString(3),
            rs.getString(4),
            date(rs, 5),
            label(OBJECTIVE_STATUSES, rs.getString(6), ObjectiveStatus::fromLabel));

    static final RowMapper<UsageDay> USAGE = (rs, ctx) -> new UsageDay(
            rs.getString(1), isoDate(rs.getString(2)), rs.getInt(3), rs.getLong(4), rs.getInt(5));

    static FeedbackKind feedbackKind(String label) {
        return label(FEEDBACK_KINDS, label, FeedbackKind::fromLabel);
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        return isoDate(rs.getString(column));
    }

    private static Optional<LocalDate> optionalDate(ResultSet rs, int column) throws SQLException {
        String text = rs.getString(column);
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(isoDate(text));
    }

    /**
     * Reads the store's own YYYY-MM-DD dates. Ranking the book reads hundreds of thousands of them, and
     * this is several times faster than {@code LocalDate.parse}; anything unexpected falls back to it.
     */
    static LocalDate isoDate(String text) {
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            try {
                return LocalDate.of(Integer.parseInt(text, 0, 4, 10), Integer.parseInt(text, 5, 7, 10),
                        Integer.parseInt(text, 8, 10, 10));
            } catch (NumberFormatException | java.time.DateTimeException e) {
                return LocalDate.parse(text);
            }
        }
        return LocalDate.parse(text);
    }
}
