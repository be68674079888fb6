package dev.csbot.voc;

import dev.csbot.account.Account;
import dev.csbot.account.AccountRepository;
import dev.csbot.account.Segment;
import java.time.Clock;
import java.util.Optional;

/**
 * Voice of the Customer, the module's public face: send prompts (throttled, by a CSM or a daily campaign), take
 * customers' answers, summarise feedback into scores and themes, and close the loop. What it queues (prompts,
 * reminders, loop-closing messages, notes to CSMs) the store writes with the outbox row that delivers it; answers
 * that need a human raise the detractor alert through the alert pipeline (docs/adr/0002-voc.md).
 */
public class VocService {

    private final PromptCatalog prompts;
    private final ThemeTagger themes;
    private final FeedbackSender sender;
    private final AnswerRecorder recorder;
    private final VocInsights insights;
    private final LoopCloser closer;
    private final CampaignRunner campaigns;
    private final Runnable deliveriesWaiting;
    private final FeedbackLoop loop;

    /** Slack is where a contact is reached when a send names no platform (as the alerts do by default). */
    public VocService(PromptCatalog prompts, ThemeCatalog themes, AccountRepository accounts, PromptSends sends,
            FeedbackStore feedback, FeedbackLoop loop, Clock clock) {
        this(prompts, themes, accounts, sends, feedback, loop, clock, "slack", () -> { });
    }

    /**
     * @param defaultPlatform where a contact known only by email is reached when nothing says otherwise (a send
     *     from the command line, a campaign, a loop-closing note for imported feedback): "slack" or "teams"
     * @param deliveriesWaiting told after anything was queued for delivery, so it goes out now
     */
    public VocService(PromptCatalog prompts, ThemeCatalog themes, AccountRepository accounts, PromptSends sends,
            FeedbackStore feedback, FeedbackLoop loop, Clock clock, String defaultPlatform, Runnable deliveriesWaiting) {
        this.prompts = prompts;
        this.deliveriesWaiting = deliveriesWaiting;
        this.loop = loop;
        this.themes = new ThemeTagger(themes);
        this.sender = new FeedbackSender(accounts, sends, clock, defaultPlatform);
        this.recorder = new AnswerRecorder(prompts, accounts, sends, feedback, clock);
        this.insights = new VocInsights(this.themes, accounts, sends, feedback, loop, clock);
        this.closer = new LoopCloser(this.themes, insights, feedback, loop, clock, defaultPlatform);
        this.campaigns = new CampaignRunner(prompts, accounts, sends, sender, clock, defaultPlatform);
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
        SendResult result = sender.send(prompt, account, target, requestPlatform, requestedBy, "command");
        if (result instanceof SendResult.Queued queued && !queued.queued().isEmpty()) {
            deliveriesWaiting.run();
        }
        return result;
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
        LoopMove move = closer.move(subject, stage, message, actor);
        if (move instanceof LoopMove.Moved moved && moved.customersTold() > 0) {
            deliveriesWaiting.run();
        }
        return move;
    }

    /** Where an item or a theme stands in the loop (new until someone moves it). */
    public LoopStage stageOf(LoopSubject subject) {
        return loop.state(subject).map(LoopState::stage).orElse(LoopStage.NEW);
    }

    /**
     * The daily run as of {@code now}: campaign prompts due today by schedule or trigger, throttled, with each
     * account's CSM told once of what was held back and why.
     */
    public CampaignDay runCampaigns(java.time.Instant now) {
        CampaignDay day = campaigns.run(now);
        if (day.queued() + day.csmTold() > 0) {
            deliveriesWaiting.run();
        }
        return day;
    }

    /**
     * The one reminder of every open, unanswered prompt whose delay has passed as of {@code now} (run more often
     * than the daily campaign, so that a reminder is not a day late). Returns how many were queued.
     */
    public int sendReminders(java.time.Instant now) {
        int queued = campaigns.remind(now);
        if (queued > 0) {
            deliveriesWaiting.run();
        }
        return queued;
    }
}
