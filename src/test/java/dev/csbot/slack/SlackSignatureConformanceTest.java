package dev.csbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.app_backend.SlackSignature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The vendored signing vectors, through the verifier Bolt uses for every request to /slack/events,
 * with its clock pinned to each vector's "now".
 */
class SlackSignatureConformanceTest {

    @TestFactory
    List<DynamicTest> everySigningVectorIsJudgedAsSlackSpecifies() throws IOException {
        JsonObject file;
        try (InputStream in = getClass().getResourceAsStream("/conformance/slack/signing-vectors.json")) {
            file = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonElement element : file.getAsJsonArray("vectors")) {
            JsonObject vector = element.getAsJsonObject();
            tests.add(DynamicTest.dynamicTest(vector.get("id").getAsString(), () -> {
                SlackSignature.Verifier verifier = new SlackSignature.Verifier(
                        new SlackSignature.Generator(vector.get("signing_secret").getAsString()));
                boolean valid = verifier.isValid(string(vector, "x_slack_request_timestamp"),
                        vector.get("body").getAsString(), string(vector, "x_slack_signature"),
                        vector.get("now_epoch_seconds").getAsLong() * 1000);
                assertThat(valid).as(vector.get("description").getAsString())
                        .isEqualTo(vector.get("expected_valid").getAsBoolean());
            }));
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(10);
        return tests;
    }

    private static String string(JsonObject vector, String field) {
        JsonElement value = vector.get(field);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }
}
