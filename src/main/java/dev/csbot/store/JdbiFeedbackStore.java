package dev.csbot.store;

import dev.csbot.voc.ChatPlace;
import dev.csbot.voc.FeedbackAnswer;
import dev.csbot.voc.FeedbackRecord;
import dev.csbot.voc.FeedbackStore;
import dev.csbot.voc.FollowUp;
import dev.csbot.voc.PromptKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.springframework.stereotype.Component;

@Component
class JdbiFeedbackStore implements FeedbackStore {

    private static final String ANSWER_COLUMNS = "answer_id, send_id, account_id, prompt_id, kind, respondent_key,"
            + " contact_email, anonymous, score, comment, platform, conversation_id, answered_on, answered_at,"
            + " updated_at, needs_follow_up";


    /**
     * Imported responses (with the chat answer they mirror, if any) and chat answers that have no response row
     * (product requests, check-ins). A mirrored answer's own columns win: an anonymous one shows no email.
     */
    private static final String RECORDS = "SELECT * FROM ("
            + "SELECT r.account_id AS account_id, r.date AS day, r.kind AS kind, r.score AS score, r.comment AS comment,"
            + " CASE WHEN a.answer_id IS NULL THEN r.contact_email ELSE a.contact_email END AS email,"
            + " a.answer_id AS answer_id, a.anonymous AS anonymous, a.platform AS platform,"
            + " a.conversation_id AS conversation_id"
            + " FROM feedback_responses r LEFT JOIN feedback_answers a ON a.account_id = r.account_id"
            + " AND a.response_email = r.contact_email AND a.response_date = r.date AND a.kind = r.kind"
            + " WHERE r.date >= :from <accountFilterR>"
            + " UNION ALL"
            + " SELECT a.account_id, a.answered_on, a.kind, a.score, a.comment, a.contact_email, a.answer_id,"
            + " a.anonymous, a.platform, a.conversation_id FROM feedback_answers a"
            + " WHERE a.response_email IS NULL AND a.answered_on >= :from <accountFilterA>"
            // A total order, the same on every store (SQLite sorts NULL first, PostgreSQL last: hence COALESCE).
            + ") records ORDER BY day, account_id, kind, COALESCE(email, ''), COALESCE(answer_id, '')";

    private static final RowMapper<FeedbackRecord> RECORD = (rs, ctx) -> {
        String answerId = rs.getString(7);
        int score = rs.getInt(4);
        OptionalInt scored = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(score);
        return new FeedbackRecord(rs.getString(1), Rows.isoDate(rs.getString(2)), kind(rs.getString(3)), scored,
                Optional.ofNullable(rs.getString(5)).filter(c -> !c.isBlank()), Optional.ofNullable(rs.getString(6)),
                answerId != null && rs.getInt(8) != 0, Optional.ofNullable(answerId),
                answerId == null ? Optional.empty() : Optional.of(new ChatPlace(rs.getString(9), rs.getString(10))));
    };

    private static final RowMapper<FeedbackAnswer> ANSWER = JdbiFeedbackStore::answer;

    private final Jdbi jdbi;

    JdbiFeedbackStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<FeedbackAnswer> findAnswer(String sendId, String respondentKey) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + ANSWER_COLUMNS + " FROM feedback_answers"
                        + " WHERE send_id = :send AND respondent_key = :respondent")
                .bind("send", sendId).bind("respondent", respondentKey).map(ANSWER).findOne());
    }

    @Override
    public void saveAnswer(FeedbackAnswer answer) {
        jdbi.useTransaction(h -> {
            // Written first: a SQLite transaction that reads before it writes cannot wait for another writer.
            // Answered: the reminder is moot. The raw token is kept only while the prompt itself still waits.
            h.createUpdate("UPDATE feedback_sends SET answered_at = COALESCE(answered_at, :at),"
                            + " pending_token = CASE WHEN delivery = 'queued' THEN pending_token ELSE NULL END"
                            + " WHERE send_id = :send")
                    .bind("at", StoredInstants.format(answer.updatedAt())).bind("send", answer.sendId()).execute();
            h.createQuery("SELECT response_email, response_date FROM feedback_answers WHERE answer_id = :id")
                    .bind("id", answer.id()).mapToMap().findOne()
                    .filter(previous -> previous.get("response_email") != null)
                    .ifPresent(previous -> h.createUpdate("DELETE FROM feedback_responses WHERE account_id = :account"
                                    + " AND contact_email = :email AND date = :date AND kind = :kind")
                            .bind("account", answer.accountId()).bind("email", (String) previous.get("response_email"))
                            .bind("date", (String) previous.get("response_date")).bind("kind", answer.kind().label())
                            .execute());
            boolean mirrored = answer.kind().survey().isPresent() && answer.score().isPresent();
            if (mirrored) {
                mirror(h, answer);
            }
            h.createUpdate("INSERT INTO feedback_answers (" + ANSWER_COLUMNS + ", response_email, response_date)"
                            + " VALUES (:id, :send, :account, :prompt, :kind, :respondent, :email, :anonymous, :score,"
                            + " :comment, :platform, :conversation, :answeredOn, :answeredAt, :updatedAt, :followUp,"
                            + " :responseEmail, :responseDate)"
                            + " ON CONFLICT (answer_id) DO UPDATE SET contact_email = excluded.contact_email,"
                            + " anonymous = excluded.anonymous, score = excluded.score, comment = excluded.comment,"
                            + " platform = excluded.platform, conversation_id = excluded.conversation_id,"
                            + " updated_at = excluded.updated_at, needs_follow_up = excluded.needs_follow_up,"
                            + " response_email = excluded.response_email, response_date = excluded.response_date")
                    .bind("id", answer.id()).bind("send", answer.sendId()).bind("account", answer.accountId())
                    .bind("prompt", answer.promptId()).bind("kind", answer.kind().label())
                    .bind("respondent", answer.respondentKey()).bind("email", answer.contactEmail().orElse(null))
                    .bind("anonymous", answer.anonymous() ? 1 : 0)
                    .bind("score", answer.score().isPresent() ? answer.score().getAsInt() : null)
                    .bind("comment", answer.comment().orElse(null)).bind("platform", answer.place().platform())
                    .bind("conversation", answer.place().conversationId())
                    .bind("answeredOn", answer.answeredOn().toString())
                    .bind("answeredAt", StoredInstants.format(answer.answeredAt()))
                    .bind("updatedAt", StoredInstants.format(answer.updatedAt()))
                    .bind("followUp", answer.needsFollowUp() ? 1 : 0)
                    .bind("responseEmail", mirrored ? answer.responseKey() : null)
                    .bind("responseDate", mirrored ? answer.answeredOn().toString() : null)
                    .execute();
            PortfolioChangeLog.recordWithoutUsage(h, java.util.Set.of(answer.accountId()), "feedback_responses");
        });
    }

    /** The survey response the health score reads, filed under the answer's response key on its day. */
    private static void mirror(Handle h, FeedbackAnswer answer) {
        String email = answer.responseKey();
        String date = answer.answeredOn().toString();
        h.createUpdate("INSERT INTO feedback_responses (account_id, contact_email, date, kind, score, comment)"
                        + " VALUES (:account, :email, :date, :kind, :score, :comment)"
                        + " ON CONFLICT (account_id, contact_email, date, kind) DO UPDATE SET score = excluded.score,"
                        + " comment = excluded.comment")
                .bind("account", answer.accountId()).bind("email", email).bind("date", date)
                .bind("kind", answer.kind().label()).bind("score", answer.score().getAsInt())
                .bindBySqlType("comment", answer.comment().orElse(null), Types.VARCHAR)
                .execute();
        // Another answer filed under the same key (the same person, day and survey) no longer has its row.
        h.createUpdate("UPDATE feedback_answers SET response_email = NULL, response_date = NULL"
                        + " WHERE account_id = :account AND response_email = :email AND response_date = :date"
                        + " AND kind = :kind AND answer_id <> :id")
                .bind("account", answer.accountId()).bind("email", email).bind("date", date)
                .bind("kind", answer.kind().label()).bind("id", answer.id()).execute();
    }

    @Override
    public List<FeedbackRecord> since(LocalDate from) {
        return jdbi.withHandle(h -> h.createQuery(RECORDS).define("accountFilterR", "").define("accountFilterA", "")
                .bind("from", from.toString()).map(RECORD).list());
    }

    @Override
    public List<FeedbackRecord> forAccount(String accountId, LocalDate from) {
        return jdbi.withHandle(h -> h.createQuery(RECORDS)
                .define("accountFilterR", "AND r.account_id = :id").define("accountFilterA", "AND a.account_id = :id")
                .bind("from", from.toString()).bind("id", accountId).map(RECORD).list());
    }

    @Override
    public List<FollowUp> followUps(String accountId, LocalDate from) {
        return jdbi.withHandle(h -> h.createQuery("SELECT answer_id, kind, score, comment, contact_email, anonymous,"
                        + " answered_on, followed_up_by, followed_up_at FROM feedback_answers WHERE account_id = :account"
                        + " AND needs_follow_up = 1 AND answered_on >= :from ORDER BY answered_at DESC, answer_id")
                .bind("account", accountId).bind("from", from.toString())
                .map((rs, ctx) -> {
                    int score = rs.getInt("score");
                    OptionalInt scored = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(score);
                    boolean anonymous = rs.getInt("anonymous") != 0;
                    return new FollowUp(rs.getString("answer_id"), kind(rs.getString("kind")), scored,
                            Optional.ofNullable(rs.getString("comment")).filter(c -> !c.isBlank()),
                            anonymous ? Optional.empty() : Optional.ofNullable(rs.getString("contact_email")), anonymous,
                            Rows.isoDate(rs.getString("answered_on")), Optional.ofNullable(rs.getString("followed_up_by")),
                            StoredInstants.parseOptional(rs.getString("followed_up_at")));
                })
                .list());
    }

    @Override
    public int markFollowedUp(String accountId, String by, Instant at) {
        return jdbi.inTransaction(h -> {
            int marked = h.createUpdate("UPDATE feedback_answers SET followed_up_by = :by, followed_up_at = :at"
                            + " WHERE account_id = :account AND needs_follow_up = 1 AND followed_up_at IS NULL")
                    .bind("by", by).bind("at", StoredInstants.format(at)).bind("account", accountId).execute();
            if (marked > 0) {
                h.createUpdate("INSERT INTO audit_log (id, at, actor, action, account_id, detail)"
                                + " VALUES (:id, :at, :actor, 'feedback-followed-up', :account, :detail)")
                        .bind("id", java.util.UUID.randomUUID().toString()).bind("at", StoredInstants.format(at))
                        .bind("actor", by).bind("account", accountId)
                        .bind("detail", marked + (marked == 1 ? " answer" : " answers") + " followed up").execute();
            }
            return marked;
        });
    }

    private static PromptKind kind(String label) {
        return PromptKind.fromLabel(label).orElseThrow(() -> new IllegalStateException("unknown feedback kind "
                + label));
    }

    private static FeedbackAnswer answer(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws SQLException {
        int score = rs.getInt("score");
        OptionalInt scored = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(score);
        return new FeedbackAnswer(rs.getString("answer_id"), rs.getString("send_id"), rs.getString("account_id"),
                rs.getString("prompt_id"), kind(rs.getString("kind")), rs.getString("respondent_key"),
                Optional.ofNullable(rs.getString("contact_email")), rs.getInt("anonymous") != 0, scored,
                Optional.ofNullable(rs.getString("comment")),
                new ChatPlace(rs.getString("platform"), rs.getString("conversation_id")),
                Rows.isoDate(rs.getString("answered_on")), StoredInstants.parse(rs.getString("answered_at")),
                StoredInstants.parse(rs.getString("updated_at")), rs.getInt("needs_follow_up") != 0);
    }
}
