package dev.csbot.health;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads the scorecard: the defaults shipped in the jar, with an optional override file laid over them
 * key by key, so CS Ops change only what they mean to change. A bad file fails with its path and field.
 */
public final class ScorecardLoader {

    static final String DEFAULTS = "/scorecard/default-scorecard.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private ScorecardLoader() {}

    public static Scorecard defaults() {
        return bind(defaultTree(), "the shipped default scorecard");
    }

    /** The defaults with {@code overrideFile} laid over them. */
    public static Scorecard withOverrides(Path overrideFile) {
        JsonNode override;
        try {
            override = YAML.readTree(overrideFile.toFile());
        } catch (IOException e) {
            throw new ScorecardException(overrideFile + ": cannot read the scorecard: " + e.getMessage(), e);
        }
        if (override != null && !override.isMissingNode() && !override.isNull() && !override.isObject()) {
            throw new ScorecardException(overrideFile + ": the scorecard must be a YAML mapping of keys");
        }
        ObjectNode merged = defaultTree();
        if (override instanceof ObjectNode overrides) {
            merge(merged, overrides);
        }
        return bind(merged, overrideFile.toString());
    }

    private static ObjectNode defaultTree() {
        try (InputStream in = ScorecardLoader.class.getResourceAsStream(DEFAULTS)) {
            return (ObjectNode) YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the jar's default scorecard cannot be read", e);
        }
    }

    private static void merge(ObjectNode target, ObjectNode overrides) {
        Iterator<Map.Entry<String, JsonNode>> fields = overrides.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode existingObject && field.getValue() instanceof ObjectNode overrideObject
                    && !isWeights(field.getKey())) {
                merge(existingObject, overrideObject);
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }

    /** A weights map is replaced whole: leaving a measure out of it means "do not use it". */
    private static boolean isWeights(String key) {
        return key.equals("weights") || key.equals("onboarding_weights");
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
        return problems;
    }

    private static void checkWeights(List<String> problems, String name, Map<String, Double> weights) {
        double total = 0;
        for (Map.Entry<String, Double> weight : weights.entrySet()) {
            if (Measure.fromKey(weight.getKey()).isEmpty()) {
                problems.add(name + "." + weight.getKey() + ": unknown measure (known: "
                        + String.join(", ", java.util.Arrays.stream(Measure.values()).map(Measure::key).toList()) + ")");
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
