package dev.csbot.store;

import dev.csbot.alerts.AlertChange;
import dev.csbot.alerts.AlertCommit;
import dev.csbot.alerts.AlertService;
import dev.csbot.alerts.AlertState;
import dev.csbot.alerts.AlertStore;
import dev.csbot.alerts.Finding;
import dev.csbot.alerts.Severity;
import dev.csbot.alerts.StoredAlert;
import dev.csbot.health.Playbook;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.springframework.stereotype.Component;

@Component
class JdbiAlertStore implements AlertStore {

    static final String SYSTEM = "csbot";
    private static final int MAX_SUMMARY = 500;
    /** SQLite binds at most 32,766 parameters; chunks of account ids stay far below. */
    private static final int IN_CHUNK = 500;
    /** Past this many accounts one read of every unresolved alert is cheaper than asking by ids. */
    private static final int ALL_FROM = 1_000;

    private static final String COLUMNS = "alert_id, account_id, rule_id, status, severity, summary, owner_email,"
            + " raised_at, evidence, playbook, level, notified_severity, notified_level, notified_on, snoozed_until,"
            + " snoozed_by, acknowledged_by, acknowledged_at, playbook_started_by, resolved_at";

    private final Jdbi jdbi;

    JdbiAlertStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<StoredAlert> unresolved(Collection<String> accountIds) {
        if (accountIds.isEmpty()) {
            return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM alerts WHERE status <> 'resolved'")
                    .map((rs, ctx) -> alert(rs)).list());
        }
        if (accountIds.size() > ALL_FROM) {
            // Every unresolved alert, kept for these accounts: asked by ids in chunks, PostgreSQL searched each list of
            // ids row by row over the alerts (0.7 s a chunk of 500 ids at 55,000 alerts).
            Set<String> wanted = Set.copyOf(accountIds);
            return unresolved(List.of()).stream().filter(a -> wanted.contains(a.accountId())).toList();
        }
        List<String> ids = List.copyOf(accountIds);
        List<StoredAlert> found = new ArrayList<>();
        jdbi.useHandle(h -> {
            for (int from = 0; from < ids.size(); from += IN_CHUNK) {
                found.addAll(h.createQuery("SELECT " + COLUMNS + " FROM alerts WHERE status <> 'resolved'"
                                + " AND account_id IN (<ids>)")
                        .bindList("ids", ids.subList(from, Math.min(ids.size(), from + IN_CHUNK)))
                        .map((rs, ctx) -> alert(rs)).list());
            }
        });
        return found;
    }

    @Override
    public void commit(AlertCommit commit) {
        try {
            jdbi.useTransaction(h -> write(h, commit));
        } catch (UnableToExecuteStatementException e) {
            if (isUniqueViolation(e)) {
                throw new AlertService.AlertConflict("an unresolved alert for the same account and rule exists", e);
            }
            throw e;
        }
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && ("23505".equals(sql.getSQLState())
                    || String.valueOf(sql.getMessage()).contains("UNIQUE constraint failed: alerts."))) {
                return true;
            }
        }
        return false;
    }

    private static void write(Handle h, AlertCommit commit) {
        String at = StoreTime.text(commit.at());
        String asOf = commit.asOf().toString();
        ChunkedBatch inserts = new ChunkedBatch(h, "INSERT INTO alerts (alert_id, account_id, rule_id, status,"
                + " severity, summary, owner_email, raised_at, updated_at, evidence, playbook, level, notified_severity,"
                + " notified_level, notified_on) SELECT :id, :account, :rule, 'open', :severity, :summary, csm_email,"
                + " :at, :at, :evidence, :playbook, :level, :severity, :level, :asOf FROM accounts"
                + " WHERE account_id = :account");
        ChunkedBatch told = new ChunkedBatch(h, "UPDATE alerts SET status = 'open', severity = :severity,"
                + " summary = :summary, evidence = :evidence, level = :level, updated_at = :at,"
                + " notified_severity = :severity, notified_level = :level, notified_on = :asOf, snoozed_until = NULL,"
                + " snoozed_by = NULL, acknowledged_by = NULL, acknowledged_at = NULL WHERE alert_id = :id");
        ChunkedBatch refreshed = new ChunkedBatch(h, "UPDATE alerts SET severity = :severity, summary = :summary,"
                + " evidence = :evidence, level = :level, updated_at = :at WHERE alert_id = :id");
        ChunkedBatch resolved = new ChunkedBatch(h, "UPDATE alerts SET status = 'resolved', resolved_at = :at,"
                + " updated_at = :at WHERE alert_id = :id AND status <> 'resolved'");
        ChunkedBatch audit = new ChunkedBatch(h, "INSERT INTO audit_log (id, at, actor, action, account_id, detail)"
                + " VALUES (:id, :at, :actor, :action, :account, :detail)");
        for (AlertChange change : commit.changes()) {
            switch (change.kind()) {
                case NEW -> inserts.add(b -> bindFinding(b, change, at, asOf));
                case WORSE, OPEN -> {
                    if (change.tellOwner()) {
                        told.add(b -> bindFinding(b, change, at, asOf));
                    } else if (changed(change)) {
                        refreshed.add(b -> bindFinding(b, change, at, asOf));
                    }
                }
                case RESOLVED -> resolved.add(b -> b.bind("id", change.alertId()).bind("at", at));
                default -> throw new IllegalStateException("unknown change " + change.kind());
            }
            if (change.kind() != AlertChange.Kind.OPEN || change.tellOwner()) {
                String action = switch (change.kind()) {
                    case NEW -> "alert-raised";
                    case WORSE -> "alert-worse";
                    case OPEN -> "alert-reminded";
                    case RESOLVED -> "alert-resolved";
                };
                audit.add(b -> b.bind("id", UUID.randomUUID().toString()).bind("at", at).bind("actor", SYSTEM)
                        .bind("action", action).bind("account", change.accountId())
                        .bind("detail", change.ruleId() + " " + change.severity().label() + " [" + change.alertId()
                                + "]: " + change.headline()));
            }
        }
        for (ChunkedBatch batch : List.of(inserts, told, refreshed, resolved, audit)) {
            batch.finish();
        }
        // Every notice before any of its items (they refer to it), whichever chunk each falls in.
        ChunkedBatch notices = new ChunkedBatch(h, "INSERT INTO alert_notices (notice_id, account_id, created_at)"
                + " VALUES (:id, :account, :at)");
        commit.notices().forEach(notice -> notices.add(b -> b.bind("id", notice.id())
                .bind("account", notice.accountId()).bind("at", at)));
        notices.finish();
        ChunkedBatch items = new ChunkedBatch(h, "INSERT INTO alert_notice_items (notice_id, alert_id)"
                + " VALUES (:notice, :alert)");
        for (Notice notice : commit.notices()) {
            notice.alertIds().forEach(alert -> items.add(b -> b.bind("notice", notice.id()).bind("alert", alert)));
        }
        items.finish();
        JdbiOutbox.insert(h, commit.deliveries(), commit.at());
    }

    private static boolean changed(AlertChange change) {
        StoredAlert before = change.previous().orElseThrow();
        Finding now = change.finding().orElseThrow();
        return before.level() != now.level() || before.severity() != now.severity()
                || !now.evidence().equals(before.evidence());
    }

    private static void bindFinding(PreparedBatch batch, AlertChange change, String at, String asOf) {
        Finding f = change.finding().orElseThrow();
        batch.bind("id", change.alertId()).bind("account", change.accountId()).bind("rule", change.ruleId())
                .bind("severity", f.severity().label()).bind("summary", clip(f.headline()))
                .bind("evidence", f.evidence()).bind("playbook", f.playbook().id()).bind("level", f.level())
                .bind("at", at).bind("asOf", asOf);
    }

    private static String clip(String text) {
        return text.length() <= MAX_SUMMARY ? text : text.substring(0, MAX_SUMMARY - 1) + "…";
    }

    @Override
    public Optional<StoredAlert> find(String alertId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM alerts WHERE alert_id = :id")
                .bind("id", alertId).map((rs, ctx) -> alert(rs)).findOne());
    }

    @Override
    public Optional<Notice> notice(String noticeId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT account_id, created_at FROM alert_notices WHERE notice_id = :id")
                .bind("id", noticeId)
                .map((rs, ctx) -> new Notice(noticeId, rs.getString("account_id"), h.createQuery(
                                "SELECT alert_id FROM alert_notice_items WHERE notice_id = :id ORDER BY alert_id")
                        .bind("id", noticeId).mapTo(String.class).list(), StoreTime.instant(rs.getString("created_at"))))
                .findOne());
    }

    @Override
    public List<String> noticesShowing(Collection<String> alertIds) {
        List<String> ids = List.copyOf(alertIds);
        List<String> notices = new ArrayList<>();
        jdbi.useHandle(h -> {
            for (int from = 0; from < ids.size(); from += IN_CHUNK) {
                notices.addAll(h.createQuery("SELECT DISTINCT notice_id FROM alert_notice_items WHERE alert_id IN (<ids>)")
                        .bindList("ids", ids.subList(from, Math.min(ids.size(), from + IN_CHUNK)))
                        .mapTo(String.class).list());
            }
        });
        return notices.stream().distinct().toList();
    }

    @Override
    public List<StoredAlert> search(Optional<AlertState> state, Optional<String> accountId, Optional<String> ownerEmail,
            boolean unresolvedOnly, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM alerts WHERE 1 = 1");
        state.ifPresent(s -> sql.append(" AND status = :state"));
        accountId.ifPresent(a -> sql.append(" AND account_id = :account"));
        ownerEmail.ifPresent(o -> sql.append(" AND lower(owner_email) = lower(:owner)"));
        if (unresolvedOnly) {
            sql.append(" AND status <> 'resolved'");
        }
        // What is still open comes most urgent first (severity, then the account's ARR); history most recent first.
        sql.append(unresolvedOnly
                ? " ORDER BY CASE severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END,"
                        + " (SELECT arr FROM accounts c WHERE c.account_id = alerts.account_id) DESC, updated_at DESC, alert_id"
                : " ORDER BY updated_at DESC, alert_id");
        sql.append(" LIMIT :limit");
        return jdbi.withHandle(h -> {
            var query = h.createQuery(sql.toString()).bind("limit", limit);
            state.ifPresent(s -> query.bind("state", s.label()));
            accountId.ifPresent(a -> query.bind("account", a));
            ownerEmail.ifPresent(o -> query.bind("owner", o));
            return query.map((rs, ctx) -> alert(rs)).list();
        });
    }

    @Override
    public void acted(String noticeId, Action action, String actor, Instant at, Optional<LocalDate> snoozedUntil) {
        String set = switch (action) {
            case ACKNOWLEDGED -> "status = CASE WHEN status = 'open' THEN 'acknowledged' ELSE status END,"
                    + " acknowledged_by = :actor, acknowledged_at = :at";
            case SNOOZED -> "status = 'snoozed', snoozed_until = :until, snoozed_by = :actor";
            case PLAYBOOK_STARTED -> "playbook_started_by = :actor, playbook_started_at = :at";
        };
        String name = switch (action) {
            case ACKNOWLEDGED -> "alert-acknowledged";
            case SNOOZED -> "alert-snoozed";
            case PLAYBOOK_STARTED -> "alert-playbook-started";
        };
        // Write first: a SQLite transaction that reads before it writes cannot wait for another writer.
        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE alerts SET " + set + ", updated_at = :at WHERE status <> 'resolved' AND alert_id IN"
                            + " (SELECT alert_id FROM alert_notice_items WHERE notice_id = :notice)")
                    .bind("notice", noticeId).bind("actor", actor).bind("at", StoreTime.text(at))
                    .bind("until", snoozedUntil.map(LocalDate::toString).orElse(null)).execute();
            List<String[]> alerts = h.createQuery("SELECT a.alert_id, a.account_id, a.rule_id FROM alerts a"
                            + " JOIN alert_notice_items i ON i.alert_id = a.alert_id WHERE i.notice_id = :notice"
                            + " AND a.status <> 'resolved'")
                    .bind("notice", noticeId)
                    .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list();
            for (String[] alert : alerts) {
                h.createUpdate("INSERT INTO audit_log (id, at, actor, action, account_id, detail)"
                                + " VALUES (:id, :at, :actor, :action, :account, :detail)")
                        .bind("id", UUID.randomUUID().toString()).bind("at", StoreTime.text(at)).bind("actor", actor)
                        .bind("action", name).bind("account", alert[1])
                        .bind("detail", alert[2] + " [" + alert[0] + "]"
                                + snoozedUntil.map(d -> " until " + d).orElse(""))
                        .execute();
            }
        });
    }

    private static StoredAlert alert(ResultSet rs) throws SQLException {
        Severity severity = Severity.fromLabel(rs.getString("severity")).orElse(Severity.MEDIUM);
        String summary = rs.getString("summary");
        Instant raised = StoreTime.instant(rs.getString("raised_at"));
        double level = rs.getDouble("level");
        String notifiedOn = rs.getString("notified_on");
        return new StoredAlert(rs.getString("alert_id"), rs.getString("account_id"), rs.getString("rule_id"),
                AlertState.fromLabel(rs.getString("status")), severity, summary,
                Optional.ofNullable(rs.getString("evidence")).orElse(summary),
                Playbook.fromId(String.valueOf(rs.getString("playbook"))).orElse(Playbook.RENEWAL_AT_RISK), level,
                rs.getString("owner_email"), raised,
                Severity.fromLabel(rs.getString("notified_severity")).orElse(severity),
                rs.getObject("notified_level") == null ? level : rs.getDouble("notified_level"),
                notifiedOn == null ? LocalDate.ofInstant(raised, java.time.ZoneOffset.UTC) : LocalDate.parse(notifiedOn),
                Optional.ofNullable(rs.getString("snoozed_until")).map(LocalDate::parse),
                Optional.ofNullable(rs.getString("snoozed_by")),
                Optional.ofNullable(rs.getString("acknowledged_by")),
                Optional.ofNullable(StoreTime.instant(rs.getString("acknowledged_at"))),
                Optional.ofNullable(rs.getString("playbook_started_by")),
                Optional.ofNullable(StoreTime.instant(rs.getString("resolved_at"))));
    }
}
