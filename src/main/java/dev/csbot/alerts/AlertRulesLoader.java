package dev.csbot.alerts;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.csbot.account.Segment;
import dev.csbot.health.Band;
import dev.csbot.health.Playbook;
import dev.csbot.settings.YamlOverlay;
import dev.csbot.settings.YamlOverlay.EmptyMapping;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads the alert rules the way the scorecard is read: the defaults shipped in the jar, with an optional
 * override file laid over them key by key. A bad file fails with its path, the rule and the field.
 */
public final class AlertRulesLoader {

    static final String DEFAULTS = "/alerts/default-rules.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private AlertRulesLoader() {}

    public static AlertRules defaults() {
        return bind(defaultTree(), "the shipped default alert rules");
    }

    /** The defaults with {@code overrideFile} laid over them. */
    public static AlertRules withOverrides(Path overrideFile) {
        ObjectNode merged = YamlOverlay.laidOver(YAML, defaultTree(), overrideFile, "alert rules", EmptyMapping.NULL,
                AlertRulesException::new);
        return bind(merged, overrideFile.toString());
    }

    private static ObjectNode defaultTree() {
        return YamlOverlay.shipped(YAML, AlertRulesLoader.class, DEFAULTS, "alert rules");
    }

    private static AlertRules bind(JsonNode tree, String source) {
        AlertRules rules;
        try {
            rules = YAML.treeToValue(tree, AlertRules.class);
        } catch (IOException e) {
            throw new AlertRulesException(source + ": " + describe(e), e);
        }
        if (rules.rules() == null) {
            throw new AlertRulesException(source + ": 'rules' is missing");
        }
        AlertRules.Rules r = rules.rules();
        java.util.Map<String, Object> each = new java.util.LinkedHashMap<>();
        each.put("usage_drop", r.usageDrop());
        each.put("no_activity", r.noActivity());
        each.put("stakeholder_left", r.stakeholderLeft());
        each.put("support_spike", r.supportSpike());
        each.put("detractor_feedback", r.detractorFeedback());
        each.put("renewal_at_risk", r.renewalAtRisk());
        each.put("license_utilization", r.licenseUtilization());
        each.put("health_band_drop", r.healthBandDrop());
        each.put("onboarding_stalled", r.onboardingStalled());
        each.forEach((id, rule) -> {
            if (rule == null) {
                throw new AlertRulesException(source + ": rule '" + id + "' is empty; set enabled: false to turn it off");
            }
        });
        List<String> problems = validate(rules);
        if (!problems.isEmpty()) {
            throw new AlertRulesException(source + ": " + String.join("; ", problems));
        }
        return rules;
    }

    /** "rule 'usage_drop', field 'min_drop': ..." from Jackson's path. */
    private static String describe(IOException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            List<String> names = new ArrayList<>();
            for (JsonMappingException.Reference reference : mapping.getPath()) {
                names.add(reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]");
            }
            String what = mapping.getOriginalMessage().split("\n")[0];
            if (names.size() >= 3 && names.get(0).equals("rules")) {
                return "rule '" + names.get(1) + "', field '" + String.join(".", names.subList(2, names.size()))
                        .replace(".[", "[") + "': " + what;
            }
            if (names.size() == 2 && names.get(0).equals("rules")) {
                return "rule '" + names.get(1) + "': " + what;
            }
            return "field '" + String.join(".", names) + "': " + what;
        }
        return e.getMessage();
    }

    static List<String> validate(AlertRules rules) {
        List<String> problems = new ArrayList<>();
        if (rules.cooldownDays() < 1) {
            problems.add("field 'cooldown_days': must be at least 1");
        }
        for (AlertRules.Named named : rules.rules().all()) {
            if (named.common() == null) {
                continue;
            }
            String rule = "rule '" + named.id() + "', field ";
            checkSeverity(problems, rule + "'severity'", named.common().severity());
            if (Playbook.fromId(String.valueOf(named.common().playbook())).isEmpty()) {
                problems.add(rule + "'playbook': unknown playbook '" + named.common().playbook() + "' (known: "
                        + String.join(", ", Arrays.stream(Playbook.values()).map(Playbook::id).toList()) + ")");
            }
            if (named.common().worseStep() <= 0) {
                problems.add(rule + "'worse_step': must be above 0");
            }
            List<AlertRules.ContextRule> context = named.common().context();
            for (int i = 0; i < context.size(); i++) {
                String at = rule + "'context[" + i + "]";
                AlertRules.ContextRule c = context.get(i);
                checkSeverity(problems, at + ".severity'", c.severity());
                if (c.when() == null) {
                    problems.add(at + ".when': is missing (give at least one condition)");
                    continue;
                }
                for (String band : nonNull(c.when().band())) {
                    if (Arrays.stream(Band.values()).noneMatch(b -> b.label().equalsIgnoreCase(band))) {
                        problems.add(at + ".when.band': unknown band '" + band + "' (red, yellow, green)");
                    }
                }
                for (String segment : nonNull(c.when().segment())) {
                    if (Segment.fromLabel(segment).isEmpty()) {
                        problems.add(at + ".when.segment': unknown segment '" + segment
                                + "' (enterprise, mid-market, smb)");
                    }
                }
            }
        }
        AlertRules.Rules r = rules.rules();
        positive(problems, "usage_drop", "recent_days", r.usageDrop().recentDays());
        positive(problems, "usage_drop", "baseline_days", r.usageDrop().baselineDays());
        fraction(problems, "usage_drop", "min_drop", r.usageDrop().minDrop());
        fraction(problems, "usage_drop", "high_drop", r.usageDrop().highDrop());
        positive(problems, "no_activity", "days", r.noActivity().days());
        positive(problems, "stakeholder_left", "lookback_days", r.stakeholderLeft().lookbackDays());
        checkSeverity(problems, "rule 'support_spike', field 'urgent_open_severity'", r.supportSpike().urgentOpenSeverity());
        positive(problems, "support_spike", "recent_days", r.supportSpike().recentDays());
        positive(problems, "support_spike", "baseline_days", r.supportSpike().baselineDays());
        positive(problems, "detractor_feedback", "lookback_days", r.detractorFeedback().lookbackDays());
        positive(problems, "detractor_feedback", "promoter_days", r.detractorFeedback().promoterDays());
        for (int i = 0; i < r.renewalAtRisk().windows().size(); i++) {
            AlertRules.Window window = r.renewalAtRisk().windows().get(i);
            positive(problems, "renewal_at_risk", "windows[" + i + "].days", window.days());
            checkSeverity(problems, "rule 'renewal_at_risk', field 'windows[" + i + "].severity'", window.severity());
        }
        if (r.renewalAtRisk().enabled() && r.renewalAtRisk().windows().isEmpty()) {
            problems.add("rule 'renewal_at_risk', field 'windows': needs at least one window");
        }
        positive(problems, "license_utilization", "window_days", r.licenseUtilization().windowDays());
        fraction(problems, "license_utilization", "under", r.licenseUtilization().under());
        checkSeverity(problems, "rule 'health_band_drop', field 'two_band_severity'", r.healthBandDrop().twoBandSeverity());
        fraction(problems, "onboarding_stalled", "first_value_utilization", r.onboardingStalled().firstValueUtilization());
        positive(problems, "onboarding_stalled", "target_days", r.onboardingStalled().targetDays());
        if (r.onboardingStalled().overdueDays() < r.onboardingStalled().targetDays()) {
            problems.add("rule 'onboarding_stalled', field 'overdue_days': must be at least target_days");
        }
        checkSeverity(problems, "rule 'onboarding_stalled', field 'overdue_severity'", r.onboardingStalled().overdueSeverity());
        return problems;
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static void checkSeverity(List<String> problems, String where, String severity) {
        if (Severity.fromLabel(severity).isEmpty()) {
            problems.add(where + ": '" + severity + "' is not a severity (low, medium, high)");
        }
    }

    private static void positive(List<String> problems, String rule, String field, int value) {
        if (value < 1) {
            problems.add("rule '" + rule + "', field '" + field + "': must be at least 1");
        }
    }

    private static void fraction(List<String> problems, String rule, String field, double value) {
        if (value <= 0 || value >= 1) {
            problems.add("rule '" + rule + "', field '" + field + "': must be a fraction between 0 and 1 (got " + value
                    + ")");
        }
    }

    /** The rules file is wrong; the message names the file, the rule and the field. */
    public static final class AlertRulesException extends RuntimeException {
        AlertRulesException(String message) {
            super(message);
        }

        AlertRulesException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
