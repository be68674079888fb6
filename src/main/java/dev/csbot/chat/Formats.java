package dev.csbot.chat;

import dev.csbot.health.Band;
import dev.csbot.health.Driver;
import dev.csbot.health.HealthScore;
import dev.csbot.health.RenewalRisk;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/** How numbers, money, dates and trends read in every reply. */
final class Formats {

    private Formats() {}

    /** $1.2M, $85k, $900. */
    static String money(long amount) {
        if (amount >= 1_000_000) {
            return String.format(Locale.ROOT, "$%.1fM", amount / 1_000_000.0).replace(".0M", "M");
        }
        if (amount >= 10_000) {
            return String.format(Locale.ROOT, "$%dk", Math.round(amount / 1000.0));
        }
        return String.format(Locale.ROOT, "$%,d", amount);
    }

    static String score(HealthScore health) {
        return health.score() + "/100 " + health.band().label();
    }

    /** "74/100 yellow (held from 83)": a capped score says what the weighted mean was. */
    static String scoreWithCap(HealthScore health) {
        return score(health) + (health.capped() ? " (held from " + health.weightedScore() + ")" : "");
    }

    /** "49/100 red (held from 59, down 43)", "81/100 green (up 6)": for one line of a list. */
    static String scoreAndTrend(HealthScore health) {
        return score(health) + " (" + (health.capped() ? "held from " + health.weightedScore() + ", " : "")
                + trendArrow(health) + ")";
    }

    /** The CSM who owns an account; a pooled or tech-touch account has none: "unassigned". */
    static String owner(String csmEmail) {
        return csmEmail == null || csmEmail.isBlank() ? UNASSIGNED : csmEmail;
    }

    static final String UNASSIGNED = "unassigned";

    /**
     * The one line a list shows for an account's main risk: a triggered renewal risk, else the costliest
     * driver that is a real problem (never a good signal); empty when nothing costs more than a few points.
     */
    static Optional<String> mainRisk(HealthScore health) {
        var renewal = health.renewalRisk().filter(RenewalRisk::triggered);
        if (renewal.isPresent()) {
            return Optional.of("Renewal risk: " + String.join("; ", renewal.get().reasons()));
        }
        return health.drivers().stream().filter(Driver::isProblem).findFirst().map(Driver::sentence);
    }

    /** "down 12 in 30 days (from 54)", "flat over 30 days", "new: no score 30 days ago". */
    static String trend(HealthScore health) {
        if (health.change().isEmpty()) {
            return "no score " + health.trendDays() + " days ago to compare with";
        }
        int change = health.change().getAsInt();
        if (change == 0) {
            return "flat over " + health.trendDays() + " days";
        }
        return (change > 0 ? "up " : "down ") + Math.abs(change) + " in " + health.trendDays() + " days (from "
                + health.previousScore().getAsInt() + ")";
    }

    /** "+5", "-12", "=" for compact lists. */
    static String trendArrow(HealthScore health) {
        if (health.change().isEmpty()) {
            return "new";
        }
        int change = health.change().getAsInt();
        return change == 0 ? "flat" : (change > 0 ? "up " + change : "down " + Math.abs(change));
    }

    /** "2027-01-22 (in 60 days)", "2026-11-01 (22 days ago)". */
    static String dateWithDistance(LocalDate date, LocalDate today) {
        long days = ChronoUnit.DAYS.between(today, date);
        if (days == 0) {
            return date + " (today)";
        }
        return date + (days > 0 ? " (in " + days + " days)" : " (" + -days + " days ago)");
    }

    static ReplyBlock.Tone tone(Band band) {
        return switch (band) {
            case RED -> ReplyBlock.Tone.BAD;
            case YELLOW -> ReplyBlock.Tone.WARNING;
            case GREEN -> ReplyBlock.Tone.GOOD;
        };
    }

    static String percent(double fraction) {
        return Math.round(fraction * 100) + "%";
    }

    static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
