package dev.csbot.chat;

import dev.csbot.account.Account;
import dev.csbot.account.AccountRepository;
import dev.csbot.account.AccountResolver;
import dev.csbot.account.AccountSignals;
import dev.csbot.alerts.AlertRepository;
import dev.csbot.chat.ReplyBlock.Action;
import dev.csbot.chat.ReplyBlock.Item;
import dev.csbot.chat.ReplyBlock.Tone;
import dev.csbot.health.Band;
import dev.csbot.health.HealthScore;
import dev.csbot.health.HealthService;
import dev.csbot.health.Playbook;
import dev.csbot.review.DealReviewBuilder;
import dev.csbot.review.QbrBriefBuilder;
import dev.csbot.voc.VocService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The front door of the core for every channel: a typed command or a button press in, a {@link Reply}
 * out. Channel adapters establish who the caller is and where the conversation lives; everything else
 * (permission, parsing, name resolution, the answer) happens here once for all channels.
 */
public class ChatService {

    static final String REFUSAL = "Sorry, csbot only answers members of the team that runs it."
            + " If you were asked for feedback, please use the form in that message.";
    static final String SHARED_REFUSAL = "This conversation includes people outside your organization, so csbot"
            + " does not show account data here. Ask in a direct message or an internal channel.";

    /** The longest command csbot reads, in characters; longer text is refused before anything else is done. */
    public static final int MAX_COMMAND_CHARS = 1_000;

    /** The longest button value csbot reads (Slack's own limit); every value csbot puts on a button is far shorter. */
    public static final int MAX_BUTTON_VALUE_CHARS = 2_000;

    /** How much of what someone typed is quoted back in an answer. */
    static final int MAX_QUOTED_CHARS = 60;

    private final AccountRepository accounts;
    private final AccountResolver resolver;
    private final HealthService health;
    private final AlertRepository alerts;
    private final ChannelLinks links;
    private final AuditTrail audit;
    /** Empty where the process has no alert store (some tests): alert commands then say so. */
    private final Optional<AlertDesk> alertDesk;
    private final QbrBriefBuilder qbr = new QbrBriefBuilder();
    private final DealReviewBuilder dealReview = new DealReviewBuilder();
    private final FeedbackCommands feedback;
    private final FeedbackForms forms;

    /**
     * For adapter tests that stand in for the core by overriding its answers (SlackListenersTest): no Voice of
     * the Customer behind it.
     */
    protected ChatService(AccountRepository accounts, HealthService health, AlertRepository alerts, ChannelLinks links,
            AuditTrail audit) {
        this(accounts, health, alerts, links, audit, null, null);
    }

    public ChatService(AccountRepository accounts, HealthService health, AlertRepository alerts, ChannelLinks links,
            AuditTrail audit, VocService voc, AlertDesk alertDesk) {
        this.alertDesk = Optional.ofNullable(alertDesk);
        this.accounts = accounts;
        this.resolver = new AccountResolver(() -> health.directory());
        this.health = health;
        this.alerts = alerts;
        this.links = links;
        this.audit = audit;
        this.feedback = new FeedbackCommands(voc, accounts, resolver, audit);
        this.forms = new FeedbackForms(voc, accountId -> this.alertDesk.ifPresent(desk -> desk.refreshFollowUps(accountId)));
    }

    /** Answers a typed command such as "/health acme" or "health acme". */
    public Reply handle(ChatRequest request) {
        if (request.text() != null && request.text().length() > MAX_COMMAND_CHARS) {
            return tooLong(request.text());
        }
        if (!request.caller().internal()) {
            return Reply.of(Reply.Status.REFUSED, "Not available", REFUSAL);
        }
        Optional<TypedCommand> parsed = TypedCommand.parse(request.text());
        if (parsed.isEmpty()) {
            return HelpAnswer.usage("Type a command, for example /health acme.");
        }
        TypedCommand command = parsed.get();
        if (command.verb().equals("help")) {
            return HelpAnswer.of();
        }
        if (request.conversation().sharedExternally()) {
            return Reply.of(Reply.Status.REFUSED, "Not in a shared conversation", SHARED_REFUSAL);
        }
        return switch (command.verb()) {
            case "health" -> withAccount(command, request, this::healthOf);
            case "qbr" -> withAccount(command, request, this::qbrOf);
            case "account" -> withAccount(command, request, this::dealReviewOf);
            case "risks" -> RisksAnswer.command(command.argument(), request.caller(), health);
            case "renewals" -> RenewalsAnswer.command(command.argument(), request.caller(), health);
            case "alerts" -> withAlerts(desk -> desk.list(command.argument(), request.caller()));
            case "link" -> link(command.argument(), request);
            case "unlink" -> unlink(request);
            case "feedback" -> FeedbackCommands.isSend(command.argument()) ? feedback.send(command.argument(), request)
                    : withAccount(command, request, feedback::summary);
            case "voc" -> feedback.voc(command.argument(), request);
            default -> HelpAnswer.unknownCommand(command.verb());
        };
    }

    /**
     * Whether a command only reads (health, QBR, account, risks), so that its answer may be re-posted for
     * others to see: linking and unlinking change state and are never replayed.
     */
    public boolean readsOnly(String text) {
        if (text == null || text.length() > MAX_COMMAND_CHARS) {
            return false;
        }
        return TypedCommand.parse(text).map(c -> READ_ONLY_VERBS.contains(c.verb())).orElse(false);
    }

    private static final java.util.Set<String> READ_ONLY_VERBS = java.util.Set.of("health", "qbr", "account", "risks",
            "renewals", "alerts");

    /** Answers a button press (action ids from {@link ActionIds}). */
    public Reply press(ActionPress press) {
        if (ActionIds.FEEDBACK_OPEN.equals(press.actionId())) {
            return forms.open(press); // the one button customers may press: its token says whether they may
        }
        if (!press.caller().internal()) {
            return Reply.of(Reply.Status.REFUSED, "Not available", REFUSAL);
        }
        if (press.conversation().sharedExternally()) {
            return Reply.of(Reply.Status.REFUSED, "Not in a shared conversation", SHARED_REFUSAL);
        }
        String value = press.value() == null ? "" : press.value();
        if (value.length() > MAX_BUTTON_VALUE_CHARS) {
            return HelpAnswer.usage("That button carried more than " + MAX_BUTTON_VALUE_CHARS
                    + " characters, which no csbot button does; run the command again.");
        }
        return switch (press.actionId()) {
            case ActionIds.SHOW_HEALTH -> byId(value, this::healthOf);
            case ActionIds.SHOW_DRIVERS -> byId(value, account -> health.forAccount(account.id())
                    .map(HealthAnswer::measures).orElseGet(() -> notFound(account.id())));
            case ActionIds.OPEN_QBR -> byId(value, this::qbrOf);
            case ActionIds.OPEN_ACCOUNT -> byId(value, this::dealReviewOf);
            case ActionIds.START_PLAYBOOK -> startPlaybook(value, press.caller());
            case ActionIds.ALERT_ACK -> withAlerts(desk -> desk.acknowledge(press));
            case ActionIds.ALERT_SNOOZE_DAY -> withAlerts(desk -> desk.snooze(press, 1));
            case ActionIds.ALERT_SNOOZE_WEEK -> withAlerts(desk -> desk.snooze(press, 7));
            case ActionIds.ALERT_SNOOZE_MONTH -> withAlerts(desk -> desk.snooze(press, 30));
            case ActionIds.ALERT_PLAYBOOK -> withAlerts(desk -> desk.startPlaybook(press));
            case ActionIds.ALERT_RETRY -> withAlerts(desk -> desk.retry(press));
            case ActionIds.FEEDBACK_FOLLOWED_UP -> withAlerts(desk -> desk.followedUp(press));
            case ActionIds.VOC_ACKNOWLEDGE, ActionIds.VOC_PLANNED, ActionIds.VOC_SHIPPED, ActionIds.VOC_DECLINED ->
                    feedback.stageButton(press, LoopButtons.stageOf(press.actionId()).orElseThrow());
            case ActionIds.RISKS_PAGE -> RisksAnswer.page(value, health);
            case ActionIds.RENEWALS_PAGE -> RenewalsAnswer.page(value, health);
            default -> HelpAnswer.usage("That button is not supported any more; run the command again.");
        };
    }

    /**
     * Answers a submitted form: a customer's answer to a feedback prompt, authorised by the form's token alone
     * (the one thing an external or guest caller may do).
     */
    public FormOutcome submit(FormSubmission submission) {
        if (FormIds.LOOP_MESSAGE.equals(submission.formId())) {
            // The team's own form: internal callers only, never in a conversation shared with a customer.
            if (!submission.caller().internal()) {
                return new FormOutcome.Refused(Reply.of(Reply.Status.REFUSED, "Not available", REFUSAL));
            }
            if (submission.conversation().sharedExternally()) {
                return new FormOutcome.Refused(Reply.of(Reply.Status.REFUSED, "Not in a shared conversation",
                        SHARED_REFUSAL));
            }
            return feedback.closeLoop(submission);
        }
        return forms.submit(submission);
    }

    /** The caller's own book of business (accounts whose CSM email is theirs), at-risk first: the App Home. */
    public Reply bookOfBusiness(Caller caller) {
        if (!caller.internal()) {
            return Reply.of(Reply.Status.REFUSED, "Not available", REFUSAL);
        }
        if (caller.email().isEmpty()) {
            return Reply.of(Reply.Status.ANSWER, "Your book of business",
                    "csbot could not read your email address, so it cannot find your accounts. Try /risks.");
        }
        String email = caller.email().get();
        List<HealthScore> mine = health.all().stream()
                .filter(h -> h.account().csmEmail().equalsIgnoreCase(email))
                .sorted(Comparator.comparing((HealthScore h) -> h.band().ordinal()).thenComparing(RiskQuery.BY_RISK))
                .toList();
        if (mine.isEmpty()) {
            return Reply.of(Reply.Status.ANSWER, "Your book of business", "No accounts have " + email
                    + " as their CSM. Try /risks to see the whole portfolio.");
        }
        LocalDate today = health.today();
        List<ReplyBlock> blocks = new ArrayList<>();
        long atRisk = mine.stream().filter(h -> h.band() != Band.GREEN).count();
        blocks.add(new ReplyBlock.Facts(List.of(
                new ReplyBlock.Fact("Accounts", String.valueOf(mine.size())),
                new ReplyBlock.Fact("At risk (red or yellow)", String.valueOf(atRisk)),
                new ReplyBlock.Fact("ARR", Formats.money(mine.stream().mapToLong(h -> h.account().arr()).sum())))));
        blocks.add(new ReplyBlock.Items(mine.stream().limit(25).map(h -> Item.of(
                h.account().name() + ": " + Formats.score(h) + " (" + Formats.trendArrow(h) + ")",
                "Renews " + Formats.dateWithDistance(h.account().renewalDate(), today) + " · "
                        + Formats.mainRisk(h).orElse("no major driver"),
                h.band() == Band.RED ? Tone.BAD : h.band() == Band.YELLOW ? Tone.WARNING : Tone.GOOD)).toList()));
        if (mine.size() > 25) {
            blocks.add(new ReplyBlock.Context(List.of("Showing the 25 most at risk of " + mine.size()
                    + "; /risks mine 100 lists them all.")));
        }
        blocks.add(new ReplyBlock.Actions(mine.stream().filter(h -> h.band() != Band.GREEN).limit(5)
                .map(h -> new Action(ActionIds.SHOW_HEALTH, "Health: " + h.account().name(), h.account().id(),
                        Tone.NEUTRAL))
                .toList()));
        blocks.removeIf(b -> b instanceof ReplyBlock.Actions a && a.actions().isEmpty());
        blocks.add(new ReplyBlock.Context(List.of("Your accounts as CSM (" + email + "), at-risk first", "As of "
                + today)));
        return Reply.answer("Your book of business", blocks);
    }

    /** The answer to a command over the limit: says the limit, quotes none of the text, parses nothing. */
    private static Reply tooLong(String text) {
        String problem = String.format(java.util.Locale.ROOT, "That command is %,d characters long; csbot reads"
                + " commands of up to %,d characters. Shorten it, for example /health acme.", text.length(),
                MAX_COMMAND_CHARS);
        return new Reply(Reply.Status.USAGE_ERROR, "Command too long", List.of(new ReplyBlock.Paragraph(problem)));
    }

    /** At most {@link #MAX_QUOTED_CHARS} of what someone typed, for quoting it back. */
    static String quoted(String text) {
        return text.length() <= MAX_QUOTED_CHARS ? text : text.substring(0, MAX_QUOTED_CHARS - 1) + "…";
    }

    private Reply withAccount(TypedCommand command, ChatRequest request, Function<Account, Reply> answer) {
        String name = command.argument();
        if (name.isBlank()) {
            Conversation conversation = request.conversation();
            Optional<String> linked = conversation.id().isBlank() ? Optional.empty()
                    : links.accountFor(conversation.platform(), conversation.id());
            if (linked.isPresent()) {
                return byId(linked.get(), answer);
            }
            return HelpAnswer.usage("Which account? For example: /" + command.verb() + " acme");
        }
        AccountResolver.Resolution resolution = resolver.resolve(name);
        if (resolution instanceof AccountResolver.Found found) {
            Reply reply = answer.apply(found.account());
            if (found.note().isEmpty()) {
                return reply;
            }
            List<ReplyBlock> blocks = new ArrayList<>();
            blocks.add(new ReplyBlock.Notice(Tone.NEUTRAL, "Did you mean " + found.account().name() + "? "
                    + found.note().get()));
            blocks.addAll(reply.blocks());
            return new Reply(reply.status(), reply.title(), blocks);
        }
        return unresolved(command.verb(), name, resolution);
    }

    /** The answer when a name did not resolve to exactly one account: candidates, or the nearest names. */
    static Reply unresolved(String verb, String name, AccountResolver.Resolution resolution) {
        if (resolution instanceof AccountResolver.Ambiguous ambiguous) {
            return new Reply(Reply.Status.USAGE_ERROR, "Several accounts match \"" + quoted(name) + "\"", List.of(
                    new ReplyBlock.Paragraph("Several accounts match \"" + quoted(name) + "\". Which one did you mean?"),
                    new ReplyBlock.Items(ambiguous.candidates().stream()
                            .map(a -> Item.of(a.name() + " (id " + a.id() + ", " + a.segment().label() + ")"))
                            .toList()),
                    new ReplyBlock.Actions(ambiguous.candidates().stream().limit(5)
                            .map(a -> new Action(actionFor(verb), a.name(), a.id(), Tone.NEUTRAL))
                            .toList())));
        }
        AccountResolver.NotFound notFound = (AccountResolver.NotFound) resolution;
        String suggestion = notFound.nearest().isEmpty() ? "There are no accounts in the store yet."
                : "Nearest: " + notFound.nearest().stream().map(Account::name).collect(Collectors.joining(", ")) + ".";
        return Reply.of(Reply.Status.NOT_FOUND, "No account matches \"" + quoted(name) + "\"",
                "No account matches \"" + quoted(name) + "\". " + suggestion);
    }

    private static String actionFor(String verb) {
        return switch (verb) {
            case "qbr" -> ActionIds.OPEN_QBR;
            case "account" -> ActionIds.OPEN_ACCOUNT;
            default -> ActionIds.SHOW_HEALTH;
        };
    }

    private Reply byId(String accountId, Function<Account, Reply> answer) {
        return accounts.findById(accountId).map(answer).orElseGet(() -> notFound(accountId));
    }

    private static Reply notFound(String accountId) {
        return Reply.of(Reply.Status.NOT_FOUND, "Account not found", "There is no account with id \""
                + quoted(accountId) + "\" any more.");
    }

    /** The {@code /health} reply, kept by the health service with the score it was written from. */
    private Reply healthOf(Account account) {
        return health.forAccount(account.id(), HealthAnswer::of).orElseGet(() -> notFound(account.id()));
    }

    private Reply qbrOf(Account account) {
        return signals(account, QbrBriefBuilder.USAGE_DAYS)
                .map(signals -> QbrAnswer.of(qbr.build(signals, health.score(signals))))
                .orElseGet(() -> notFound(account.id()));
    }

    private Reply dealReviewOf(Account account) {
        return signals(account, health.scorecard().usageLookbackDays())
                .map(signals -> withPlaybooks(account, DealReviewAnswer.of(dealReview.build(signals,
                        health.score(signals), alerts.openAlerts(account.id())))))
                .orElseGet(() -> notFound(account.id()));
    }

    private Reply withAlerts(Function<AlertDesk, Reply> answer) {
        return alertDesk.map(answer).orElseGet(() -> Reply.of(Reply.Status.FAILED, "Alerts are not available",
                "This csbot has no alert store, so it cannot show or change alerts."));
    }

    /** The deal review, with the playbooks in progress on the account's open alerts. */
    private Reply withPlaybooks(Account account, Reply review) {
        List<String> running = alertDesk.map(desk -> desk.playbooksInProgress(account.id())).orElse(List.of());
        if (running.isEmpty() || !review.isAnswer()) {
            return review;
        }
        List<ReplyBlock> blocks = new ArrayList<>(review.blocks());
        int at = blocks.stream().filter(b -> b instanceof ReplyBlock.Actions).findFirst().map(blocks::indexOf)
                .orElse(blocks.size());
        blocks.add(at, new ReplyBlock.Facts(List.of(new ReplyBlock.Fact("Playbooks in progress",
                String.join("; ", running)))));
        return new Reply(review.status(), review.title(), blocks);
    }

    private Optional<AccountSignals> signals(Account account, int usageDays) {
        LocalDate today = health.today();
        int days = Math.max(usageDays, health.scorecard().usageLookbackDays());
        return accounts.signals(account.id(), today.minusDays(days), today);
    }

    private Reply startPlaybook(String value, Caller caller) {
        String[] parts = value.split("\\|", 2);
        Optional<Playbook> playbook = parts.length == 2 ? Playbook.fromId(parts[1]) : Optional.empty();
        if (playbook.isEmpty()) {
            return HelpAnswer.usage("That playbook button is not valid any more; run /health again.");
        }
        return byId(parts[0], account -> {
            audit.record(actor(caller), "playbook-started", account.id(), playbook.get().id());
            List<ReplyBlock> blocks = new ArrayList<>();
            blocks.add(new ReplyBlock.Paragraph(caller.displayName() + " started the " + playbook.get().title()
                    + " playbook for " + account.name() + ". Owner: " + Formats.owner(account.csmEmail()) + "."));
            blocks.add(new ReplyBlock.Heading("First steps"));
            blocks.add(new ReplyBlock.Items(HealthAnswer.steps(playbook.get())));
            blocks.add(new ReplyBlock.Actions(List.of(
                    new Action(ActionIds.SHOW_HEALTH, "Health", account.id(), Tone.NEUTRAL),
                    new Action(ActionIds.OPEN_QBR, "Open QBR", account.id(), Tone.NEUTRAL))));
            return Reply.answer(playbook.get().title() + " playbook started: " + account.name(), blocks);
        });
    }

    private Reply link(String name, ChatRequest request) {
        Conversation conversation = request.conversation();
        if (conversation.id().isBlank()) {
            return HelpAnswer.usage("Linking needs a channel: run /csbot link <account> in the account's channel.");
        }
        if (name.isBlank()) {
            return HelpAnswer.usage("Which account? For example: /csbot link acme");
        }
        // Linking changes where alerts go: only an exact id or name links, never a prefix, a word or a typo.
        AccountResolver.Resolution resolution = resolver.resolveExactly(name);
        if (resolution instanceof AccountResolver.Ambiguous) {
            return unresolved("health", name, resolution);
        }
        if (!(resolution instanceof AccountResolver.Found found)) {
            List<Account> nearest = ((AccountResolver.NotFound) resolution).nearest();
            return HelpAnswer.usage("No account is named \"" + quoted(name) + "\" or has that id; linking needs"
                    + " the exact name or id." + (nearest.isEmpty() ? "" : " Did you mean " + nearest.get(0).name()
                    + "? Link it with /csbot link " + nearest.get(0).id()));
        }
        Account account = found.account();
        links.link(conversation.platform(), conversation.id(), account.id(), actor(request.caller()));
        audit.record(actor(request.caller()), "channel-linked", account.id(),
                conversation.platform().name().toLowerCase() + ":" + conversation.id());
        return Reply.answer("Linked to " + account.name(), List.of(new ReplyBlock.Paragraph(
                "This conversation is now " + account.name() + "'s channel: risk alerts for " + account.name()
                        + " will be posted here, and commands here may leave out the account name.")));
    }

    private Reply unlink(ChatRequest request) {
        Conversation conversation = request.conversation();
        if (conversation.id().isBlank()) {
            return HelpAnswer.usage("Unlinking needs a channel: run /csbot unlink in the linked channel.");
        }
        Optional<String> previous = links.unlink(conversation.platform(), conversation.id());
        if (previous.isEmpty()) {
            return Reply.of(Reply.Status.ANSWER, "Nothing to unlink", "This conversation is not linked to an account.");
        }
        audit.record(actor(request.caller()), "channel-unlinked", previous.get(),
                conversation.platform().name().toLowerCase() + ":" + conversation.id());
        String name = accounts.findById(previous.get()).map(Account::name).orElse(previous.get());
        return Reply.of(Reply.Status.ANSWER, "Unlinked from " + name, "This conversation is no longer " + name
                + "'s channel; its alerts will not be posted here.");
    }

    private static String actor(Caller caller) {
        return caller.email().orElse(caller.userId());
    }
}
