package dev.csbot.voc;

import dev.csbot.account.Account;
import dev.csbot.account.AccountRepository;
import dev.csbot.account.AccountSignals;
import dev.csbot.account.Contact;
import dev.csbot.voc.FeedbackPrompt.Audience;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Decides whom a prompt addresses, applies the throttle, and queues one send per recipient. */
final class FeedbackSender {

    private final AccountRepository accounts;
    private final PromptSends sends;
    private final Clock clock;
    /** Where a contact named by email is reached when the CSM asked from neither chat (the command line). */
    private final String defaultPlatform;

    FeedbackSender(AccountRepository accounts, PromptSends sends, Clock clock, String defaultPlatform) {
        this.accounts = accounts;
        this.sends = sends;
        this.clock = clock;
        this.defaultPlatform = defaultPlatform.toLowerCase(Locale.ROOT);
    }

    SendResult send(FeedbackPrompt prompt, Account account, SendTarget target, Optional<String> requestPlatform,
            String requestedBy, String origin) {
        Instant now = Instant.now(clock);
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        List<Recipient> recipients = new ArrayList<>();
        Optional<String> platform = Optional.empty();
        // Java 17 has no pattern switch: the four targets in turn, the last one checked by the cast.
        if (target instanceof SendTarget.Audience) {
            List<Contact> contacts = contacts(account, today);
            recipients.addAll(forAudience(prompt.campaign().audience(), contacts, today).stream()
                    .map(c -> new Recipient.ContactRecipient(c.email(), c.name())).toList());
            if (recipients.isEmpty()) {
                return new SendResult.NoRecipient(account.name() + " has no active "
                        + (prompt.campaign().audience() == Audience.CHAMPION ? "champion or executive sponsor"
                        : "contacts") + " to ask. Name a contact by email, a user (@name) or a channel (#name).");
            }
            platform = requestPlatform.or(() -> Optional.of(defaultPlatform));
        } else if (target instanceof SendTarget.Email email) {
            Optional<Contact> contact = contacts(account, today).stream()
                    .filter(c -> c.email().equalsIgnoreCase(email.email()) && c.activeOn(today)).findFirst();
            if (contact.isEmpty()) {
                return new SendResult.NoRecipient(email.email() + " is not an active contact of " + account.name()
                        + ". Check the email, or import the contact first (contacts.csv).");
            }
            recipients.add(new Recipient.ContactRecipient(contact.get().email(), contact.get().name()));
            platform = requestPlatform.or(() -> Optional.of(defaultPlatform));
        } else if (target instanceof SendTarget.ChatUser user) {
            recipients.add(new Recipient.ChatUserRecipient(user.platform(), user.userId(), user.name()));
            platform = Optional.of(user.platform());
        } else {
            SendTarget.Channel channel = (SendTarget.Channel) target;
            recipients.add(new Recipient.ChannelRecipient(channel.platform(), channel.channelId(), channel.name()));
            platform = Optional.of(channel.platform());
        }
        Map<String, PromptSend> latest = sends.latestTo(recipients.stream().map(Recipient::key).toList());
        List<PromptSends.QueuedSend> queued = new ArrayList<>();
        List<SendResult.HeldBack> heldBack = new ArrayList<>();
        for (Recipient recipient : recipients) {
            Optional<String> reason = Throttle.heldBack(prompt, Optional.ofNullable(latest.get(recipient.key())), now,
                    clock.getZone());
            if (reason.isPresent()) {
                heldBack.add(new SendResult.HeldBack(recipient, reason.get()));
            } else {
                queued.add(newSend(prompt, account, recipient, platform, requestedBy, origin, now));
            }
        }
        if (!queued.isEmpty()) {
            sends.queue(queued);
        }
        return new SendResult.Queued(prompt, queued, heldBack);
    }

    /**
     * Queues what a campaign planned for today (the planner applied the throttle already), each contact on the
     * default platform. A send another instance queued for the same contact, prompt and origin today is skipped
     * by its campaign key. Returns the sends stored.
     */
    List<PromptSends.QueuedSend> queueCampaign(List<CampaignPlanner.Due> due, Map<String, Account> byId) {
        Instant now = Instant.now(clock);
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        List<PromptSends.QueuedSend> queued = new ArrayList<>();
        for (CampaignPlanner.Due d : due) {
            Account account = byId.get(d.accountId());
            Recipient recipient = new Recipient.ContactRecipient(d.contact().email(), d.contact().name());
            PromptSends.QueuedSend send = newSend(d.prompt(), account, recipient, Optional.of(defaultPlatform),
                    CAMPAIGN, d.origin(), now);
            // A trigger fires once per contact; a schedule once per contact and day.
            String key = recipient.key() + "|" + d.prompt().id() + "|" + d.origin()
                    + (d.origin().equals(CampaignPlanner.SCHEDULE) ? "|" + today : "");
            queued.add(new PromptSends.QueuedSend(send.send(), send.token(), Optional.of(key)));
        }
        return queued.isEmpty() ? List.of() : sends.queue(queued);
    }

    /** Who queued a campaign's sends, as the audit and /feedback show it. */
    static final String CAMPAIGN = "campaign";

    private List<Contact> contacts(Account account, LocalDate today) {
        return accounts.signals(account.id(), today, today).map(AccountSignals::contacts).orElse(List.of());
    }

    /** The contacts a prompt goes to when nobody is named: every active one, or the champion (else the sponsor). */
    static List<Contact> forAudience(Audience audience, List<Contact> contacts, LocalDate today) {
        List<Contact> active = contacts.stream().filter(c -> c.activeOn(today)).toList();
        if (audience == Audience.EVERY_CONTACT) {
            return active;
        }
        List<Contact> champions = active.stream().filter(Contact::champion).toList();
        return champions.isEmpty() ? active.stream().filter(Contact::execSponsor).toList() : champions;
    }

    private static PromptSends.QueuedSend newSend(FeedbackPrompt prompt, Account account, Recipient recipient,
            Optional<String> platform, String requestedBy, String origin, Instant now) {
        String token = PromptToken.generate();
        Optional<Instant> reminder = prompt.campaign().reminderAfterDays().isPresent()
                ? Optional.of(now.plus(Duration.ofDays(prompt.campaign().reminderAfterDays().getAsInt())))
                : Optional.empty();
        PromptSend send = new PromptSend(UUID.randomUUID().toString(), account.id(), prompt.id(), recipient,
                platform.map(p -> p.toLowerCase(Locale.ROOT)), PromptToken.hash(token), origin, requestedBy, now,
                now.plus(Duration.ofDays(prompt.answerWindow().openDays())), reminder, Optional.empty(),
                Optional.empty());
        return new PromptSends.QueuedSend(send, token);
    }
}
