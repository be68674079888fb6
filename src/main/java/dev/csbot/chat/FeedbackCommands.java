package dev.csbot.chat;

import dev.csbot.account.Account;
import dev.csbot.account.AccountRepository;
import dev.csbot.account.AccountResolver;
import dev.csbot.account.Segment;
import dev.csbot.chat.ReplyBlock.Item;
import dev.csbot.chat.ReplyBlock.Tone;
import dev.csbot.voc.FeedbackPrompt;
import dev.csbot.voc.LoopMove;
import dev.csbot.voc.LoopStage;
import dev.csbot.voc.LoopSubject;
import dev.csbot.voc.SendResult;
import dev.csbot.voc.TaggedFeedback;
import dev.csbot.voc.ThemeCatalog;
import dev.csbot.voc.VocService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The CSM's side of Voice of the Customer: {@code /feedback send}, {@code /feedback <account>} and
 * {@code /voc [segment|theme]}, {@code /voc set <theme|item> <stage> "message"}.
 */
final class FeedbackCommands {

    static final String VOC_USAGE = "Usage: /voc [enterprise|mid-market|smb|<theme>], or /voc set <theme|fb-id>"
            + " <acknowledged|planned|shipped|declined> \"message for the customers\".";
    static final int THEME_ITEMS_SHOWN = 15;

    private static final Pattern SET = Pattern.compile("set\\s+(\\S{1,64})\\s+(\\S{1,20})(?:\\s+(.*))?",
            Pattern.DOTALL);

    private final VocService voc;
    private final AccountRepository accounts;
    private final AccountResolver resolver;
    private final AuditTrail audit;

    FeedbackCommands(VocService voc, AccountRepository accounts, AccountResolver resolver, AuditTrail audit) {
        this.voc = voc;
        this.accounts = accounts;
        this.resolver = resolver;
        this.audit = audit;
    }

    static boolean isSend(String argument) {
        return argument.equals("send") || argument.startsWith("send ");
    }

    /** {@code /feedback <account>}. */
    Reply summary(Account account) {
        return AccountFeedbackAnswer.of(voc.account(account), voc.themes());
    }

    /** {@code /feedback send <prompt> <account> [target]}: queues the prompt and tells the CSM what happened. */
    Reply send(String argument, ChatRequest request) {
        FeedbackSendCommand.ParseResult parsed = FeedbackSendCommand.parse(argument);
        if (parsed.command().isEmpty()) {
            return usage(parsed.problem());
        }
        FeedbackSendCommand command = parsed.command().get();
        Optional<FeedbackPrompt> prompt = voc.prompts().find(command.promptId());
        if (prompt.isEmpty()) {
            return usage("There is no prompt \"" + command.promptId() + "\". Prompts: "
                    + String.join(", ", voc.prompts().ids()) + ". " + FeedbackSendCommand.USAGE);
        }
        AccountResolver.Resolution resolution = resolver.resolve(command.account());
        if (!(resolution instanceof AccountResolver.Found found)) {
            return ChatService.unresolved("feedback", command.account(), resolution);
        }
        if (found.note().isPresent()) {
            // Sending asks customers something in our name: a guessed account is not enough.
            return usage("No account is named \"" + command.account() + "\". Did you mean " + found.account().name()
                    + "? Send with /feedback send " + prompt.get().id() + " " + found.account().id() + " ...");
        }
        Platform platform = request.conversation().platform();
        Optional<String> requestPlatform = platform == Platform.SLACK || platform == Platform.TEAMS
                ? Optional.of(platform.name().toLowerCase(Locale.ROOT)) : Optional.empty();
        SendResult result = voc.send(prompt.get(), found.account(), command.target(), requestPlatform,
                actor(request.caller()));
        if (result instanceof SendResult.NoRecipient none) {
            return Reply.of(Reply.Status.NOT_FOUND, "Nobody to ask at " + found.account().name(), none.reason());
        }
        SendResult.Queued queued = (SendResult.Queued) result;
        queued.queued().forEach(q -> audit.record(actor(request.caller()), "feedback-prompt-queued",
                found.account().id(), prompt.get().id() + " to " + q.send().recipient().key()));
        return sent(prompt.get(), found.account(), queued);
    }

    private static Reply sent(FeedbackPrompt prompt, Account account, SendResult.Queued result) {
        String name = prompt.id().toUpperCase(Locale.ROOT);
        List<ReplyBlock> blocks = new ArrayList<>();
        if (!result.queued().isEmpty()) {
            blocks.add(new ReplyBlock.Paragraph("Queued for delivery to " + Formats.plural(result.queued().size(),
                    "recipient") + " at " + account.name() + ":"));
            blocks.add(new ReplyBlock.Items(result.queued().stream()
                    .map(q -> Item.of(q.send().recipient().describe(), null, Tone.GOOD)).toList()));
        }
        if (!result.heldBack().isEmpty()) {
            blocks.add(new ReplyBlock.Notice(Tone.WARNING, "Held back for " + Formats.plural(result.heldBack().size(),
                    "recipient") + ", so nobody is asked too often:"));
            blocks.add(new ReplyBlock.Items(result.heldBack().stream()
                    .map(h -> Item.of(h.recipient().describe(), h.reason(), Tone.WARNING)).toList()));
        }
        List<String> context = new ArrayList<>();
        context.add("They are asked: \"" + prompt.wording() + "\"");
        context.add("Open for " + prompt.answerWindow().openDays() + " days"
                + (prompt.campaign().reminderAfterDays().isPresent()
                        ? "; one reminder after " + prompt.campaign().reminderAfterDays().getAsInt() + " days to those"
                                + " who have not answered" : "")
                + ". Answers show in /feedback " + account.id() + ".");
        blocks.add(new ReplyBlock.Context(context));
        String title = result.queued().isEmpty() ? name + " prompt held back for " + account.name()
                : name + " prompt queued for " + account.name();
        return Reply.answer(title, blocks);
    }

    /** {@code /voc ...}: the themes, one theme's comments, or a move along the loop. */
    Reply voc(String argument, ChatRequest request) {
        String text = argument.strip();
        if (text.isEmpty()) {
            return VocThemesAnswer.of(voc.portfolio(Optional.empty()), voc.themes());
        }
        if (text.equals("set") || text.startsWith("set ")) {
            return set(text, request.caller());
        }
        Optional<Segment> segment = Segment.fromLabel(text);
        if (segment.isPresent()) {
            return VocThemesAnswer.of(voc.portfolio(segment), voc.themes());
        }
        Optional<ThemeCatalog.Theme> theme = text.length() <= 40 ? voc.themes().find(text) : Optional.empty();
        if (theme.isPresent()) {
            List<TaggedFeedback> items = voc.themeItems(theme.get());
            Map<String, String> names = accounts.findAll().stream()
                    .collect(Collectors.toMap(Account::id, Account::name));
            return VocThemesAnswer.theme(theme.get(), voc.stageOf(LoopSubject.theme(theme.get().key())), items, names,
                    voc.themes(), THEME_ITEMS_SHOWN);
        }
        return usage("\"" + AccountFeedbackAnswer.shorten(text, 40) + "\" is not a segment or a theme. Themes: "
                + String.join(", ", voc.themes().themes().stream().map(ThemeCatalog.Theme::key).toList()) + ". "
                + VOC_USAGE);
    }

    private Reply set(String text, Caller caller) {
        if (text.length() > FeedbackSendCommand.MAX_ARGUMENT + 200) {
            return usage("That command is too long; the message may have at most 500 characters. " + VOC_USAGE);
        }
        Matcher m = SET.matcher(text);
        if (!m.matches()) {
            return usage(VOC_USAGE);
        }
        String subjectId = m.group(1).toLowerCase(Locale.ROOT);
        Optional<LoopStage> stage = LoopStage.fromLabel(m.group(2));
        if (stage.isEmpty() || stage.get() == LoopStage.NEW) {
            return usage("\"" + m.group(2) + "\" is not a stage: use acknowledged, planned, shipped or declined. "
                    + VOC_USAGE);
        }
        LoopSubject subject = subjectId.startsWith("fb-") ? LoopSubject.item(subjectId) : LoopSubject.theme(subjectId);
        Optional<String> message = Optional.ofNullable(m.group(3)).map(FeedbackCommands::unquoted);
        LoopMove move = voc.move(subject, stage.get(), message, actor(caller));
        if (move instanceof LoopMove.Rejected rejected) {
            return usage(rejected.reason());
        }
        return moved((LoopMove.Moved) move, message, caller);
    }

    /**
     * A stage button on an item or theme: acknowledging moves it at once; planned, shipped and declined first ask
     * what the customers who raised it will read (a form), as {@code /voc set} does in quotes.
     */
    Reply stageButton(ActionPress press, LoopStage stage) {
        Optional<LoopSubject> subject = LoopButtons.subject(press.value());
        if (subject.isEmpty()) {
            return usage("That button is not valid any more; run /voc or /feedback again.");
        }
        if (stage.closesTheLoop()) {
            return Reply.answer(subject.get().id() + ": " + stage.label(), List.of(LoopButtons.form(subject.get(), stage,
                    subject.get().kind() == LoopSubject.Kind.THEME ? "this theme" : "this item")));
        }
        LoopMove move = voc.move(subject.get(), stage, Optional.empty(), actor(press.caller()));
        if (move instanceof LoopMove.Rejected rejected) {
            return usage(rejected.reason());
        }
        return moved((LoopMove.Moved) move, Optional.empty(), press.caller());
    }

    /** The form a closing stage button opened: its message moves the subject and tells the customers. */
    FormOutcome closeLoop(FormSubmission submission) {
        Optional<LoopButtons.Target> target = LoopButtons.target(submission.token());
        if (target.isEmpty()) {
            return new FormOutcome.Refused(usage("That form is not valid any more; run /voc or /feedback again."));
        }
        Optional<String> message = Optional.ofNullable(submission.inputs().get(LoopButtons.MESSAGE))
                .map(String::strip).filter(t -> !t.isEmpty());
        if (message.isEmpty()) {
            return new FormOutcome.Invalid(Map.of(LoopButtons.MESSAGE, "Say what the customers should hear."));
        }
        LoopMove move = voc.move(target.get().subject(), target.get().stage(), message, actor(submission.caller()));
        if (move instanceof LoopMove.Rejected rejected) {
            return new FormOutcome.Invalid(Map.of(LoopButtons.MESSAGE, rejected.reason()));
        }
        return new FormOutcome.Accepted(moved((LoopMove.Moved) move, message, submission.caller()), Optional.empty());
    }

    /** What a move did, audited, in the CSM's words. */
    private Reply moved(LoopMove.Moved moved, Optional<String> message, Caller caller) {
        LoopSubject subject = moved.subject();
        audit.record(actor(caller), "voc-" + moved.to().label(), moved.accountId().orElse(null),
                subject.kind().label() + " " + subject.id() + ": " + moved.from().label() + " -> " + moved.to().label()
                        + message.map(t -> ": " + t).orElse(""));
        List<ReplyBlock> blocks = new ArrayList<>();
        blocks.add(new ReplyBlock.Paragraph(moved.subjectName() + " moved from " + moved.from().label() + " to "
                + moved.to().label() + "."));
        if (moved.to().closesTheLoop()) {
            blocks.add(new ReplyBlock.Paragraph(moved.customersTold() == 0 ? "No customer had to be told again:"
                    + " everyone who raised it has this update already."
                    : Formats.plural(moved.customersTold(), "loop-closing message") + " queued for the customers who"
                            + " raised it, each in the conversation where they gave the feedback (anonymous ones"
                            + " too, without their name)."));
            blocks.add(new ReplyBlock.Context(List.of("They read: \"" + message.orElse("") + "\"")));
        }
        return Reply.answer(moved.subjectName() + ": " + moved.to().label(), blocks);
    }

    /** The message as typed, without the quotes around it (straight or curly, as phones type them). */
    static String unquoted(String text) {
        String t = text.strip();
        if (t.length() >= 2 && "\"“”'".indexOf(t.charAt(0)) >= 0 && "\"“”'".indexOf(t.charAt(t.length() - 1)) >= 0) {
            t = t.substring(1, t.length() - 1).strip();
        }
        return t;
    }

    private static Reply usage(String problem) {
        return new Reply(Reply.Status.USAGE_ERROR, problem, List.of(new ReplyBlock.Paragraph(problem)));
    }

    private static String actor(Caller caller) {
        return caller.email().orElse(caller.userId());
    }
}
