package dev.csbot.voc;

import dev.csbot.account.Account;
import dev.csbot.account.AccountRepository;
import dev.csbot.account.Segment;
import java.time.Clock;
import java.util.Optional;

/**
 * Voice of the Customer, the module's public face: send prompts (throttled), take customers' answers,
 * summarise feedback into scores and themes, and close the loop. Delivery of what it queues (prompts,
 * reminders, loop-closing messages) and alerts for answers that need a human are the outbox's and the alert
 * pipeline's; this module stores what they pick up (docs/adr/0002-voc.md).
 */
public class VocService {

    private final PromptCatalog prompts;
    private final ThemeTagger themes;
    private final FeedbackSender sender;
    private final AnswerRecorder recorder;
    private final VocInsights insights;
    private final LoopCloser closer;

    public VocService(PromptCatalog prompts, ThemeCatalog themes, AccountRepository accounts, PromptSends sends,
            FeedbackStore feedback, FeedbackLoop loop, Clock clock) {
        this.prompts = prompts;
        this.themes = new ThemeTagger(themes);
        this.sender = new FeedbackSender(accounts, sends, clock);
        this.recorder = new AnswerRecorder(prompts, accounts, sends, feedback, clock);
        this.insights = new VocInsights(this.themes, accounts, sends, feedback, loop, clock);
        this.closer = new LoopCloser(this.themes, insights, feedback, loop, clock);
    }

    public PromptCatalog prompts() {
        return prompts;
    }

    public ThemeCatalog themes() {
        return themes.catalog();
    }

    /**
     * Queues {@code prompt} about {@code account} for {@code target}, one send per recipient, each unless the
     * throttle holds it back. {@code requestPlatform} is where the CSM asked ("slack", "teams"; empty for the
     * command line): a contact named by email is reached there.
     */
    public SendResult send(FeedbackPrompt prompt, Account account, SendTarget target, Optional<String> requestPlatform,
            String requestedBy) {
        return sender.send(prompt, account, target, requestPlatform, requestedBy, "command");
    }

    /** The prompt behind a token, if this respondent may answer it here and now (to open its form). */
    public Optional<OpenPrompt> open(String token, Respondent respondent, ChatPlace place) {
        return recorder.open(token, respondent, place);
    }

    public AnswerOutcome answer(AnswerAttempt attempt) {
        return recorder.answer(attempt);
    }

    public AccountVoc account(Account account) {
        return insights.account(account);
    }

    public PortfolioVoc portfolio(Optional<Segment> segment) {
        return insights.portfolio(segment);
    }

    /** The comments of one theme in the summaries' window, newest first. */
    public java.util.List<TaggedFeedback> themeItems(ThemeCatalog.Theme theme) {
        return insights.themeItems(theme);
    }

    /** Moves an item or a theme to {@code stage}; closing stages record a message for each customer who raised it. */
    public LoopMove move(LoopSubject subject, LoopStage stage, Optional<String> message, String actor) {
        return closer.move(subject, stage, message, actor);
    }
}
