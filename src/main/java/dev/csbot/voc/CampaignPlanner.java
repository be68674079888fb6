package dev.csbot.voc;

import dev.csbot.account.BookSignals;
import dev.csbot.account.Contact;
import dev.csbot.account.LifecycleStage;
import dev.csbot.account.Ticket;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who is due a prompt today, from the prompts' campaign settings: a trigger (an urgent ticket closed, an
 * onboarding milestone reached) before a schedule (NPS every 90 days per contact), each contact at most
 * once a day and never within the prompt's throttle days of their last prompt. Pure: the caller reads the
 * accounts and the send history and queues what comes out.
 */
public final class CampaignPlanner {

    /** A milestone missed by a few days (the service was down) still sends, within this grace. */
    static final int MILESTONE_GRACE_DAYS = 6;
    /** The origin of a scheduled send (NPS every 90 days). */
    static final String SCHEDULE = "schedule";

    private CampaignPlanner() {}

    /** One prompt due for one contact, with the origin that keeps a trigger from firing twice, and why. */
    public record Due(FeedbackPrompt prompt, String accountId, Contact contact, String origin, String why) {}

    /**
     * A prompt that was due for a contact but held back, why (in the CSM's words), and the first day they may be
     * asked again.
     */
    public record Held(Due due, String reason, LocalDate notBefore) {}

    /** Today's campaign: what to send, and what the throttle held back. */
    public record Plan(List<Due> due, List<Held> held) {}

    /** What is due today (see {@link #plan}). */
    public static List<Due> due(LocalDate today, ZoneId zone, Collection<FeedbackPrompt> prompts,
            List<BookSignals> accounts, List<PromptSend> history) {
        return plan(today, zone, prompts, accounts, history).due();
    }

    /**
     * @param history the sends of at least the longest schedule or throttle, any prompt, any recipient
     */
    public static Plan plan(LocalDate today, ZoneId zone, Collection<FeedbackPrompt> prompts,
            List<BookSignals> accounts, List<PromptSend> history) {
        Day day = new Day(today, zone, prompts, history);
        accounts.forEach(day::consider);
        return day.plan();
    }

    /**
     * One day's plan, built account by account as the book streams by ({@link #consider}), so that a campaign over
     * a large book holds the plan in memory, not the book.
     */
    public static final class Day {
        private final LocalDate today;
        private final ZoneId zone;
        private final Map<String, PromptSend> latestSend = new HashMap<>();
        private final Map<String, Instant> latestTo = new HashMap<>();
        private final Map<String, Instant> latestOfPrompt = new HashMap<>();
        private final Set<String> origins = new HashSet<>();
        private final List<FeedbackPrompt> ordered;
        private final List<Due> due = new ArrayList<>();
        private final List<Held> held = new ArrayList<>();
        private final Map<String, String> askedToday = new HashMap<>();

        /** @param history the sends of at least the longest schedule or throttle, any prompt, any recipient */
        public Day(LocalDate today, ZoneId zone, Collection<FeedbackPrompt> prompts, List<PromptSend> history) {
            this.today = today;
            this.zone = zone;
            for (PromptSend send : history) {
                String key = send.recipient().key();
                latestTo.merge(key, send.createdAt(), (a, b) -> a.isAfter(b) ? a : b);
                latestSend.merge(key, send, (a, b) -> a.createdAt().isAfter(b.createdAt()) ? a : b);
                latestOfPrompt.merge(key + "|" + send.promptId(), send.createdAt(), (a, b) -> a.isAfter(b) ? a : b);
                origins.add(send.accountId() + "|" + send.promptId() + "|" + send.origin());
            }
            this.ordered = prompts.stream()
                    .filter(p -> p.campaign().trigger().isPresent() || p.campaign().everyDays().isPresent())
                    .sorted(Comparator.comparing((FeedbackPrompt p) -> p.campaign().trigger().isEmpty()))
                    .toList();
        }

        /** What is due (or held back) today for one account's contacts. */
        public void consider(BookSignals signals) {
            for (FeedbackPrompt prompt : ordered) {
                for (Candidate candidate : candidates(prompt, signals, today, latestOfPrompt, origins, zone)) {
                    String key = new Recipient.ContactRecipient(candidate.contact().email(), "").key();
                    Due wanted = new Due(prompt, signals.account().id(), candidate.contact(), candidate.origin(),
                            candidate.why());
                    Instant last = latestTo.get(key);
                    int days = prompt.campaign().throttleDays();
                    LocalDate lastDay = last == null ? null : LocalDate.ofInstant(last, zone);
                    if (lastDay != null && days > 0 && lastDay.plusDays(days).isAfter(today)) {
                        held.add(new Held(wanted, "got the " + latestSend.get(key).promptId() + " prompt on " + lastDay
                                + "; at most one prompt per " + days + " days, so not before " + lastDay.plusDays(days),
                                lastDay.plusDays(days)));
                    } else if (askedToday.containsKey(key)) {
                        held.add(new Held(wanted, "is asked for " + askedToday.get(key) + " today; one prompt per"
                                + " contact a day", today.plusDays(1)));
                    } else {
                        askedToday.put(key, prompt.id());
                        due.add(wanted);
                    }
                }
            }
        }

        public Plan plan() {
            return new Plan(List.copyOf(due), List.copyOf(held));
        }
    }

    private record Candidate(Contact contact, String origin, String why) {}

    private static List<Candidate> candidates(FeedbackPrompt prompt, BookSignals signals, LocalDate today,
            Map<String, Instant> latestOfPrompt, Set<String> origins, ZoneId zone) {
        String accountId = signals.account().id();
        List<Contact> audience = FeedbackSender.forAudience(prompt.campaign().audience(), signals.contacts(), today);
        List<Candidate> out = new ArrayList<>();
        Optional<FeedbackPrompt.Trigger> trigger = prompt.campaign().trigger();
        if (trigger.isPresent() && trigger.get() instanceof FeedbackPrompt.UrgentTicketClosed closed) {
            LocalDate from = today.minusDays(closed.withinDays() - 1L);
            for (Ticket ticket : signals.tickets()) {
                Optional<LocalDate> closedOn = ticket.closedOn();
                String origin = "ticket:" + ticket.id();
                if (ticket.severity() == 1 && closedOn.isPresent() && !closedOn.get().isBefore(from)
                        && !closedOn.get().isAfter(today) && !origins.contains(accountId + "|" + prompt.id() + "|" + origin)) {
                    String why = "urgent ticket " + ticket.id() + " closed on " + closedOn.get();
                    audience.forEach(c -> out.add(new Candidate(c, origin, why)));
                }
            }
        } else if (trigger.isPresent() && trigger.get() instanceof FeedbackPrompt.OnboardingMilestone milestone) {
            LocalDate day = signals.account().contractStart().plusDays(milestone.day());
            String origin = "milestone:" + milestone.day();
            if (signals.account().lifecycleStage() == LifecycleStage.ONBOARDING && !day.isAfter(today)
                    && !day.isBefore(today.minusDays(MILESTONE_GRACE_DAYS))
                    && !origins.contains(accountId + "|" + prompt.id() + "|" + origin)) {
                String why = "onboarding day " + milestone.day() + " (" + day + ")";
                audience.forEach(c -> out.add(new Candidate(c, origin, why)));
            }
        } else if (prompt.campaign().everyDays().isPresent()) {
            int every = prompt.campaign().everyDays().get();
            for (Contact contact : audience) {
                String key = new Recipient.ContactRecipient(contact.email(), "").key();
                Instant last = latestOfPrompt.get(key + "|" + prompt.id());
                if (last == null) {
                    out.add(new Candidate(contact, SCHEDULE, "never asked " + prompt.id()));
                } else if (!LocalDate.ofInstant(last, zone).plusDays(every).isAfter(today)) {
                    out.add(new Candidate(contact, SCHEDULE, "last asked " + prompt.id() + " on "
                            + LocalDate.ofInstant(last, zone) + ", every " + every + " days"));
                }
            }
        }
        return out;
    }
}
