package dev.csbot.alerts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One alert per problem: turns an account's findings and its unresolved alerts into changes. Nothing is raised
 * again while the signal persists; it is posted again only when materially worse (severity up, or its number
 * worse by the rule's {@code worse_step}) or after the cooldown; it resolves when the signal clears.
 */
final class AlertLifecycle {

    private final AlertRules rules;
    private final Map<String, Double> worseSteps = new HashMap<>();

    AlertLifecycle(AlertRules rules) {
        this.rules = rules;
        rules.rules().all().forEach(named -> worseSteps.put(named.id(), named.common().worseStep()));
    }

    List<AlertChange> plan(String accountId, List<Finding> findings, List<StoredAlert> unresolved, LocalDate asOf,
            Supplier<String> ids) {
        Map<String, StoredAlert> byRule = new HashMap<>();
        unresolved.forEach(alert -> byRule.put(alert.ruleId(), alert));
        List<AlertChange> changes = new ArrayList<>();
        for (Finding finding : findings) {
            StoredAlert existing = byRule.remove(finding.ruleId());
            if (existing == null) {
                changes.add(new AlertChange(AlertChange.Kind.NEW, ids.get(), accountId, finding.ruleId(),
                        Optional.of(finding), Optional.empty(), finding.severity().postedAtOnce()));
                continue;
            }
            boolean worse = finding.severity().compareTo(existing.notifiedSeverity()) > 0
                    || finding.level() - existing.notifiedLevel() >= worseSteps.getOrDefault(finding.ruleId(), 1.0);
            boolean silenced = existing.snoozedOn(asOf);
            boolean cooledDown = !asOf.isBefore(existing.notifiedOn().plusDays(rules.cooldownDays()));
            boolean tell = !silenced && finding.severity().postedAtOnce() && (worse || cooledDown);
            changes.add(new AlertChange(worse ? AlertChange.Kind.WORSE : AlertChange.Kind.OPEN, existing.id(), accountId,
                    finding.ruleId(), Optional.of(finding), Optional.of(existing), tell));
        }
        for (StoredAlert cleared : byRule.values()) {
            changes.add(new AlertChange(AlertChange.Kind.RESOLVED, cleared.id(), accountId, cleared.ruleId(),
                    Optional.empty(), Optional.of(cleared), false));
        }
        return changes;
    }
}
