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
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

/** Row mappers from the portable schema (dates as ISO text, booleans as 0/1) to the domain records. */
final class Rows {

    private Rows() {}

    static final RowMapper<Account> ACCOUNT = (rs, ctx) -> new Account(
            rs.getString("account_id"),
            rs.getString("name"),
            Segment.fromLabel(rs.getString("segment")).orElseThrow(),
            rs.getLong("arr"),
            rs.getInt("seats_purchased"),
            date(rs, "contract_start"),
            date(rs, "renewal_date"),
            rs.getString("csm_email"),
            LifecycleStage.fromLabel(rs.getString("lifecycle_stage")).orElseThrow(),
            Optional.ofNullable(rs.getString("slack_channel")),
            Optional.ofNullable(rs.getString("teams_channel")));

    static final RowMapper<Contact> CONTACT = (rs, ctx) -> new Contact(
            rs.getString("contact_id"),
            rs.getString("account_id"),
            rs.getString("name"),
            rs.getString("email"),
            rs.getString("title"),
            rs.getInt("is_champion") != 0,
            rs.getInt("is_exec_sponsor") != 0,
            optionalDate(rs, "left_on"));

    static final RowMapper<UsageDay> USAGE = (rs, ctx) -> new UsageDay(
            rs.getString("account_id"),
            date(rs, "date"),
            rs.getInt("active_users"),
            rs.getLong("events"),
            rs.getInt("key_features_used"));

    static final RowMapper<Ticket> TICKET = (rs, ctx) -> new Ticket(
            rs.getString("ticket_id"),
            rs.getString("account_id"),
            date(rs, "opened_on"),
            optionalDate(rs, "closed_on"),
            rs.getInt("severity"),
            rs.getString("subject"));

    static final RowMapper<FeedbackResponse> FEEDBACK = (rs, ctx) -> new FeedbackResponse(
            rs.getString("account_id"),
            rs.getString("contact_email"),
            date(rs, "date"),
            FeedbackKind.fromLabel(rs.getString("kind")).orElseThrow(),
            rs.getInt("score"),
            Optional.ofNullable(rs.getString("comment")).filter(c -> !c.isBlank()));

    static final RowMapper<Meeting> MEETING = (rs, ctx) -> new Meeting(
            rs.getString("account_id"),
            date(rs, "date"),
            MeetingKind.fromLabel(rs.getString("kind")).orElseThrow(),
            rs.getInt("exec_attended") != 0);

    static final RowMapper<SuccessPlanObjective> OBJECTIVE = (rs, ctx) -> new SuccessPlanObjective(
            rs.getString("account_id"),
            rs.getString("objective"),
            rs.getString("metric"),
            rs.getString("target"),
            date(rs, "due_date"),
            ObjectiveStatus.fromLabel(rs.getString("status")).orElseThrow());

    /** Usage rows selected as (account_id, date, active_users, events, key_features_used), by position. */
    static final RowMapper<UsageDay> USAGE_BY_POSITION = (rs, ctx) -> new UsageDay(
            rs.getString(1), isoDate(rs.getString(2)), rs.getInt(3), rs.getLong(4), rs.getInt(5));

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return isoDate(rs.getString(column));
    }

    private static Optional<LocalDate> optionalDate(ResultSet rs, String column) throws SQLException {
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
