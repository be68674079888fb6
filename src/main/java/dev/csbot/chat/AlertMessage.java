package dev.csbot.chat;

import dev.csbot.account.Account;
import dev.csbot.alerts.AlertState;
import dev.csbot.alerts.Severity;
import dev.csbot.alerts.StoredAlert;
import dev.csbot.chat.ReplyBlock.Action;
import dev.csbot.chat.ReplyBlock.Fact;
import dev.csbot.chat.ReplyBlock.Item;
import dev.csbot.chat.ReplyBlock.Tone;
import dev.csbot.health.HealthScore;
import dev.csbot.health.Playbook;
import dev.csbot.voc.FollowUp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The message an alert notice posts (and is updated to): what happened with its numbers, why it matters (ARR,
 * renewal, health and trend), the playbook's first steps, the owner, where it stands (acknowledged, snoozed,
 * resolved) and the buttons that act on it.
 */
final class AlertMessage {

    static final int FIRST_STEPS = 3;

    private AlertMessage() {}

    static Reply of(String noticeId, Account account, List<StoredAlert> alerts, Optional<HealthScore> health,
            LocalDate today) {
        return of(noticeId, account, alerts, health, today, List.of());
    }

    /**
     * @param followUps the chat answers behind a detractor alert: shown (comments as customer quotes, anonymous
     *     ones without who) with the Followed up button while any is waiting
     */
    static Reply of(String noticeId, Account account, List<StoredAlert> alerts, Optional<HealthScore> health,
            LocalDate today, List<FollowUp> followUps) {
        List<StoredAlert> sorted = alerts.stream()
                .sorted(Comparator.comparing(StoredAlert::severity).reversed().thenComparing(StoredAlert::ruleId))
                .toList();
        boolean allResolved = sorted.stream().allMatch(a -> a.state() == AlertState.RESOLVED);
        Severity top = sorted.stream().filter(a -> a.state() != AlertState.RESOLVED).map(StoredAlert::severity)
                .max(Comparator.naturalOrder()).orElse(Severity.LOW);
        String title = allResolved ? account.name() + ": risk alerts resolved"
                : account.name() + ": " + Formats.plural(sorted.stream().filter(a -> a.state() != AlertState.RESOLVED)
                        .count(), "risk alert") + " (" + top.label() + ")";
        List<ReplyBlock> blocks = new ArrayList<>();
        blocks.add(new ReplyBlock.Items(sorted.stream().map(AlertMessage::item).toList()));
        blocks.add(new ReplyBlock.Heading("Why it matters"));
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("ARR", Formats.money(account.arr())));
        facts.add(new Fact("Renewal", Formats.dateWithDistance(account.renewalDate(), today)));
        health.ifPresent(h -> {
            facts.add(new Fact("Health", Formats.score(h)));
            facts.add(new Fact("Trend", Formats.trend(h)));
            facts.add(new Fact("ARR at risk", Formats.money(Math.round(h.arrAtRisk()))));
        });
        facts.add(new Fact("Owner", account.csmEmail()));
        blocks.add(new ReplyBlock.Facts(facts));
        Playbook playbook = sorted.get(0).playbook();
        if (!allResolved) {
            blocks.add(new ReplyBlock.Heading("First steps: " + playbook.title()));
            blocks.add(new ReplyBlock.Items(playbook.firstSteps().stream().limit(FIRST_STEPS).map(Item::of).toList()));
        }
        boolean detractor = sorted.stream().anyMatch(a -> a.ruleId().equals(DetractorFollowUps.RULE)
                && a.state() != AlertState.RESOLVED);
        List<FollowUp> answers = detractor ? followUps : List.of();
        if (!answers.isEmpty()) {
            blocks.add(new ReplyBlock.Heading("Answers to follow up"));
            answers.stream().limit(FOLLOW_UPS_SHOWN).forEach(f -> blocks.addAll(followUp(f)));
        }
        status(sorted, allResolved).ifPresent(blocks::add);
        followedUpStatus(answers).ifPresent(blocks::add);
        List<Action> actions = new ArrayList<>();
        if (answers.stream().anyMatch(FollowUp::pending)) {
            actions.add(new Action(ActionIds.FEEDBACK_FOLLOWED_UP, "Followed up", noticeId, Tone.GOOD));
        }
        if (!allResolved) {
            actions.add(new Action(ActionIds.ALERT_ACK, "Acknowledge", noticeId, Tone.GOOD));
            actions.add(new Action(ActionIds.ALERT_SNOOZE_DAY, "Snooze 1 day", noticeId, Tone.NEUTRAL));
            actions.add(new Action(ActionIds.ALERT_SNOOZE_WEEK, "Snooze 7 days", noticeId, Tone.NEUTRAL));
            actions.add(new Action(ActionIds.ALERT_SNOOZE_MONTH, "Snooze 30 days", noticeId, Tone.NEUTRAL));
            actions.add(new Action(ActionIds.ALERT_PLAYBOOK, "Start playbook", noticeId, Tone.NEUTRAL));
        }
        actions.add(new Action(ActionIds.SHOW_HEALTH, "Show health", account.id(), Tone.NEUTRAL));
        blocks.add(new ReplyBlock.Actions(actions));
        blocks.add(new ReplyBlock.Context(List.of("csbot risk alert · raised "
                + LocalDate.ofInstant(sorted.get(0).raisedAt(), ZoneOffset.UTC) + " · /alerts " + account.id()
                + " for the history")));
        return Reply.answer(title, blocks);
    }

    static final int FOLLOW_UPS_SHOWN = 5;

    /** One answer: its score and who gave it (or "anonymous"), its comment quoted as the customer wrote it. */
    private static List<ReplyBlock> followUp(FollowUp f) {
        String score = f.kind().label().toUpperCase(java.util.Locale.ROOT)
                + (f.score().isPresent() ? " " + f.score().getAsInt() : "");
        String who = f.anonymous() ? "anonymous" : f.contactEmail().orElse("a customer");
        String state = f.followedUpBy().map(by -> "followed up by " + by + f.followedUpAt().map(t -> " at "
                + t.atZone(ZoneOffset.UTC).toLocalDateTime().withSecond(0).withNano(0) + " UTC").orElse(""))
                .orElse("waiting for a follow-up");
        String line = score + " · " + who + " · " + f.answeredOn() + " · " + state;
        if (f.comment().isPresent()) {
            return List.of(new ReplyBlock.Quote(AccountFeedbackAnswer.shorten(f.comment().get(),
                    AccountFeedbackAnswer.QUOTE_LENGTH), line));
        }
        return List.of(new ReplyBlock.Items(List.of(Item.of(line, null, f.pending() ? Tone.WARNING : Tone.GOOD))));
    }

    /** "Followed up by dana@... at 10:32 UTC." for everyone, once every answer shown was followed up. */
    private static Optional<ReplyBlock> followedUpStatus(List<FollowUp> answers) {
        if (answers.isEmpty() || answers.stream().anyMatch(FollowUp::pending)) {
            return Optional.empty();
        }
        FollowUp last = answers.stream().max(java.util.Comparator.comparing(f -> f.followedUpAt().orElseThrow()))
                .orElseThrow();
        return Optional.of(new ReplyBlock.Notice(Tone.GOOD, "Followed up by " + last.followedUpBy().orElse("someone")
                + last.followedUpAt().map(t -> " at " + t.atZone(ZoneOffset.UTC).toLocalDateTime().withSecond(0)
                        .withNano(0) + " UTC").orElse("") + "."));
    }

    private static Item item(StoredAlert alert) {
        if (alert.state() == AlertState.RESOLVED) {
            return Item.of("Resolved: " + alert.headline(), "The signal has cleared.", Tone.GOOD);
        }
        Tone tone = alert.severity() == Severity.HIGH ? Tone.BAD : alert.severity() == Severity.MEDIUM ? Tone.WARNING
                : Tone.NEUTRAL;
        return Item.of(alert.headline() + " (" + alert.severity().label() + ")", alert.evidence(), tone);
    }

    /** Who acted, as everyone in the conversation should see it. */
    private static Optional<ReplyBlock> status(List<StoredAlert> alerts, boolean allResolved) {
        if (allResolved) {
            return Optional.of(new ReplyBlock.Notice(Tone.GOOD, "Resolved: every signal in this alert has cleared."));
        }
        List<String> lines = new ArrayList<>();
        alerts.stream().filter(a -> a.state() == AlertState.SNOOZED).findFirst().ifPresent(a -> lines.add(
                "Snoozed until " + a.snoozedUntil().map(LocalDate::toString).orElse("?") + " by "
                        + a.snoozedBy().orElse("someone") + "."));
        alerts.stream().filter(a -> a.acknowledgedBy().isPresent()).findFirst().ifPresent(a -> lines.add(
                "Acknowledged by " + a.acknowledgedBy().get() + a.acknowledgedAt().map(t -> " at "
                        + t.atZone(ZoneOffset.UTC).toLocalDateTime().withSecond(0).withNano(0) + " UTC").orElse("")
                        + "."));
        alerts.stream().filter(a -> a.playbookStartedBy().isPresent()).findFirst().ifPresent(a -> lines.add(
                "Playbook " + a.playbook().title() + " started by " + a.playbookStartedBy().get() + "."));
        return lines.isEmpty() ? Optional.empty() : Optional.of(new ReplyBlock.Notice(Tone.NEUTRAL, String.join(" ", lines)));
    }
}
