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

    /** Days of usage a brief needs: this quarter and the one before. */
    public static final int USAGE_DAYS = 2 * QUARTER + 1;

    /** Utilization (active / seats) at which expansion may be discussed. */
    static final double EXPANSION_UTILIZATION = 0.80;

    private static final Set<String> STOP_WORDS = Set.of("the", "and", "for", "with", "from", "when", "not",
            "after", "into", "does", "doesn", "cannot", "can't", "issue", "issues", "error", "errors", "problem",
            "request", "question", "please", "help", "some", "our", "are", "was", "is", "on", "in", "of", "to", "a");

    public QbrBrief build(AccountSignals signals, HealthScore health) {
        LocalDate asOf = health.asOf();
        Account account = signals.account();
        return new QbrBrief(health, signals.objectives(), valueProof(signals, asOf), risks(signals, health, asOf),
                plan(account, signals.objectives(), health, asOf), expansion(health, signals, asOf));
    }

    private static QbrBrief.ValueProof valueProof(AccountSignals signals, LocalDate asOf) {
        LocalDate quarterStart = asOf.minusDays(QUARTER);
        LocalDate previousStart = quarterStart.minusDays(QUARTER);
        List<UsageDay> thisQuarter = between(signals.usage(), quarterStart, asOf);
        List<UsageDay> lastQuarter = between(signals.usage(), previousStart, quarterStart);
        int seats = signals.account().seatsPurchased();
        OptionalDouble activeNow = thisQuarter.stream().mapToInt(UsageDay::activeUsers).average();
        OptionalDouble activeBefore = lastQuarter.stream().mapToInt(UsageDay::activeUsers).average();
        List<String> wins = new ArrayList<>();
        signals.objectives().stream()
                .filter(o -> o.status() == ObjectiveStatus.DONE)
                .forEach(o -> wins.add("Achieved: " + o.objective() + " (" + o.metric() + ", target " + o.target() + ")"));
        signals.feedback().stream()
                .filter(f -> f.date().isAfter(quarterStart) && !f.date().isAfter(asOf))
                .filter(f -> !f.detractor() && f.kind() == dev.csbot.account.FeedbackKind.NPS && f.score() >= 9)
                .forEach(f -> wins.add("Promoter: NPS " + f.score() + " from " + f.contactEmail() + " on " + f.date()));
        long closed = signals.tickets().stream()
                .filter(t -> t.closedOn().filter(d -> d.isAfter(quarterStart) && !d.isAfter(asOf)).isPresent())
                .count();
        if (closed > 0) {
            wins.add(closed + " support ticket" + (closed == 1 ? "" : "s") + " resolved this quarter");
        }
        return new QbrBrief.ValueProof(activeNow, activeBefore,
                seats > 0 && activeNow.isPresent() ? OptionalDouble.of(activeNow.getAsDouble() / seats) : OptionalDouble.empty(),
                seats > 0 && activeBefore.isPresent() ? OptionalDouble.of(activeBefore.getAsDouble() / seats) : OptionalDouble.empty(),
                thisQuarter.stream().mapToInt(UsageDay::keyFeaturesUsed).max().orElse(0),
                lastQuarter.stream().mapToInt(UsageDay::keyFeaturesUsed).max().orElse(0),
                thisQuarter.stream().mapToLong(UsageDay::events).sum(),
                lastQuarter.stream().mapToLong(UsageDay::events).sum(),
                wins);
    }

    private static List<UsageDay> between(List<UsageDay> usage, LocalDate fromExclusive, LocalDate toInclusive) {
        return usage.stream().filter(d -> d.date().isAfter(fromExclusive) && !d.date().isAfter(toInclusive)).toList();
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
                .filter(d -> d.playbook() == Playbook.LOW_ADOPTION)
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

    /** Words that recur across ticket subjects this quarter: a cheap, explainable theme finder. */
    static List<String> supportThemes(List<Ticket> tickets) {
        if (tickets.isEmpty()) {
            return List.of();
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Ticket ticket : tickets) {
            Set<String> words = java.util.Arrays.stream(ticket.subject().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                    .filter(w -> w.length() >= 3 && !STOP_WORDS.contains(w))
                    .collect(Collectors.toSet());
            words.forEach(w -> counts.merge(w, 1, Integer::sum));
        }
        String themes = counts.entrySet().stream()
                .filter(e -> e.getValue() >= 2)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(3)
                .map(e -> "\"" + e.getKey() + "\" in " + e.getValue())
                .collect(Collectors.joining(", "));
        return List.of(tickets.size() + " ticket" + (tickets.size() == 1 ? "" : "s") + " opened this quarter"
                + (themes.isEmpty() ? ", no recurring theme" : "; recurring: " + themes));
    }

    private static List<QbrBrief.Priority> plan(Account account, List<SuccessPlanObjective> objectives,
            HealthScore health, LocalDate asOf) {
        List<QbrBrief.Priority> priorities = new ArrayList<>();
        String owner = account.csmEmail();
        int offset = 30;
        for (Driver driver : health.drivers()) {
            if (priorities.size() == 2) {
                break;
            }
            Playbook playbook = driver.playbook();
            boolean alreadyPlanned = priorities.stream().anyMatch(p -> p.what().startsWith(playbook.title()));
            if (!alreadyPlanned) {
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
