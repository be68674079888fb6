package dev.csbot.voc;

import dev.csbot.account.Account;
import dev.csbot.account.AccountRepository;
import dev.csbot.account.BookQuery;
import dev.csbot.account.BookSignalsFromHistory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The daily campaign run: queues what the prompts' schedules and triggers say is due (each send with its
 * delivery) and records what the throttle held back so each CSM hears of it once. Apart from it, and more often,
 * the one reminder of every prompt still open and unanswered once its delay has passed.
 */
final class CampaignRunner {

    /** Reminders are read and queued this many at a time (each batch one transaction). */
    static final int REMINDER_BATCH = 500;

    private final PromptCatalog prompts;
    private final AccountRepository accounts;
    private final PromptSends sends;
    private final FeedbackSender sender;
    private final Clock clock;
    private final String defaultPlatform;

    CampaignRunner(PromptCatalog prompts, AccountRepository accounts, PromptSends sends, FeedbackSender sender,
            Clock clock, String defaultPlatform) {
        this.prompts = prompts;
        this.accounts = accounts;
        this.sends = sends;
        this.sender = sender;
        this.clock = clock;
        this.defaultPlatform = defaultPlatform;
    }

    CampaignDay run(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        // Contacts and tickets of the whole history, no usage: a ticket opened long ago may have closed yesterday.
        // The book streams through the day's plan; only the accounts themselves are kept, for queueing.
        BookQuery query = new BookQuery(today, List.of(today), BookSignalsFromHistory.DAWN, Set.of(), Set.of());
        List<PromptSend> history = sends.createdSince(now.minus(Duration.ofDays(historyDays())));
        CampaignPlanner.Day day = new CampaignPlanner.Day(today, clock.getZone(), prompts.all(), history);
        Map<String, Account> byId = new HashMap<>();
        accounts.forEachInBook(query, signals -> {
            byId.put(signals.account().id(), signals.account());
            day.consider(signals);
        });
        CampaignPlanner.Plan plan = day.plan();
        int queued = sender.queueCampaign(plan.due(), byId).size();
        List<PromptSends.CampaignHold> holds = new ArrayList<>();
        for (CampaignPlanner.Held held : plan.held()) {
            Account account = byId.get(held.due().accountId());
            Recipient recipient = new Recipient.ContactRecipient(held.due().contact().email(),
                    held.due().contact().name());
            holds.add(new PromptSends.CampaignHold(account.id(), account.name(), held.due().prompt().id(),
                    recipient.key(), recipient.describe(), held.due().origin(), held.reason(), held.notBefore(),
                    account.csmEmail(), new Destination(defaultPlatform, Destination.Kind.PERSON, account.csmEmail())));
        }
        int told = holds.isEmpty() ? 0 : sends.hold(holds, now).size();
        sends.forgetTokens(now);
        return new CampaignDay(today, queued, plan.held().size(), told);
    }

    /** The one reminder of each open, unanswered prompt whose delay has passed; returns how many were queued. */
    int remind(Instant now) {
        int reminded = 0;
        for (List<PromptSend> due = Reminders.due(now, sends.remindersDue(now, REMINDER_BATCH)); !due.isEmpty();
                due = Reminders.due(now, sends.remindersDue(now, REMINDER_BATCH))) {
            int queued = sends.remind(due, now);
            reminded += queued;
            if (queued == 0) {
                break; // another instance took them all; what is left is theirs
            }
        }
        return reminded;
    }

    /** Far enough back for the longest schedule and throttle of any prompt. */
    private int historyDays() {
        int days = 1;
        for (FeedbackPrompt prompt : prompts.all()) {
            days = Math.max(days, Math.max(prompt.campaign().throttleDays(), prompt.campaign().everyDays().orElse(0)));
        }
        return days + 1;
    }
}
