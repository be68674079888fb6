package dev.csbot.chat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
    /** Keyed by the score object itself (identity), so a reply lives exactly as long as its score is kept. */
    private final Cache<HealthScore, Reply> healthReplies = Caffeine.newBuilder().weakKeys()
            .maximumSize(HealthService.DEFAULT_REUSED_SCORES).build();

    public ChatService(AccountRepository accounts, HealthService health, AlertRepository alerts, ChannelLinks links,
            AuditTrail audit) {
        this(accounts, health, alerts, links, audit, null);
    }

    public ChatService(AccountRepository accounts, HealthService health, AlertRepository alerts, ChannelLinks links,
            AuditTrail audit, AlertDesk alertDesk) {
        this.alertDesk = Optional.ofNullable(alertDesk);
        this.accounts = accounts;
        this.resolver = new AccountResolver(accounts);
        this.health = health;
        this.alerts = alerts;
        this.links = links;
        this.audit = audit;
    }

    /** Answers a typed command such as "/health acme" or "health acme". */
    public Reply handle(ChatRequest request) {
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
            case "risks" -> RiskQuery.parse(command.argument(), request.caller())
                    .map(this::risks)
                    .orElseGet(() -> HelpAnswer.usage("Usage: /risks [segment|csm-email|mine] [limit], for example"
                            + " /risks enterprise 20 (segments: enterprise, mid-market, smb; limit 1-"
                            + RiskQuery.MAX_LIMIT + ")."));
            case "alerts" -> withAlerts(desk -> desk.list(command.argument(), request.caller()));
            case "link" -> link(command.argument(), request);
            case "unlink" -> unlink(request);
            default -> HelpAnswer.usage("Unknown command \"" + command.verb() + "\".");
        };
    }

    /**
     * Whether a command only reads (health, QBR, account, risks), so that its answer may be re-posted for
     * others to see: linking and unlinking change state and are never replayed.
     */
    public boolean readsOnly(String text) {
        return TypedCommand.parse(text).map(c -> READ_ONLY_VERBS.contains(c.verb())).orElse(false);
    }

    private static final java.util.Set<String> READ_ONLY_VERBS = java.util.Set.of("health", "qbr", "account", "risks",
            "alerts");

    /** Answers a button press (action ids from {@link ActionIds}). */
    public Reply press(ActionPress press) {
        if (!press.caller().internal()) {
            return Reply.of(Reply.Status.REFUSED, "Not available", REFUSAL);
        }
        if (press.conversation().sharedExternally()) {
            return Reply.of(Reply.Status.REFUSED, "Not in a shared conversation", SHARED_REFUSAL);
        }
        String value = press.value() == null ? "" : press.value();
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
            case ActionIds.RISKS_PAGE -> RiskQuery.fromButton(value).map(this::risks)
                    .orElseGet(() -> HelpAnswer.usage("That page of /risks is no longer available; run /risks again."));
            default -> HelpAnswer.usage("That button is not supported any more; run the command again.");
        };
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
                        + (h.drivers().isEmpty() ? "no major driver" : h.drivers().get(0).sentence()),
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
    private static Reply unresolved(String verb, String name, AccountResolver.Resolution resolution) {
        if (resolution instanceof AccountResolver.Ambiguous ambiguous) {
            return new Reply(Reply.Status.USAGE_ERROR, "Several accounts match \"" + name + "\"", List.of(
                    new ReplyBlock.Paragraph("Several accounts match \"" + name + "\". Which one did you mean?"),
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
        return Reply.of(Reply.Status.NOT_FOUND, "No account matches \"" + name + "\"",
                "No account matches \"" + name + "\". " + suggestion);
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
        return Reply.of(Reply.Status.NOT_FOUND, "Account not found", "There is no account with id \"" + accountId
                + "\" any more.");
    }

    private Reply healthOf(Account account) {
        return health.forAccount(account.id()).map(this::healthAnswer).orElseGet(() -> notFound(account.id()));
    }

    /**
     * The {@code /health} reply for a score. The health service hands out the same score object until the
     * data or the date changes, so the reply written for it is kept with it (and goes when it goes).
     */
    private Reply healthAnswer(HealthScore score) {
        return healthReplies.get(score, HealthAnswer::of);
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

    private Reply risks(RiskQuery query) {
        return RisksAnswer.of(query, health.all(), health.today());
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
                    + " playbook for " + account.name() + ". Owner: " + account.csmEmail() + "."));
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
        AccountResolver.Resolution resolution = resolver.resolve(name);
        if (!(resolution instanceof AccountResolver.Found found)) {
            return unresolved("health", name, resolution);
        }
        if (found.note().isPresent()) {
            // Linking changes where alerts go: a guessed name is not enough.
            return HelpAnswer.usage("No account is named \"" + name + "\". Did you mean " + found.account().name()
                    + "? Link it with /csbot link " + found.account().id());
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
