package dev.csbot.voc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The prompts sent, kept by the store. Queueing a send writes its delivery (the outbox row of its message) in the
 * same transaction; so does queueing its reminder, and recording campaign prompts held back.
 */
public interface PromptSends {

    /**
     * Stores new sends, each with its raw token until the messages that carry it are delivered, and their
     * deliveries. A campaign send whose {@code campaignKey} is stored already (another instance ran the same
     * campaign day) is skipped. Returns the sends stored.
     */
    List<QueuedSend> queue(List<QueuedSend> sends);

    Optional<PromptSend> findByTokenHash(String tokenHash);

    Optional<PromptSend> find(String sendId);

    /** The raw token of a send whose messages are not all delivered yet (what its message's button carries). */
    Optional<String> pendingToken(String sendId);

    /**
     * A message of the send was delivered: the raw token is forgotten once nothing left to deliver carries it (the
     * prompt with no reminder due, or the reminder).
     */
    void delivered(String sendId, boolean reminder);

    /** The conversations the send's messages were delivered to (where a contact answers in a direct message). */
    List<ChatPlace> deliveredTo(String sendId);

    /** The latest send to each of these recipient keys, if any (for the throttle). */
    Map<String, PromptSend> latestTo(Collection<String> recipientKeys);

    /** The sends about one account created at or after {@code from} (response rates). */
    List<PromptSend> forAccount(String accountId, Instant from);

    /** Every send created at or after {@code from} (a campaign's history: schedules, throttles, fired triggers). */
    List<PromptSend> createdSince(Instant from);

    /** Open sends whose reminder time has come, not answered and not reminded yet; at most {@code limit}. */
    List<PromptSend> remindersDue(Instant now, int limit);

    /**
     * Marks each send reminded and queues its reminder, in one transaction; a send reminded meanwhile (another
     * instance) or answered is left alone. Returns how many reminders were queued.
     */
    int remind(List<PromptSend> sends, Instant now);

    /**
     * Records campaign prompts the throttle held back and, for those not recorded before, one note per CSM in the
     * same transaction. Returns the holds newly recorded (a CSM hears of each hold once).
     */
    List<CampaignHold> hold(List<CampaignHold> holds, Instant now);

    /** A note to a CSM about campaign prompts held back, with its holds. */
    Optional<CampaignNote> note(String noteId);

    /** Forgets the raw tokens of sends that expired or were answered (nothing will carry them again). */
    int forgetTokens(Instant now);

    /** A send just created, with the raw token its messages carry; campaign sends have a key of their own. */
    record QueuedSend(PromptSend send, String token, Optional<String> campaignKey) {
        public QueuedSend(PromptSend send, String token) {
            this(send, token, Optional.empty());
        }
    }

    /**
     * A campaign prompt held back for one contact, and why; recorded once per (recipient, prompt, origin, the day
     * they may be asked again). {@code csm} is where the account's CSM hears of it.
     */
    record CampaignHold(String accountId, String accountName, String promptId, String recipientKey, String contact,
            String origin, String reason, LocalDate notBefore, String csmEmail, Destination csm) {}

    record CampaignNote(String id, String csmEmail, Instant createdAt, List<CampaignHold> holds) {
        public CampaignNote {
            holds = List.copyOf(holds);
        }
    }
}
