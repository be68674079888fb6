package dev.csbot.alerts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Alerts, their notices (one message per account per evaluation) and their transitions, in the store. */
public interface AlertStore {

    /** Alerts not resolved, for these accounts (all accounts when {@code accountIds} is empty). */
    List<StoredAlert> unresolved(Collection<String> accountIds);

    /**
     * Writes one evaluation in ONE transaction: new and changed alerts, the notices grouping them, the outbox
     * entries delivering them, and the audit trail. Fails whole (nothing written) when another writer raised
     * the same (account, rule) first: the unique index allows one unresolved alert per pair.
     */
    void commit(AlertCommit commit);

    Optional<StoredAlert> find(String alertId);

    /** The account and alerts a notice (one posted message) is about. */
    Optional<Notice> notice(String noticeId);

    /** Notices that listed any of these alerts (their messages show them). */
    List<String> noticesShowing(Collection<String> alertIds);

    /** Most recent first, at most {@code limit}; filters may be empty. */
    List<StoredAlert> search(Optional<AlertState> state, Optional<String> accountId, Optional<String> ownerEmail,
            boolean unresolvedOnly, int limit);

    /** A person acted on the alerts of a notice: acknowledge, snooze, start the playbook. Audited. */
    void acted(String noticeId, Action action, String actor, Instant at, Optional<LocalDate> snoozedUntil);

    enum Action {
        ACKNOWLEDGED,
        SNOOZED,
        PLAYBOOK_STARTED
    }

    record Notice(String id, String accountId, List<String> alertIds, Instant createdAt) {}
}
