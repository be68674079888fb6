package dev.csbot.alerts;

import java.time.LocalDate;
import java.util.List;

/**
 * What an evaluation found, one line per (account, rule) that fired or cleared: what {@code csbot scan} prints.
 *
 * @param messages how many messages it queued (one per account with something to say, per target)
 */
public record ScanResult(LocalDate asOf, boolean dryRun, int accounts, List<Line> lines, int messages) {

    public ScanResult {
        lines = List.copyOf(lines);
    }

    public record Line(String accountId, String accountName, String rule, Severity severity, String state,
            String headline, String evidence, String owner, boolean notified) {}

    public long count(String state) {
        return lines.stream().filter(l -> l.state().equals(state)).count();
    }
}
