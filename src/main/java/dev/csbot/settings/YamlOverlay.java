package dev.csbot.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Function;

/**
 * A settings file (scorecard, alert rules, themes) laid over the defaults shipped in the jar, key by key: mappings
 * merge, so a file names only what it changes; anything else (a number, a list) replaces the default whole. Each
 * loader then binds and validates the merged tree itself.
 */
public final class YamlOverlay {

    /** A settings file is a page or two of YAML; anything bigger is not one. */
    public static final long MAX_FILE_BYTES = 256 * 1024;

    /** What a key of the defaults' mappings set to nothing ({@code key:} or {@code key: null}) means. */
    public enum EmptyMapping {
        /** It is refused, naming the field: it would silently drop every default below it. */
        REFUSED,
        /** It is null in the merged tree: the loader removes it ("a theme: null") or names it itself. */
        NULL
    }

    private YamlOverlay() {}

    /** The defaults shipped in the jar at {@code resource}. */
    public static ObjectNode shipped(ObjectMapper yaml, Class<?> owner, String resource, String what) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is missing");
            }
            return (ObjectNode) yaml.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the jar's default " + what + " cannot be read", e);
        }
    }

    /**
     * {@code defaults} with {@code file} laid over them. Every problem with the file itself (too big, unreadable, not a
     * mapping, a mapping of the defaults set to nothing when {@code empty} refuses it) becomes {@code error} of a message that starts with the file.
     *
     * @param what what the file holds, as in "cannot read the {@code what}" ("alert rules", "scorecard")
     */
    public static ObjectNode laidOver(ObjectMapper yaml, ObjectNode defaults, Path file, String what,
            EmptyMapping empty, Function<String, ? extends RuntimeException> error) {
        JsonNode override;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw error.apply(file + ": the " + what + " file is larger than " + MAX_FILE_BYTES / 1024
                        + " KB; it should be a page of YAML");
            }
            override = yaml.readTree(file.toFile());
        } catch (IOException e) {
            RuntimeException failure = error.apply(file + ": cannot read the " + what + ": " + e.getMessage());
            failure.initCause(e);
            throw failure;
        }
        if (override != null && !override.isMissingNode() && !override.isNull() && !override.isObject()) {
            throw error.apply(file + ": the " + what + " must be a YAML mapping of keys");
        }
        ObjectNode merged = defaults.deepCopy();
        if (override instanceof ObjectNode overrides) {
            merge(merged, overrides, "", file, empty, error);
        }
        return merged;
    }

    private static void merge(ObjectNode target, ObjectNode overrides, String path, Path file, EmptyMapping empty,
            Function<String, ? extends RuntimeException> error) {
        Iterator<Map.Entry<String, JsonNode>> fields = overrides.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            JsonNode existing = target.get(field.getKey());
            if (empty == EmptyMapping.REFUSED && existing instanceof ObjectNode
                    && (field.getValue() == null || field.getValue().isNull())) {
                throw error.apply(file + ": field '" + fieldPath + "' is empty: give it values, or leave it out to keep"
                        + " the defaults");
            }
            if (existing instanceof ObjectNode existingObject && field.getValue() instanceof ObjectNode overrideObject) {
                merge(existingObject, overrideObject, fieldPath, file, empty, error);
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }
}
