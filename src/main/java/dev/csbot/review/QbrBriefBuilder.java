package dev.csbot.review;

import dev.csbot.account.Account;
import dev.csbot.account.AccountSignals;
import dev.csbot.account.Contact;
import dev.csbot.account.ObjectiveStatus;
import dev.csbot.account.SuccessPlanObjective;
import dev.csbot.account.Ticket;
import dev.csbot.account.UsageDay;
import dev.csbot.health.Band;
import dev.csbot.health.Driver;
import dev.csbot.health.HealthScore;
import dev.csbot.health.Measure;
import dev.csbot.health.Playbook;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

/** Builds a {@link QbrBrief} from an account's signals (at least two quarters of usage) and its health. */
public final class QbrBriefBuilder {

    static final int QUARTER = 90;

    /** The measures whose drivers are adoption gaps. */
    private static final Set<Measure> ADOPTION = Set.of(Measure.LICENSE_UTILIZATION, Measure.USAGE_TREND,
            Measure.ADOPTION_BREADTH, Measure.TIME_TO_VALUE);

    /** Days of usage a brief needs: this quarter and the one before. */
    public static final int USAGE_DAYS = 2 * QUARTER + 1;

    /** Days a quarter may lack at its ends (a late export, a quiet start) and still count as complete. */
    static final int MISSING_DAYS_FORGIVEN = 3;

    /** Quarter-over-quarter growth in active users that counts as a win, from at least this many users a day. */
    static final double GROWTH_WORTH_A_WIN = 0.10;
    static final double MIN_BASE_USERS = 10;

    /** Utilization (active / seats) at which expansion may be discussed. */
    static final double EXPANSION_UTILIZATION = 0.80;

    public QbrBrief build(AccountSignals signals, HealthScore health) {
        LocalDate asOf = health.asOf();
        Account account = signals.account();
        return new QbrBrief(health, signals.objectives(), valueProof(signals, asOf), risks(signals, health, asOf),
                plan(account, signals.objectives(), health, asOf), expansion(health, signals, asOf));
    }

    private static QbrBrief.ValueProof valueProof(AccountSignals signals, LocalDate asOf) {
        LocalDate quarterStart = asOf.minusDays(QUARTER);
        int seats = signals.account().seatsPurchased();
        QbrBrief.Quarter thisQuarter = quarter(signals.usage(), quarterStart, asOf, seats);
        QbrBrief.Quarter lastQuarter = quarter(signals.usage(), quarterStart.minusDays(QUARTER), quarterStart, seats);
        List<String> wins = new ArrayList<>();
        signals.objectives().stream()
                .filter(o -> o.status() == ObjectiveStatus.DONE)
                .forEach(o -> wins.add("Achieved: " + o.objective() + " (" + o.metric() + ", target " + o.target()
                        + ", due " + o.dueDate() + ")"));
        if (thisQuarter.complete() && lastQuarter.complete()) {
            measuredOutcomes(thisQuarter, lastQuarter, wins);
        }
        List<String> advocacy = signals.feedback().stream()
                .filter(f -> f.date().isAfter(quarterStart) && !f.date().isAfter(asOf))
                .filter(f -> f.kind() == dev.csbot.account.FeedbackKind.NPS && f.score() >= 9)
                .map(f -> "Promoter: NPS " + f.score() + " from " + f.contactEmail() + " on " + f.date())
                .toList();
        return new QbrBrief.ValueProof(thisQuarter, lastQuarter, wins, advocacy);
    }

    /** Growth the customer can see in their own numbers, quarter over quarter (both quarters complete). */
    private static void measuredOutcomes(QbrBrief.Quarter now, QbrBrief.Quarter before, List<String> wins) {
        if (now.activeUsers().isPresent() && before.activeUsers().isPresent() && before.activeUsers().getAsDouble()
                >= MIN_BASE_USERS) {
            double change = now.activeUsers().getAsDouble() / before.activeUsers().getAsDouble() - 1;
            if (change >= GROWTH_WORTH_A_WIN) {
                wins.add(String.format(Locale.ROOT, "Active users a day up %d%% quarter over quarter (%d -> %d)",
                        Math.round(change * 100), Math.round(before.activeUsers().getAsDouble()),
                        Math.round(now.activeUsers().getAsDouble())));
            }
        }
        if (now.keyFeatures() > before.keyFeatures() && before.keyFeatures() > 0) {
            wins.add("Key features in use up from " + before.keyFeatures() + " to " + now.keyFeatures());
        }
    }

    private static List<UsageDay> between(List<UsageDay> usage, LocalDate fromExclusive, LocalDate toInclusive) {
        return usage.stream().filter(d -> d.date().isAfter(fromExclusive) && !d.date().isAfter(toInclusive)).toList();
    }

    /** Usage dated after {@code fromExclusive} and up to {@code toInclusive}, and how much of it there is. */
    private static QbrBrief.Quarter quarter(List<UsageDay> usage, LocalDate fromExclusive, LocalDate toInclusive,
            int seats) {
        List<UsageDay> days = between(usage, fromExclusive, toInclusive);
        int covered = days.isEmpty() ? 0
                : (int) java.time.temporal.ChronoUnit.DAYS.between(days.get(0).date(), days.get(days.size() - 1).date())
                        + 1;
        OptionalDouble active = days.stream().mapToInt(UsageDay::activeUsers).average();
        return new QbrBrief.Quarter(fromExclusive.plusDays(1), toInclusive, QUARTER, covered,
                days.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(days.get(0).date()), active,
                seats > 0 && active.isPresent() ? OptionalDouble.of(active.getAsDouble() / seats) : OptionalDouble.empty(),
                days.stream().mapToInt(UsageDay::keyFeaturesUsed).max().orElse(0),
                days.stream().mapToLong(UsageDay::events).sum());
    }

    private static QbrBrief.Risks risks(AccountSignals signals, HealthScore health, LocalDate asOf) {
        LocalDate quarterStart = asOf.minusDays(QUARTER);
        List<Ticket> recent = signals.tickets().stream()
                .filter(t -> t.openedOn().isAfter(quarterStart) && !t.openedOn().isAfter(asOf))
                .toList();
        List<String> support = new ArrayList<>(supportThemes(recent));
        signals.tickets().stream()
                .filter(t -> t.openOn(asOf) && t.urgentOrHigh())
                .forEach(t -> support.add("Open " + (t.severity() == 1 ? "urgent" : "high") + " ticket " + t.id()
                        + " since " + t.openedOn() + ": " + t.subject()));
        List<String> adoption = health.drivers().stream()
                .filter(d -> d.isProblem() && ADOPTION.contains(d.measure()))
                .map(Driver::sentence)
                .collect(Collectors.toCollection(ArrayList::new));
        List<String> stakeholders = new ArrayList<>();
        for (Contact contact : signals.contacts()) {
            contact.leftOn()
                    .filter(left -> left.isAfter(asOf.minusDays(2L * QUARTER)) && !left.isAfter(asOf))
                    .ifPresent(left -> stakeholders.add(role(contact) + contact.name() + " (" + contact.title()
                            + ") left on " + left));
        }
        if (signals.contacts().stream().noneMatch(c -> c.champion() && c.activeOn(asOf))) {
            stakeholders.add("No champion in place");
        }
        List<String> voice = signals.feedback().stream()
                .filter(f -> f.date().isAfter(quarterStart) && !f.date().isAfter(asOf) && f.detractor())
                .map(f -> "Detractor: " + f.kind().label().toUpperCase(Locale.ROOT) + " " + f.score() + " from "
                        + f.contactEmail() + " on " + f.date())
                .toList();
        return new QbrBrief.Risks(support, adoption, stakeholders, voice);
    }

    private static String role(Contact contact) {
        if (contact.champion()) {
            return "Champion ";
        }
        return contact.execSponsor() ? "Executive sponsor " : "";
    }

    /** How many tickets this quarter, and the phrases that recur across their subjects. */
    static List<String> supportThemes(List<Ticket> tickets) {
        if (tickets.isEmpty()) {
            return List.of();
        }
        String themes = SupportThemes.recurring(tickets).stream()
                .map(t -> "\"" + t.phrase() + "\" in " + t.tickets())
                .collect(Collectors.joining(", "));
        return List.of(tickets.size() + " ticket" + (tickets.size() == 1 ? "" : "s") + " opened this quarter"
                + (themes.isEmpty() ? ", no recurring theme" : "; recurring: " + themes));
    }

    private static List<QbrBrief.Priority> plan(Account account, List<SuccessPlanObjective> objectives,
            HealthScore health, LocalDate asOf) {
        List<QbrBrief.Priority> priorities = new ArrayList<>();
        String owner = account.csmEmail();
        int offset = 30;
        if (health.renewalRisk().isPresent()) {
            // Before the renewal, not after it: a week ahead of the date, or in two weeks if that comes first.
            LocalDate due = account.renewalDate().minusDays(7);
            due = due.isAfter(asOf.plusDays(14)) ? asOf.plusDays(14) : due.isAfter(asOf) ? due : asOf.plusDays(1);
            Playbook renewal = Playbook.RENEWAL_AT_RISK;
            priorities.add(new QbrBrief.Priority(renewal.title() + ": " + renewal.firstSteps().get(0), owner, due,
                    "renewal risk: " + health.renewalRisk().get().sentence()));
        }
        for (Driver driver : health.drivers()) {
            if (priorities.size() == 2) {
                break;
            }
            Playbook playbook = driver.playbook();
            boolean alreadyPlanned = priorities.stream().anyMatch(p -> p.what().startsWith(playbook.title()));
            if (driver.isProblem() && !alreadyPlanned) {
                priorities.add(new QbrBrief.Priority(playbook.title() + ": " + playbook.firstSteps().get(0),
                        owner, asOf.plusDays(offset), driver.sentence()));
                offset += 15;
            }
        }
        objectives.stream()
                .filter(o -> o.status() != ObjectiveStatus.DONE)
                .sorted(Comparator.comparing((SuccessPlanObjective o) -> o.status() != ObjectiveStatus.AT_RISK)
                        .thenComparing(SuccessPlanObjective::dueDate))
                .limit(3 - priorities.size())
                .forEach(o -> priorities.add(new QbrBrief.Priority(o.objective() + " (" + o.metric() + " to "
                        + o.target() + ")", owner, o.dueDate().isBefore(asOf) ? asOf.plusDays(30) : o.dueDate(),
                        "success plan objective, " + o.status().label()
                                + (o.dueDate().isBefore(asOf) ? ", overdue since " + o.dueDate() : ""))));
        if (priorities.isEmpty()) {
            priorities.add(new QbrBrief.Priority("Agree next quarter's success plan objectives with the customer",
                    owner, asOf.plusDays(30), "no open objectives on record"));
        }
        return priorities;
    }

    private static QbrBrief.Expansion expansion(HealthScore health, AccountSignals signals, LocalDate asOf) {
        UsageDayStats recent = UsageDayStats.of(signals.usage(), asOf.minusDays(30), asOf);
        int seats = signals.account().seatsPurchased();
        double utilization = seats > 0 ? recent.meanActive() / seats : 0;
        List<String> holds = new ArrayList<>();
        if (health.band() != Band.GREEN) {
            holds.add("health is " + health.band().label() + " (" + health.score() + ")");
        }
        if (recent.days() == 0) {
            holds.add("no usage data for the last 30 days");
        } else if (utilization < EXPANSION_UTILIZATION) {
            holds.add(String.format(Locale.ROOT, "utilization over the last 30 days is %d%%, under %d%%",
                    Math.round(utilization * 100),
                    Math.round(EXPANSION_UTILIZATION * 100)));
        }
        if (health.scoreOf(Measure.SENTIMENT) >= 0 && health.scoreOf(Measure.SENTIMENT) < 50) {
            holds.add("recent sentiment is poor");
        }
        if (holds.isEmpty()) {
            return new QbrBrief.Expansion(true, String.format(Locale.ROOT,
                    "Value is proven: health %d (green), %d%% of %d seats active. Introduce the next use case and"
                            + " quantify ROI with the account executive.",
                    health.score(), Math.round(utilization * 100), seats));
        }
        return new QbrBrief.Expansion(false, "Held back until value is proven: " + String.join("; ", holds) + ".");
    }

    private record UsageDayStats(int days, double meanActive) {
        static UsageDayStats of(List<UsageDay> usage, LocalDate fromExclusive, LocalDate to) {
            List<UsageDay> window = between(usage, fromExclusive, to);
            return new UsageDayStats(window.size(), window.stream().mapToInt(UsageDay::activeUsers).average().orElse(0));
        }
    }
}
