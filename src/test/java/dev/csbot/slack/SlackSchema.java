package dev.csbot.slack;

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

/** Validates payloads against the vendored JSON schemas (Block Kit, app manifest). */
public final class SlackSchema {

    private static final Schema BLOCK_KIT = load("/conformance/slack/blockkit/slack-block-kit.schema.json",
            SpecificationVersion.DRAFT_2020_12);

    /** The same schema with its modal view as the root: what views.open and response_action: update send. */
    private static final Schema MODAL = loadRootedAt("/conformance/slack/blockkit/slack-block-kit.schema.json",
            "#/$defs/modal_view");

    private SlackSchema() {}

    /** A modal view, as the {@code view} of views.open or of a view_submission's response_action: update. */
    public static void assertValidModal(String viewJson) {
        List<Error> errors = MODAL.validate(viewJson, InputFormat.JSON);
        assertThat(errors).as("Block Kit modal schema errors for %s", viewJson.length() > 600
                ? viewJson.substring(0, 600) + "..." : viewJson).isEmpty();
    }

    private static Schema loadRootedAt(String resource, String root) {
        try (InputStream in = SlackSchema.class.getResourceAsStream(resource)) {
            com.google.gson.JsonObject schema = com.google.gson.JsonParser.parseString(
                    new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
            for (String key : List.of("type", "minItems", "maxItems", "items")) {
                schema.remove(key);
            }
            schema.addProperty("$ref", root);
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema.toString(),
                    InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON array of blocks, as in a message's or a view's {@code blocks}. */
    public static void assertValidBlocks(String blocksJson) {
        List<Error> errors = BLOCK_KIT.validate(blocksJson, InputFormat.JSON);
        assertThat(errors).as("Block Kit schema errors for %s", blocksJson.length() > 400
                ? blocksJson.substring(0, 400) + "..." : blocksJson).isEmpty();
    }

    static Schema load(String resource, SpecificationVersion version) {
        try (InputStream in = SlackSchema.class.getResourceAsStream(resource)) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return SchemaRegistry.withDefaultDialect(version).getSchema(json, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
