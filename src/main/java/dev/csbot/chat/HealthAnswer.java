package dev.csbot.chat;

import dev.csbot.chat.ReplyBlock.Action;
import dev.csbot.chat.ReplyBlock.Fact;
import dev.csbot.chat.ReplyBlock.Item;
import dev.csbot.chat.ReplyBlock.Tone;
import dev.csbot.health.Band;
import dev.csbot.health.BandCap;
import dev.csbot.health.Driver;
import dev.csbot.health.HealthScore;
import dev.csbot.health.MeasureResult;
import dev.csbot.health.Playbook;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The reply to {@code /health}: score, band, trend, drivers with evidence, the playbook to run. */
final class HealthAnswer {

    /** Drivers shown in full; past this many, the rest are named on one line ("and 2 more: ..."). */
    static final int DRIVERS_SHOWN = 5;

    /** A health score is drawn on its own fixed scale, so 100 -> 98 stays a small step. */
    static final ReplyBlock.Scale SCORE_SCALE = new ReplyBlock.Scale(0, 100);

    private HealthAnswer() {}

    static Reply of(HealthScore health) {
        var account = health.account();
        List<ReplyBlock> blocks = new ArrayList<>();
        blocks.add(new ReplyBlock.Facts(List.of(
                new Fact("Health", Formats.scoreWithCap(health)),
                new Fact("Trend", Formats.trend(health)),
                new Fact("ARR", Formats.money(account.arr())),
                new Fact("Renewal", Formats.dateWithDistance(account.renewalDate(), health.asOf())),
                new Fact("Segment", account.segment().label() + ", " + account.lifecycleStage().label()),
                new Fact("Owner", Formats.owner(account.csmEmail())))));
        heldBy(health).ifPresent(blocks::add);
        if (health.weekly().size() >= 2) {
            List<Double> points = health.weekly().stream().map(Integer::doubleValue).toList();
            blocks.add(new ReplyBlock.Trend("Health, last " + points.size() + " weeks (0-100)", points,
                    String.valueOf(health.weekly().get(0)), String.valueOf(health.score()), Optional.of(SCORE_SCALE)));
        }
        blocks.add(new ReplyBlock.Heading("Drivers"));
        List<Item> drivers = driverItems(health);
        if (drivers.isEmpty()) {
            blocks.add(new ReplyBlock.Paragraph("Nothing is pulling the score down by more than a few points."));
        } else {
            blocks.add(new ReplyBlock.Items(drivers));
        }
        List<String> missing = health.measures().stream().filter(MeasureResult::isMissing)
                .map(m -> m.measure().label() + " (" + m.evidence() + ")").toList();
        if (!missing.isEmpty()) {
            blocks.add(new ReplyBlock.Notice(Tone.WARNING, "Not scored, data missing: " + String.join("; ", missing)
                    + "."));
        }
        if (health.coverage() < 0.5) {
            blocks.add(new ReplyBlock.Notice(Tone.WARNING, "Only " + Formats.percent(health.coverage())
                    + " of the scorecard has data: treat this score with care."));
        }
        health.playbook().ifPresent(playbook -> {
            blocks.add(new ReplyBlock.Heading("Playbook: " + playbook.title()));
            blocks.add(new ReplyBlock.Items(steps(playbook)));
        });
        for (String stale : health.staleSources()) {
            blocks.add(new ReplyBlock.Notice(Tone.WARNING, capitalize(stale) + "."));
        }
        blocks.add(new ReplyBlock.Context(freshness(health)));
        blocks.add(new ReplyBlock.Actions(actions(health)));
        return Reply.answer(account.name() + " health: " + health.score() + "/100, " + health.band().label()
                + " (" + Formats.trendArrow(health) + ")", blocks);
    }

    /**
     * Why the band is lower than the weighted score would give: the caps that decide it (those at the
     * band the account ends in), in one notice.
     */
    static Optional<ReplyBlock> heldBy(HealthScore health) {
        List<String> deciding = health.caps().stream().filter(c -> c.band() == health.band()).map(BandCap::reason)
                .distinct().toList();
        if (deciding.isEmpty() || health.band() == Band.GREEN) {
            return Optional.empty();
        }
        return Optional.of(new ReplyBlock.Notice(health.band() == Band.RED ? Tone.BAD : Tone.WARNING,
                "Held at " + health.band().label() + (health.capped() ? " (weighted score " + health.weightedScore()
                        + ")" : "") + ": " + String.join("; ", deciding) + "."));
    }

    /**
     * The renewal risk first, then every driver; past {@link #DRIVERS_SHOWN} the rest are named on one
     * line, so a problem is never hidden (Show drivers has them all in full).
     */
    static List<Item> driverItems(HealthScore health) {
        List<Item> items = new ArrayList<>();
        health.renewalRisk().ifPresent(risk -> items.add(Item.of("Renewal risk: " + risk.sentence(),
                "playbook: " + Playbook.RENEWAL_AT_RISK.title(), Tone.BAD)));
        List<Driver> drivers = health.drivers();
        int shown = drivers.size() <= DRIVERS_SHOWN ? drivers.size() : DRIVERS_SHOWN - 1;
        drivers.stream().limit(shown).map(HealthAnswer::driverItem).forEach(items::add);
        if (shown < drivers.size()) {
            List<Driver> rest = drivers.subList(shown, drivers.size());
            items.add(Item.of("and " + rest.size() + " more: " + rest.stream()
                            .map(d -> d.measure().label() + " (" + Math.round(d.pointsLost()) + " points)")
                            .collect(Collectors.joining(", ")),
                    "Show drivers lists every measure with its evidence",
                    rest.stream().anyMatch(Driver::inRedZone) ? Tone.BAD : Tone.WARNING));
        }
        return items;
    }

    /** Every measure with its score and evidence: the answer to "Show drivers". */
    static Reply measures(HealthScore health) {
        List<Item> items = new ArrayList<>();
        for (MeasureResult measure : health.measures()) {
            if (measure.isMissing()) {
                items.add(Item.of(measure.measure().label() + ": no data", measure.evidence(), Tone.WARNING));
            } else {
                double score = measure.score().getAsDouble();
                items.add(Item.of(measure.measure().label() + ": " + Math.round(score) + "/100", measure.evidence(),
                        score < 50 ? Tone.BAD : score < 75 ? Tone.WARNING : Tone.GOOD));
            }
        }
        List<ReplyBlock> blocks = new ArrayList<>();
        blocks.add(new ReplyBlock.Paragraph("Overall " + Formats.scoreWithCap(health) + (health.onboarding()
                ? ", judged on time to value while onboarding." : ".")));
        heldBy(health).ifPresent(blocks::add);
        blocks.add(new ReplyBlock.Items(items));
        blocks.add(new ReplyBlock.Context(freshness(health)));
        return Reply.answer(health.account().name() + ": the measures behind " + health.score() + "/100", blocks);
    }

    /** "costs 12 points · in its red zone · playbook: Low adoption"; a good signal names no playbook. */
    static Item driverItem(Driver driver) {
        String detail = String.format(Locale.ROOT, "costs %s", Formats.plural(Math.round(driver.pointsLost()), "point"))
                + (driver.inRedZone() ? " · in its red zone" : "")
                + (driver.isProblem() ? " · playbook: " + driver.playbook().title() : "");
        return Item.of(driver.sentence(), detail,
                driver.inRedZone() || driver.pointsLost() >= 10 ? Tone.BAD : Tone.WARNING);
    }

    static List<Item> steps(Playbook playbook) {
        List<Item> steps = new ArrayList<>();
        for (int i = 0; i < playbook.firstSteps().size(); i++) {
            steps.add(Item.of((i + 1) + ". " + playbook.firstSteps().get(i)));
        }
        return steps;
    }

    static List<String> freshness(HealthScore health) {
        List<String> lines = new ArrayList<>();
        lines.add("Owner: " + Formats.owner(health.account().csmEmail()));
        lines.add(health.dataThrough().map(d -> "Usage data through " + d).orElse("No usage data"));
        lines.add("As of " + health.asOf());
        return lines;
    }

    private static List<Action> actions(HealthScore health) {
        String id = health.account().id();
        List<Action> actions = new ArrayList<>();
        actions.add(new Action(ActionIds.SHOW_DRIVERS, "Show drivers", id, Tone.NEUTRAL));
        actions.add(new Action(ActionIds.OPEN_QBR, "Open QBR", id, Tone.NEUTRAL));
        actions.add(new Action(ActionIds.OPEN_ACCOUNT, "Account context", id, Tone.NEUTRAL));
        health.playbook().ifPresent(playbook -> actions.add(new Action(ActionIds.START_PLAYBOOK,
                "Start playbook", id + "|" + playbook.id(), health.band() == Band.GREEN ? Tone.GOOD : Tone.BAD)));
        return actions;
    }

    static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
