package dev.csbot.chat;

import dev.csbot.account.Account;
import dev.csbot.account.AccountDirectory;
import dev.csbot.account.AccountRepository;
import dev.csbot.account.AccountResolver;
import dev.csbot.alerts.AlertService;
import dev.csbot.alerts.AlertState;
import dev.csbot.alerts.AlertStore;
import dev.csbot.alerts.DeliveryTarget;
import dev.csbot.alerts.Outbox;
import dev.csbot.alerts.OutboxEntry;
import dev.csbot.alerts.StoredAlert;
import dev.csbot.chat.ReplyBlock.Action;
import dev.csbot.chat.ReplyBlock.Item;
import dev.csbot.chat.ReplyBlock.Tone;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Alerts as people meet them in chat: the buttons on an alert message (acknowledge, snooze, start the
 * playbook, retry a parked delivery) and {@code /alerts [account|mine|failed]}. A button answers twice: the
 * alert message is updated for everyone (through the outbox, like every proactive message), and the person who
 * pressed gets a short reply.
 */
public final class AlertDesk {

    /** The outbox item kind of a playbook checklist posted in an alert's thread. */
    public static final String CHECKLIST = "alert-checklist";
    static final int LIST_LIMIT = 25;
    static final int RETRY_BUTTONS = 5;

    private final AlertStore store;
    private final Outbox outbox;
    private final AccountRepository accounts;
    private final AccountResolver resolver;
    private final Clock clock;
    private final Runnable deliveriesWaiting;
    private final Optional<DetractorFollowUps> followUps;

    public AlertDesk(AlertStore store, Outbox outbox, AccountRepository accounts,
            Supplier<AccountDirectory> directory, Clock clock, Runnable deliveriesWaiting) {
        this(store, outbox, accounts, directory, clock, deliveriesWaiting, null);
    }

    /** @param followUps the answers behind detractor alerts, for the Followed up button (null: none) */
    public AlertDesk(AlertStore store, Outbox outbox, AccountRepository accounts,
            Supplier<AccountDirectory> directory, Clock clock, Runnable deliveriesWaiting,
            DetractorFollowUps followUps) {
        this.followUps = Optional.ofNullable(followUps);
        this.store = store;
        this.outbox = outbox;
        this.accounts = accounts;
        this.resolver = new AccountResolver(directory);
        this.clock = clock;
        this.deliveriesWaiting = deliveriesWaiting;
    }

    Reply acknowledge(ActionPress press) {
        return act(press, AlertStore.Action.ACKNOWLEDGED, Optional.empty(), (account, by) -> by
                + " acknowledged " + account.name() + "'s alert; the message now says so for everyone.");
    }

    Reply snooze(ActionPress press, int days) {
        LocalDate until = LocalDate.now(clock).plusDays(days);
        return act(press, AlertStore.Action.SNOOZED, Optional.of(until), (account, by) -> account.name()
                + "'s alert is snoozed until " + until + ": csbot will not post it again before then, unless it is"
                + " resolved.");
    }

    Reply startPlaybook(ActionPress press) {
        Optional<AlertStore.Notice> notice = store.notice(press.value());
        if (notice.isEmpty()) {
            return gone();
        }
        List<StoredAlert> alerts = alertsOf(notice.get());
        Optional<Account> account = accounts.findById(notice.get().accountId());
        if (alerts.isEmpty() || account.isEmpty()) {
            return gone();
        }
        String by = actor(press.caller());
        store.acted(notice.get().id(), AlertStore.Action.PLAYBOOK_STARTED, by, Instant.now(clock), Optional.empty());
        List<OutboxEntry> entries = new ArrayList<>(updates(notice.get(), press.message()));
        press.message().ifPresent(message -> entries.add(OutboxEntry.post(CHECKLIST, notice.get().id(),
                new DeliveryTarget(message.platform(), DeliveryTarget.Kind.CONVERSATION, message.conversationId(),
                        Optional.of(message.messageId())), account.get().id())));
        outbox.enqueue(entries);
        deliveriesWaiting.run();
        var playbook = alerts.stream().sorted(java.util.Comparator.comparing(StoredAlert::severity).reversed())
                .findFirst().orElseThrow().playbook();
        return Reply.answer(playbook.title() + " playbook started: " + account.get().name(), List.of(
                new ReplyBlock.Paragraph(press.caller().displayName() + " started the " + playbook.title()
                        + " playbook for " + account.get().name() + (press.message().isPresent()
                        ? "; the checklist is in the alert's thread." : ".")),
                new ReplyBlock.Heading("First steps"),
                new ReplyBlock.Items(HealthAnswer.steps(playbook))));
    }

    /**
     * "Followed up" on a detractor alert: every answer of the account still waiting is marked followed up by the
     * person who pressed, now; the alert's messages say so for everyone.
     */
    Reply followedUp(ActionPress press) {
        Optional<AlertStore.Notice> notice = store.notice(press.value());
        if (notice.isEmpty() || followUps.isEmpty()) {
            return gone();
        }
        Optional<Account> account = accounts.findById(notice.get().accountId());
        if (account.isEmpty()) {
            return gone();
        }
        int marked = followUps.get().followedUp(account.get().id(), actor(press.caller()));
        outbox.enqueue(updates(notice.get(), press.message()));
        deliveriesWaiting.run();
        if (marked == 0) {
            return Reply.of(Reply.Status.ANSWER, "Already followed up", "Every answer in " + account.get().name()
                    + "'s alert was followed up already.");
        }
        return Reply.of(Reply.Status.ANSWER, account.get().name() + ": followed up", press.caller().displayName()
                + " followed up " + Formats.plural(marked, "answer") + " from " + account.get().name()
                + "; the alert now says so for everyone.");
    }

    /**
     * An answer behind a detractor alert changed (its comment came in the second step, it was edited): every message
     * of the account's open detractor alert is updated to show it. A notice not posted yet renders it when posted.
     */
    void refreshFollowUps(String accountId) {
        List<String> detractors = store.search(Optional.empty(), Optional.of(accountId), Optional.empty(), true,
                LIST_LIMIT).stream().filter(a -> a.ruleId().equals(DetractorFollowUps.RULE)).map(StoredAlert::id)
                .toList();
        if (detractors.isEmpty()) {
            return;
        }
        List<OutboxEntry> entries = new ArrayList<>();
        for (String noticeId : store.noticesShowing(detractors)) {
            store.notice(noticeId).ifPresent(notice -> entries.addAll(updates(notice, Optional.empty())));
        }
        if (!entries.isEmpty()) {
            outbox.enqueue(entries);
            deliveriesWaiting.run();
        }
    }

    Reply retry(ActionPress press) {
        if (!outbox.retry(press.value(), actor(press.caller()), Instant.now(clock))) {
            return Reply.of(Reply.Status.ANSWER, "Nothing to retry", "That delivery is not parked any more: it was"
                    + " retried already or delivered. /alerts failed lists what is still parked.");
        }
        deliveriesWaiting.run();
        return Reply.of(Reply.Status.ANSWER, "Retrying", "csbot will try that delivery again now; /alerts failed shows"
                + " it again if it fails.");
    }

    /** {@code /alerts [account|mine|failed]}. */
    Reply list(String argument, Caller caller) {
        String what = argument.trim();
        if (what.equalsIgnoreCase("failed")) {
            return failed();
        }
        if (what.equalsIgnoreCase("mine")) {
            if (caller.email().isEmpty()) {
                return HelpAnswer.usage("csbot could not read your email address, so it cannot tell which alerts are"
                        + " yours. Try /alerts or /alerts <account>.");
            }
            return listed("Your open alerts", store.search(Optional.empty(), Optional.empty(), caller.email(), true,
                    LIST_LIMIT), "No open alerts for accounts you own (" + caller.email().get() + ").", "most urgent");
        }
        if (what.isEmpty()) {
            return listed("Open alerts", store.search(Optional.empty(), Optional.empty(), Optional.empty(), true,
                    LIST_LIMIT), "No open alerts in the book.", "most urgent");
        }
        AccountResolver.Resolution resolution = resolver.resolve(what);
        if (!(resolution instanceof AccountResolver.Found found)) {
            return Reply.of(Reply.Status.NOT_FOUND, "No account matches \"" + what + "\"", "No account matches \""
                    + what + "\". Usage: /alerts [account|mine|failed].");
        }
        return listed("Alerts for " + found.account().name(), store.search(Optional.empty(),
                Optional.of(found.account().id()), Optional.empty(), false, LIST_LIMIT),
                found.account().name() + " has had no alerts.", "most recent");
    }

    /** Playbooks started on an account's unresolved alerts, for {@code /account}. */
    List<String> playbooksInProgress(String accountId) {
        Set<String> lines = new LinkedHashSet<>();
        store.search(Optional.empty(), Optional.of(accountId), Optional.empty(), true, LIST_LIMIT).stream()
                .filter(a -> a.playbookStartedBy().isPresent())
                .forEach(a -> lines.add(a.playbook().title() + " (started by " + a.playbookStartedBy().get() + ")"));
        return List.copyOf(lines);
    }

    /** @param order how the list was cut when it is full ("most urgent", "most recent") */
    private Reply listed(String title, List<StoredAlert> alerts, String none, String order) {
        if (alerts.isEmpty()) {
            return Reply.of(Reply.Status.ANSWER, title, none);
        }
        List<ReplyBlock> blocks = new ArrayList<>();
        blocks.add(new ReplyBlock.Items(alerts.stream().map(this::line).toList()));
        if (alerts.size() == LIST_LIMIT) {
            blocks.add(new ReplyBlock.Context(List.of("The " + LIST_LIMIT + " " + order
                    + "; GET /api/v1/alerts has them all.")));
        }
        return Reply.answer(title, blocks);
    }

    private Item line(StoredAlert alert) {
        String name = accounts.findById(alert.accountId()).map(Account::name).orElse(alert.accountId());
        List<String> detail = new ArrayList<>();
        detail.add("raised " + LocalDate.ofInstant(alert.raisedAt(), ZoneOffset.UTC));
        alert.acknowledgedBy().ifPresent(by -> detail.add("acknowledged by " + by));
        alert.snoozedUntil().filter(d -> alert.state() == AlertState.SNOOZED)
                .ifPresent(d -> detail.add("snoozed until " + d + alert.snoozedBy().map(b -> " by " + b).orElse("")));
        alert.playbookStartedBy().ifPresent(by -> detail.add(alert.playbook().title() + " started by " + by));
        alert.resolvedAt().ifPresent(at -> detail.add("resolved " + LocalDate.ofInstant(at, ZoneOffset.UTC)));
        Tone tone = alert.state() == AlertState.RESOLVED ? Tone.GOOD : switch (alert.severity()) {
            case HIGH -> Tone.BAD;
            case MEDIUM -> Tone.WARNING;
            case LOW -> Tone.NEUTRAL;
        };
        return Item.of(name + ": " + alert.headline() + " (" + alert.severity().label() + ", " + alert.state().label()
                + ")", alert.evidence() + " · " + String.join(" · ", detail), tone);
    }

    private Reply failed() {
        List<Outbox.ParkedDelivery> parked = outbox.parked(LIST_LIMIT);
        if (parked.isEmpty()) {
            return Reply.of(Reply.Status.ANSWER, "No failed deliveries", "Every alert message was delivered; nothing is"
                    + " parked.");
        }
        List<ReplyBlock> blocks = new ArrayList<>();
        blocks.add(new ReplyBlock.Items(parked.stream().map(p -> Item.of(
                accounts.findById(String.valueOf(p.accountId())).map(Account::name).orElse("(no account)") + " to "
                        + p.target(), "Parked " + p.parkedAt().atZone(ZoneOffset.UTC).toLocalDate() + " after "
                        + Formats.plural(p.attempts(), "attempt") + ": " + p.reason(), Tone.BAD)).toList()));
        blocks.add(new ReplyBlock.Actions(parked.stream().limit(RETRY_BUTTONS).map(p -> new Action(
                ActionIds.ALERT_RETRY, "Retry " + accounts.findById(String.valueOf(p.accountId())).map(Account::name)
                        .orElse("delivery"), p.id(), Tone.NEUTRAL)).toList()));
        return Reply.answer("Deliveries that failed", blocks);
    }

    private interface Said {
        String text(Account account, String by);
    }

    private Reply act(ActionPress press, AlertStore.Action action, Optional<LocalDate> until, Said said) {
        Optional<AlertStore.Notice> notice = store.notice(press.value());
        if (notice.isEmpty()) {
            return gone();
        }
        Optional<Account> account = accounts.findById(notice.get().accountId());
        if (account.isEmpty() || alertsOf(notice.get()).stream().allMatch(a -> a.state() == AlertState.RESOLVED)) {
            return Reply.of(Reply.Status.ANSWER, "Already resolved", "That alert is resolved already: its signal has"
                    + " cleared.");
        }
        store.acted(notice.get().id(), action, actor(press.caller()), Instant.now(clock), until);
        outbox.enqueue(updates(notice.get(), press.message()));
        deliveriesWaiting.run();
        return Reply.of(Reply.Status.ANSWER, account.get().name() + ": " + action.name().toLowerCase().replace('_', ' '),
                said.text(account.get(), press.caller().displayName()));
    }

    /** Every message that shows the notice, and the one the button was on, updated to the alert's new state. */
    private List<OutboxEntry> updates(AlertStore.Notice notice, Optional<dev.csbot.chat.MessageRef> pressedOn) {
        Set<MessageRef> messages = new LinkedHashSet<>(outbox.postedFor(AlertService.NOTICE, notice.id()));
        pressedOn.ifPresent(messages::add);
        String stamp = Instant.now(clock).toString() + "|" + java.util.UUID.randomUUID();
        return messages.stream().map(m -> OutboxEntry.update(AlertService.NOTICE, notice.id(), m, notice.accountId(),
                stamp)).toList();
    }

    private List<StoredAlert> alertsOf(AlertStore.Notice notice) {
        return notice.alertIds().stream().map(store::find).flatMap(Optional::stream).toList();
    }

    private static Reply gone() {
        return Reply.of(Reply.Status.NOT_FOUND, "Alert not found", "That alert is no longer in the store; /alerts"
                + " lists the current ones.");
    }

    private static String actor(Caller caller) {
        return caller.email().orElse(caller.userId());
    }
}
