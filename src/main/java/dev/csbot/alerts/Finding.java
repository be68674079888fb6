package dev.csbot.alerts;

import dev.csbot.health.Playbook;

/**
 * A rule firing for one account on one day: what happened in plain words with its numbers, how bad it is,
 * and the playbook that answers it.
 *
 * @param ruleId the rule's stable id ({@code usage_drop}, ...)
 * @param headline one line, e.g. "Usage down 31% against its own baseline"
 * @param evidence the numbers behind it, e.g. "412 active users a day over the 90 days before, 284 over the last 14"
 * @param level the rule's number, larger is worse (a drop in %, days without activity...): "materially worse"
 *     is measured on it against the rule's {@code worse_step}
 */
public record Finding(String ruleId, Severity severity, Playbook playbook, String headline, String evidence,
        double level) {}
