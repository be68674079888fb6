package dev.csbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Checks cards against the vendored Adaptive Card 1.5 schema (draft-06) and Teams' message size budget. */
public final class AdaptiveCardSchema {

    private static final Schema SCHEMA = load("/conformance/teams/adaptive-cards/adaptive-card-1.5.schema.json");

    /**
     * The budget a whole bot message must fit: limits.json says Teams refuses messages over about 100 KB
     * (UTF-16) and to keep under 80 KB; older documentation said 40 KB. We hold every card to 40 KB.
     */
    public static final int MESSAGE_LIMIT_UTF16_BYTES = 40 * 1024;

    private AdaptiveCardSchema() {}

    /** Fails with the schema errors when {@code cardJson} (an AdaptiveCard object) is not a valid 1.5 card. */
    public static void assertValid(String cardJson) {
        List<Error> errors = SCHEMA.validate(cardJson, InputFormat.JSON);
        assertThat(errors).as("Adaptive Card 1.5 schema errors for %s...",
                cardJson.substring(0, Math.min(400, cardJson.length()))).isEmpty();
        assertThat(cardJson).contains("\"version\":\"1.5\"");
        assertThat(cardJson.length() * 2).as("UTF-16 size of the card").isLessThanOrEqualTo(MESSAGE_LIMIT_UTF16_BYTES);
    }

    static List<Error> errors(String cardJson) {
        return SCHEMA.validate(cardJson, InputFormat.JSON);
    }

    private static Schema load(String resource) {
        try (InputStream in = AdaptiveCardSchema.class.getResourceAsStream(resource)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // The file declares draft-06 but names itself with draft-04's "id", which a draft-06 validator
            // refuses as an unknown keyword; the name plays no part in validation, so it is dropped.
            tools.jackson.databind.node.ObjectNode tree =
                    (tools.jackson.databind.node.ObjectNode) new tools.jackson.databind.ObjectMapper().readTree(text);
            tree.remove("id");
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_6).getSchema(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
