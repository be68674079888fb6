package dev.csbot.chat;

/** Who did what to which account, for the record (links, playbooks started, imports). */
public interface AuditTrail {

    void record(String actor, String action, String accountId, String detail);
}
