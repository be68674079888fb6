package dev.csbot.health;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.csbot.settings.YamlOverlay;
import dev.csbot.settings.YamlOverlay.EmptyMapping;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the scorecard: the defaults shipped in the jar, with an optional override file laid over them
 * key by key, so CS Ops change only what they mean to change. A bad file fails with its path and field.
 */
public final class ScorecardLoader {

    static final String DEFAULTS = "/scorecard/default-scorecard.yaml";

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS) // bands are written red, yellow, green
            .build();

    private ScorecardLoader() {}

    public static Scorecard defaults() {
        return bind(defaultTree(), "the shipped default scorecard");
    }

    /** The defaults with {@code overrideFile} laid over them. */
    public static Scorecard withOverrides(Path overrideFile) {
        ObjectNode merged = YamlOverlay.laidOver(YAML, defaultTree(), overrideFile, "scorecard", EmptyMapping.REFUSED,
                ScorecardException::new);
        return bind(merged, overrideFile.toString());
    }

    private static ObjectNode defaultTree() {
        return YamlOverlay.shipped(YAML, ScorecardLoader.class, DEFAULTS, "scorecard");
    }

    private static Scorecard bind(JsonNode tree, String source) {
        Scorecard scorecard;
        try {
            scorecard = YAML.treeToValue(tree, Scorecard.class);
        } catch (IOException e) {
            throw new ScorecardException(source + ": " + describe(e), e);
        }
        List<String> problems = validate(scorecard);
        if (!problems.isEmpty()) {
            throw new ScorecardException(source + ": " + String.join("; ", problems));
        }
        return scorecard;
    }

    private static String describe(IOException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (var reference : mapping.getPath()) {
                if (reference.getFieldName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
                }
            }
            return "field '" + path + "': " + mapping.getOriginalMessage().split("\n")[0];
        }
        return e.getMessage();
    }

    static List<String> validate(Scorecard s) {
        List<String> problems = new ArrayList<>();
        int red = s.bands().redBelow();
        int green = s.bands().greenFrom();
        if (red < 0 || green > 100 || red > green) {
            problems.add("bands: need 0 <= red_below <= green_from <= 100 (got " + red + " and " + green + ")");
        }
        checkWeights(problems, "weights", s.weights());
        checkWeights(problems, "onboarding_weights", s.onboardingWeights());
        if (s.trendDays() < 1) {
            problems.add("trend_days: must be at least 1");
        }
        if (s.maxDrivers() < 1) {
            problems.add("max_drivers: must be at least 1");
        }
        checkBandCaps(problems, s.bandCaps());
        checkRenewalRisk(problems, s.renewalRisk());
        var usageTrend = s.measures().usageTrend();
        if (usageTrend.minBase() < 0) {
            problems.add("measures.usage_trend.min_base: must be 0 or more");
        }
        var engagement = s.measures().engagement();
        if (engagement.overdueAfter() <= 1) {
            problems.add("measures.engagement.overdue_after: must be more than 1 (a multiple of the cadence)");
        }
        if (engagement.overdueScore() < 0 || engagement.overdueScore() > 100) {
            problems.add("measures.engagement.overdue_score: must be 0-100");
        }
        var timeToValue = s.measures().timeToValue();
        if (timeToValue.targetDays() < 1 || timeToValue.stalledAt() < 1
                || timeToValue.stalledAfterDays() >= timeToValue.overdueDays()) {
            problems.add("measures.time_to_value: need target_days >= 1, stalled_at >= 1 and target_days x stalled_at"
                    + " < overdue_days (got " + timeToValue.targetDays() + ", " + timeToValue.stalledAt() + " and "
                    + timeToValue.overdueDays() + ")");
        }
        return problems;
    }

    private static void checkBandCaps(List<String> problems, Scorecard.BandCaps caps) {
        if (caps.redZoneBelow() < 0 || caps.redZoneBelow() > 100) {
            problems.add("band_caps.red_zone_below: must be 0-100");
        }
        for (Map.Entry<String, Band> key : caps.keyMeasures().entrySet()) {
            if (Measure.fromKey(key.getKey()).isEmpty()) {
                problems.add("band_caps.key_measures." + key.getKey() + ": unknown measure (known: " + knownMeasures()
                        + ")");
            } else if (key.getValue() == null) {
                problems.add("band_caps.key_measures." + key.getKey() + ": must be red, yellow or green (no cap)");
            }
        }
        if (caps.redWhenKeyMeasuresInRedZone() < 0) {
            problems.add("band_caps.red_when_key_measures_in_red_zone: must be 0 (off) or more");
        }
        if (caps.stalledOnboarding() == null) {
            problems.add("band_caps.stalled_onboarding: must be red, yellow or green (no cap)");
        }
    }

    private static void checkRenewalRisk(List<String> problems, Scorecard.RenewalRiskPolicy policy) {
        if (policy.withinDays() < 0 || policy.withinDays() > 730) {
            problems.add("renewal_risk.within_days: must be 0 (off) to 730");
        }
        if (policy.seatsActiveBelow() < 0 || policy.seatsActiveBelow() > 1) {
            problems.add("renewal_risk.seats_active_below: must be a share of seats, 0-1 (0.5 = 50%)");
        }
        if (policy.sentimentBelow() < 0 || policy.sentimentBelow() > 100) {
            problems.add("renewal_risk.sentiment_below: must be 0-100");
        }
        if (policy.band() == null || policy.band() == Band.GREEN) {
            problems.add("renewal_risk.band: must be yellow or red (a renewal risk is never green; set within_days: 0"
                    + " to switch the policy off)");
        }
    }

    private static String knownMeasures() {
        return String.join(", ", java.util.Arrays.stream(Measure.values()).map(Measure::key).toList());
    }

    private static void checkWeights(List<String> problems, String name, Map<String, Double> weights) {
        double total = 0;
        for (Map.Entry<String, Double> weight : weights.entrySet()) {
            if (Measure.fromKey(weight.getKey()).isEmpty()) {
                problems.add(name + "." + weight.getKey() + ": unknown measure (known: " + knownMeasures() + ")");
            } else if (weight.getValue() == null || weight.getValue() < 0) {
                problems.add(name + "." + weight.getKey() + ": must be a number >= 0");
            } else {
                total += weight.getValue();
            }
        }
        if (total <= 0) {
            problems.add(name + ": at least one measure needs a weight above 0");
        }
    }

    /** The scorecard file is wrong; the message names the file and the field. */
    public static final class ScorecardException extends RuntimeException {
        ScorecardException(String message) {
            super(message);
        }

        ScorecardException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
